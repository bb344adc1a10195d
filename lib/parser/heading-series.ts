// Recognizer "heading-series": failures written as sibling headings without numbering or failure
// words of their own, read only when no other recognizer found a failure in the document.
//
//   # Model Failures                      ### Format and output shape
//   ## Shared IAM role instead of ...     - The response includes prose instead of one file ...
//   The prompt said each function ...     ### Providers and packaging
//   ## Missing function permissions       - Uses archive_file, which needs a provider the prompt ...
//
// A series is the leaf headings of one depth under one parent (the document title counts as none).
// It is taken, whole, when at least two of them have a body and most state one problem: a problem
// word in the title ("Missing ...", "... instead of ..."; a group name such as "Security Failures"
// is not one), or a side or level field in the body. A parent that names something other than
// failures ("## Deployment Steps") never holds one.
import type { RootContent } from "mdast";
import { at, draftFromHeading, explain, type DraftContext, type FailureDraft } from "./failure";
import { hasFailureEvidence, readFields, type Field } from "./fields";
import { structuralChildren, type Section } from "./sections";
import { namesFailures } from "./vocabulary";
import { judgeHeadingSiblings } from "./series-model";

export const id = "heading-series";

interface Candidate {
  section: Section;
  body: RootContent[];
  fields: Field[];
  evidence: boolean;
}

/** Whether a sibling heading states a problem, from its title, its body and its fields. */
export type HeadingEvidence = (section: Section, body: readonly RootContent[], fields: readonly Field[]) => boolean;

const titleEvidence: HeadingEvidence = (section, body, fields) => hasFailureEvidence(fields) || statesProblem(section.text);

/**
 * `evidenceOf` judges each sibling; `name` names the recognizer in `--explain`; `underFailures`: only
 * series whose parent, or the document's title when they have none, names failures.
 */
export function findHeadingSeries(
  ctx: DraftContext,
  evidenceOf: HeadingEvidence = titleEvidence,
  name = id,
  underFailures = false,
  /** Take only the siblings that state a problem (the others are not part of the series). */
  onlyEvidence = false,
): FailureDraft[] {
  const groups = new Map<Section | null, Section[]>();
  for (const section of ctx.outline.sections) {
    if (section.isTitle || structuralChildren(section).length > 0) continue;
    const parent = section.parent && !section.parent.isTitle ? section.parent : null;
    const key = parent;
    const list = groups.get(key) ?? [];
    list.push(section);
    groups.set(key, list);
  }
  const drafts: FailureDraft[] = [];
  for (const [parent, all] of groups) {
    if (parent && (parent.excluded || parent.negation || parent.side || parent.field)) continue;
    // A parent heading with words of its own must name failures or a level.
    if (parent && !namesFailures(parent.text) && parent.level === null) continue;
    if (underFailures && !namesFailures((parent ?? ctx.outline.sections.find((t) => t.isTitle))?.text ?? "")) continue;
    // One depth: the most common among the siblings.
    const depth = mostCommon(all.map((s) => s.depth));
    const siblings = all.filter((s) => s.depth === depth);
    const candidates = siblings
      .filter((s) => !s.excluded && !s.negation && !s.side && !s.field)
      .map((section): Candidate => {
        const body = ctx.root.children.slice(section.index + 1, section.end);
        const fields = readFields(ctx.source, body, section.line);
        const evidence = body.length > 0 && evidenceOf(section, body, fields);
        return { section, body, fields, evidence };
      })
      .filter((c) => c.body.length > 0);
    const judged = judgeHeadingSiblings(name, candidates, ctx.series);
    const withEvidence = judged.stating;
    const taken = judged.taken;
    explain(
      ctx,
      () =>
        `${name}: ${candidates.length} sibling headings under ${parent ? at(parent) : "the document"}, ` +
        `${withEvidence} stating a problem: ${taken ? "taken" : "dropped"} (${judged.why}): ` +
        candidates.map((c) => `"${c.section.text}"${c.evidence ? "" : " (no problem stated)"}`).join(", "),
    );
    if (taken)
      drafts.push(...candidates.filter((c) => !onlyEvidence || c.evidence).map((c) => draftFromHeading(ctx, c.section, c.body, c.fields)));
  }
  return drafts.sort((a, b) => a.line - b.line);
}

/**
 * A title stating one problem ("Shared IAM role instead of separate roles", "Missing KMS key"), not
 * naming a group of them ("Security Failures", "Common Issues") nor a part of a report ("Root Cause").
 */
export function statesProblem(title: string): boolean {
  if (GROUP_TITLE.test(title)) return false;
  return SPECIFIC_PROBLEM.test(title);
}

const GROUP_TITLE =
  /\b(?:failures|issues|problems|errors|bugs|gaps|mistakes|pitfalls|modes|causes|risks|violations|findings|symptoms|concerns)\b/i;
/** The problem words of list-series, without the nouns that name a kind of section. */
export const SPECIFIC_PROBLEM =
  /\b(missing|lacks?|lacking|no|not|never|without|instead|incorrect(?:ly)?|wrong|invalid|broken|hard-?coded|deprecated|insecure|vulnerab\w*|unused|misconfigur\w*|mismatch\w*|incomplete|overly|excessive|unnecessary|redundant|cannot|can't|doesn't|does not|didn't|did not|isn't|won't|weak|exposed|too|truncat\w*|non-?existent|unsupported|conflict\w*|fails?|failed)\b/i;

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}
