// Recognizer "numbered-heading-series": a numbered series of sibling headings wherever the author put
// it, read only when no other recognizer found a failure in the document.
//
//   # Model Failures Documentation           ## Infrastructure Changes Required
//   ## Summary                               ### 1. Provider Configuration Separation
//   Three issues were found ...              The model put the provider in main.tf instead of ...
//   ### 1. S3 Bucket Name Validation Error   ### 2. Security Group Egress Rules
//   **Issue:** ...  **Fix:** ...             No egress rule was defined, so ...
//
// The section walk rules out a numbered heading under a heading that frames a part of the report
// ("## Summary", "## Overview", "## Comparison Analysis") or that names changes rather than failures
// ("## Infrastructure Changes Required"). When nothing else in the document is a failure, such a
// series is what the report lists: the leaf headings of one depth under one parent, most of them
// numbered, the numbers rising. It is taken when at least two items have a body and most state a
// problem (a side, level, root-cause, impact or error field, a problem word in the title or the first
// sentence, or a level marked in the title), and neither the parent nor an ancestor is a part that
// holds what went right, passed, or is only advice ("## What The Model Did Right", "## Strengths",
// "## Recommendations", "## Lessons Learned").
import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { at, declaresNonFailure, draftFromHeading, explain, type DraftContext, type FailureDraft } from "./failure";
import { readFields, type Field } from "./fields";
import { PROBLEM } from "./list-series";
import { structuralChildren, type Section } from "./sections";
import { hasNumbering, numberOf } from "./text";
import { isNegationHeading, levelOfTitle } from "./vocabulary";
import { judgeHeadingSiblings } from "./series-model";

export const id = "numbered-heading-series";

/** Parts of a report that hold what went right, what passed, or advice: never a failure series. */
export const NOT_FAILURES =
  /\b(strengths?|did (?:well|right|correctly)|got right|went (?:well|right)|done (?:well|right)|correctly|what worked|positives?|excel\w*|success\w*|passed|passing|non[- ]?failures?|not (?:a )?failures?|tips|avoid\w*|lessons?|learnings?|takeaways?|recommend\w*|future|next steps|superior|advantages?|benefits|requirements? (?:met|satisfied|fulfilled)|checklist|usage|instructions|how to|steps|setup|prerequisites|implemented|features|highlights|best practices|potential|enhancements?|added|completed|achievements?)\b/i;

/** An item marked as done right ("1. Component-Based Architecture ✅", "Outputs (Excellent)"). */
export const POSITIVE_ITEM =
  /✅|✔|\((?:excellent|good|correct|pass(?:ed)?|ok)\)|\b(?:fully|correctly|successfully|properly) (?:implemented|configured|met)\b|[-–—:]\s*(?:pass(?:ed)?|ok|met|done)\s*$/i;

/** Fields that state the problem, its fix, a level, its cause, its impact or the error it gave. */
export const EVIDENCE_KINDS = new Set(["model", "ideal", "severity", "rootCause", "impact", "error"]);

interface Candidate {
  section: Section;
  body: RootContent[];
  fields: Field[];
  evidence: boolean;
}

export function findNumberedHeadingSeries(ctx: DraftContext): FailureDraft[] {
  const groups = new Map<Section | null, Section[]>();
  for (const section of ctx.outline.sections) {
    if (section.isTitle || section.side || section.field || structuralChildren(section).length > 0) continue;
    const parent = section.parent && !section.parent.isTitle ? section.parent : null;
    const list = groups.get(parent) ?? [];
    list.push(section);
    groups.set(parent, list);
  }
  const drafts: FailureDraft[] = [];
  for (const [parent, all] of groups) {
    const numbered = all.filter((s) => hasNumbering(s.text));
    if (numbered.length < 2 || numbered.length < all.length * 0.6) continue;
    const depth = numbered[0]?.depth;
    const siblings = numbered.filter((s) => s.depth === depth);
    const context = parent ? ancestry(parent) : [];
    const ruledOut = context.find((s) => NOT_FAILURES.test(s.text) || isNegationHeading(s.text));
    if (ruledOut) {
      explain(
        ctx,
        () => `${id}: ${siblings.length} numbered headings under ${at(parent as Section)} dropped: ${at(ruledOut)} holds no failures`,
      );
      continue;
    }
    if (!rising(siblings)) {
      explain(
        ctx,
        () =>
          `${id}: ${siblings.length} numbered headings under ${parent ? at(parent) : "the document"} dropped: their numbers do not rise`,
      );
      continue;
    }
    const candidates = siblings
      .map((section): Candidate => {
        const body = ctx.root.children.slice(section.index + 1, section.end);
        const fields = readFields(ctx.source, body, section.line);
        const positive = POSITIVE_ITEM.test(toString(section.heading)) || declaresNonFailure(fields);
        return { section, body, fields, evidence: !positive && statesProblem(section, body, fields) };
      })
      .filter((c) => c.body.length > 0);
    const judged = judgeHeadingSiblings(id, candidates, ctx.series);
    const withEvidence = judged.stating;
    const taken = judged.taken;
    explain(
      ctx,
      () =>
        `${id}: ${candidates.length} numbered headings under ${parent ? at(parent) : "the document"}, ${withEvidence} stating a problem: ` +
        `${taken ? "taken" : "dropped"} (${judged.why}): ` +
        candidates.map((c) => `"${c.section.text}"${c.evidence ? "" : " (no problem stated)"}`).join(", "),
    );
    if (taken) drafts.push(...candidates.map((c) => draftFromHeading(ctx, c.section, c.body, c.fields)));
  }
  return drafts.sort((a, b) => a.line - b.line);
}

/** The section and its ancestors, the document title left out. */
export function ancestry(section: Section): Section[] {
  const chain: Section[] = [];
  for (let s: Section | null = section; s; s = s.parent) if (!s.isTitle) chain.push(s);
  return chain;
}

/** Numbers that rise from one item to the next ("1." "2." "3.", or "4." "5." after an earlier part). */
function rising(sections: readonly Section[]): boolean {
  const numbers = sections.map((s) => numberOf(s.text));
  return numbers.every((n, i) => n !== null && (i === 0 || n > (numbers[i - 1] ?? Infinity)));
}

function statesProblem(section: Section, body: readonly RootContent[], fields: readonly Field[]): boolean {
  if (fields.some((f) => f.label !== null && EVIDENCE_KINDS.has(f.kind))) return true;
  if (levelOfTitle(section.text) !== null) return true;
  const first = body.find((node) => node.type === "paragraph" || node.type === "list");
  const sentence = (first ? toString(first) : "").split(/(?<=[.!?])\s/)[0]?.slice(0, 300) ?? "";
  return PROBLEM.test(`${section.text} ${sentence}`);
}
