// Recognizer "single-numbered-heading": a report of one failure, written as a lone numbered heading
// under a part that frames the report, read only when no other recognizer found a failure.
//
//   # Model Response Failures Analysis
//   ## Executive Summary
//   **Total Failures Identified**: 1 Critical
//   ### 1. Outdated PostgreSQL Engine Version
//   **MODEL_RESPONSE Issue**: ...
//   **IDEAL_RESPONSE Fix**: ...
//   **Root Cause**: ...
//
// The section walk rules the heading out for its parent's words ("Summary"), and the numbered series
// needs two items. A lone "1." heading is taken when it is the only numbered heading under its parent,
// no ancestor holds what went right or advice, it is not marked as done right, and it states the
// problem in detail: at least two labelled fields of different kinds among the model's side, the
// fix, the root cause, the impact and the error.
import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { at, declaresNonFailure, draftFromHeading, explain, type DraftContext, type FailureDraft } from "./failure";
import { readFields } from "./fields";
import { ancestry, EVIDENCE_KINDS, NOT_FAILURES, POSITIVE_ITEM } from "./numbered-heading-series";
import { structuralChildren, type Section } from "./sections";
import { hasNumbering, numberOf } from "./text";
import { isNegationHeading } from "./vocabulary";

export const id = "single-numbered-heading";

const DETAIL_KINDS = new Set([...EVIDENCE_KINDS].filter((kind) => kind !== "severity"));

export function findSingleNumberedHeading(ctx: DraftContext): FailureDraft[] {
  const groups = new Map<Section | null, Section[]>();
  for (const section of ctx.outline.sections) {
    if (section.isTitle || section.side || section.field || structuralChildren(section).length > 0) continue;
    if (!hasNumbering(section.text)) continue;
    const parent = section.parent && !section.parent.isTitle ? section.parent : null;
    groups.set(parent, [...(groups.get(parent) ?? []), section]);
  }
  const drafts: FailureDraft[] = [];
  for (const [parent, numbered] of groups) {
    const [section] = numbered;
    if (numbered.length !== 1 || !section || numberOf(section.text) !== 1) continue;
    const ruledOut = (parent ? ancestry(parent) : []).find((s) => NOT_FAILURES.test(s.text) || isNegationHeading(s.text));
    if (ruledOut || POSITIVE_ITEM.test(toString(section.heading))) continue;
    const body: RootContent[] = ctx.root.children.slice(section.index + 1, section.end);
    const fields = readFields(ctx.source, body, section.line);
    const kinds = new Set(fields.filter((f) => f.label !== null && DETAIL_KINDS.has(f.kind)).map((f) => f.kind));
    const taken = kinds.size >= 2 && !declaresNonFailure(fields);
    explain(
      ctx,
      () =>
        `${id}: ${at(section)}, the only numbered heading under ${parent ? at(parent) : "the document"}, ` +
        `fields of ${kinds.size} kind(s) (${[...kinds].join(", ") || "none"}): ${taken ? "taken" : "dropped (needs two kinds)"}`,
    );
    if (taken) drafts.push(draftFromHeading(ctx, section, body, fields));
  }
  return drafts.sort((a, b) => a.line - b.line);
}
