// Series rules: after the recognizers found their candidates, the document's series are chosen
// consistently. A report lists its failures once, in detail; later parts that name groups, tally
// levels, summarise the fixes or describe the ideal response are not more failures (LABELING.md:
// "headings that only group other items", "recaps / summary tables / fix summaries").
//
// Each rule has an id, the layout that motivated it, and a test (a fixture per id:
// tests/parser/fixtures/<id>/). A rule only drops candidates; it never adds one.
import type { FailureDraft, DraftContext } from "./failure";
import { explain } from "./failure";
import { namesFailures } from "./vocabulary";

export interface SeriesRule {
  id: string;
  /** What the rule reads, in one sentence. */
  summary: string;
  /** The layout that motivated it (written for the fixture, not copied from a report). */
  example: string;
  /** Why a candidate is dropped, or null to keep it. */
  drops(draft: FailureDraft, all: readonly FailureDraft[]): string | null;
}

const LEVEL = "(?:critical|blocker|severe|high|major|significant|medium|moderate|low|minor|trivial)";
const GROUP_NOUN = "(?:failures|issues|problems|errors|gaps|findings|defects|bugs|concerns|violations)";
/** "Critical", "High Impact Failures (Security)", "Low Priority Issues:": a level or a level's group. */
const GROUP_TITLE = new RegExp(`^${LEVEL}(?:[- ](?:impact|priority|severity|risk|level))?(?:\\s+${GROUP_NOUN})?$`, "i");

/** Words naming fixes made or to make ("## Required Fixes", "## Issues Resolved"); parentheses are qualifiers. */
const FIX_SECTION = /\b(?:fix(?:es|ed)?|resolved|corrected|addressed|remediations?)\b/i;

function bare(title: string): string {
  return title
    .replace(/\([^)]*\)/g, " ")
    .replace(/[:：]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The item states something of its own: a side, a root cause, an impact, a field or its own level. */
export function hasOwnContent(draft: FailureDraft): boolean {
  return (
    draft.model.text.length > 0 ||
    draft.model.code.length > 0 ||
    draft.ideal.text.length > 0 ||
    draft.ideal.code.length > 0 ||
    draft.rootCause !== null ||
    draft.impacts.length > 0 ||
    (draft.fields?.length ?? 0) > 0 ||
    draft.ownSeverity !== null
  );
}

/** At least two items with content of their own outside `section`: the document's detailed series. */
function detailedElsewhere(all: readonly FailureDraft[], section: string | null): boolean {
  return all.filter((d) => d.section !== section && hasOwnContent(d)).length >= 2;
}

export const SERIES_RULES: readonly SeriesRule[] = [
  {
    id: "level-group-titles",
    summary:
      "An item titled only by a level or a level's group ('Critical', 'High Impact Failures (Security)') groups or counts other items.",
    example: "## Failure Count\n- **Critical**: 0\n- **High**: 2",
    drops: (draft) => (GROUP_TITLE.test(bare(draft.title)) ? "its title names a level or a level's group, not a problem" : null),
  },
  {
    id: "fix-summary-items",
    summary:
      "An item with no content of its own under a heading naming fixes ('## Required Fixes') restates failures the document details elsewhere.",
    example: "## Required Fixes\n1. **Add Test Files**\n2. **Fix Outputs**",
    drops: (draft, all) =>
      draft.section !== null &&
      FIX_SECTION.test(draft.section.replace(/\([^)]*\)/g, " ")) &&
      !hasOwnContent(draft) &&
      detailedElsewhere(all, draft.section)
        ? "a fix summary without content of its own; the failures are detailed elsewhere"
        : null,
  },
  {
    id: "ideal-side-sections",
    summary:
      "Items of a section about the ideal response alone ('## Why the Ideal Response Is Better') describe the fix when the failures are listed elsewhere.",
    example: "## Why the Ideal Response Is Better\n### 1. Proper Imports\n...\n## Model Failures\n### Failure 1: Wrong Import",
    drops: (draft, all) => {
      const section = draft.section ?? "";
      if (!/\bideal\b/i.test(section) || /\bmodel\b/i.test(section) || namesFailures(section)) return null;
      const elsewhere = all.filter((d) => d.section !== draft.section).length;
      return elsewhere >= 2 ? "a section about the ideal response alone; the failures are listed elsewhere" : null;
    },
  },
];

/** Applies every series rule in order; explains each drop. */
export function applySeriesRules(ctx: DraftContext, drafts: FailureDraft[]): FailureDraft[] {
  let kept = drafts;
  for (const rule of SERIES_RULES) {
    const before = kept;
    kept = before.filter((draft) => {
      const reason = rule.drops(draft, before);
      if (reason) explain(ctx, () => `${rule.id}: line ${draft.line} "${draft.title}" dropped: ${reason}`);
      return reason === null;
    });
  }
  return kept;
}
