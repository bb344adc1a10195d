// Recognizer "prose-heading-series": failures written as sibling headings, each a paragraph or more of
// prose, under a title that names failures; read only when no other recognizer found a failure.
//
//   # Model Implementation Issues
//   ## Java Type Compatibility Issues
//   The original code had type mismatches that prevented compilation. ...
//   ## Missing EnvironmentSuffix Parameter
//   Resource names had no suffix, so two deployments collided. ...
//
// The series is found as by heading-series (leaf headings of one depth under one parent), but only
// when the parent, or the document's title when they sit right under it, names failures. A sibling
// states a problem when heading-series would say so (a problem word in its title, a side or level
// field), when its title names a group of failures and its body is prose without a list of items
// (nothing in it for the heading to group), or when the first sentence of its body states a problem.
// The series is taken when at least two siblings have a body and most state a problem; its items are
// the siblings that state one (one naming what went right or advice, "What Actually Works Well", does
// not); a document with a heading of a rubric or a
// guide (failures that "might" happen, "Common Failure Modes", "Symptoms", "Prevention") has none.
import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { DraftContext, FailureDraft } from "./failure";
import { at, declaresNonFailure, explain } from "./failure";
import { hasFailureEvidence } from "./fields";
import { findHeadingSeries, SPECIFIC_PROBLEM, statesProblem, type HeadingEvidence } from "./heading-series";
import { NOT_FAILURES } from "./numbered-heading-series";
import { namesFailures } from "./vocabulary";

export const id = "prose-heading-series";

/**
 * Words of a rubric or a guide rather than a report: failures that could happen ("Why a model might
 * fail", "Common Failure Modes", "Likely failure scenarios"), their signs and their prevention.
 */
const RUBRIC =
  /\b(?:might|could|may|would|likely|typical(?:ly)?|common|potential|possible|hypothetical|symptoms?|signals?|prevention|preventing|remediation|guidance|consequences|recovery|scenarios?|modes|conditions|examples?|checklist)\b/i;

const proseEvidence: HeadingEvidence = (section, body, fields) => {
  if (declaresNonFailure(fields) || NOT_FAILURES.test(section.text)) return false;
  if (hasFailureEvidence(fields) || statesProblem(section.text)) return true;
  const prose = body.some((node) => node.type === "paragraph") && !body.some((node) => node.type === "list");
  if (prose && namesFailures(section.text)) return true;
  return SPECIFIC_PROBLEM.test(firstSentence(body));
};

function firstSentence(body: readonly RootContent[]): string {
  const first = body.find((node) => node.type === "paragraph" || node.type === "list");
  return (first ? toString(first) : "").split(/(?<=[.!?])\s/)[0]?.slice(0, 300) ?? "";
}

export function findProseHeadingSeries(ctx: DraftContext): FailureDraft[] {
  const rubric = ctx.outline.sections.find((s) => RUBRIC.test(s.text));
  if (rubric) {
    explain(
      ctx,
      () => `${id}: none taken: ${at(rubric)} reads as a rubric or a guide (failures that could happen, their signs or prevention)`,
    );
    return [];
  }
  return findHeadingSeries(ctx, proseEvidence, id, true, true);
}
