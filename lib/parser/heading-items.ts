// Recognizer "heading": a leaf heading is one failure when its fields state a problem or fix, or when
// it is numbered in a failure context (or at the document's top levels), or when it sits under a
// heading naming failures and has a body.
//
//   ## Critical Failures              ### Fault 2: Open Port
//   ### 1. Hardcoded Password         **Severity**: High
//   **MODEL_RESPONSE Issue**: ...     **Issue**: port 22 is open to the world
import type { RootContent } from "mdast";
import { at, declaresNonFailure, draftFromHeading, explain, hasBody, signals } from "./failure";
import { hasFailureEvidence, type Field } from "./fields";
import type { SectionRecognizer } from "./recognizer";
import { contextOf, namesFailuresInContext, type Section } from "./sections";
import { hasNumbering, numberedByFailureNoun } from "./text";

export const headingItems: SectionRecognizer = {
  id: "heading",
  summary: "A leaf heading whose fields state a problem or fix, or numbered in a failure context, is one failure.",
  examples: [
    "## Critical Failures\n### 1. Hardcoded Password\n**MODEL_RESPONSE Issue**: ...",
    "### Fault 2: Open Port\n**Issue**: port 22 is open",
  ],
  fixtures: ["numbered-h2-failures", "level-numbered-headings", "qualified-numbered-headings"],
  applies: () => true,
  find(ctx, { section, body, fields }) {
    const read = fields();
    if (!isHeadingFailure(section, read)) return [];
    explain(ctx, () => `heading: ${at(section)} taken: ${headingReason(section, read)}`);
    return [draftFromHeading(ctx, section, body as RootContent[], read)];
  },
};
export function isHeadingFailure(section: Section, fields: readonly Field[]): boolean {
  if (hasFailureEvidence(fields) && !declaresNonFailure(fields)) return true;
  if (section.weak) return false;
  const numbered = hasNumbering(section.text);
  const failureContext = namesFailuresInContext(section);
  // "### Fault 2: ..." names itself a failure, whatever its section is called.
  const ownNoun = numberedByFailureNoun(section.text);
  if (numbered && (failureContext || ownNoun || contextOf(section).length === 0 || section.depth <= 2)) return true;
  return failureContext && section.depth > 2 && hasBody(fields);
}

export function headingReason(section: Section, fields: readonly Field[]): string {
  if (hasFailureEvidence(fields) && !declaresNonFailure(fields)) return `fields state a problem or fix: ${signals(fields)}`;
  const numbered = hasNumbering(section.text);
  if (numbered && numberedByFailureNoun(section.text)) return "numbered by a failure noun";
  if (numbered && namesFailuresInContext(section)) return "numbered, under a heading naming failures or a level";
  if (numbered) return "numbered, at the document's top levels";
  return "under a heading naming failures, with a body";
}
