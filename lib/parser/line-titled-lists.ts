// Recognizer "line-titled-lists": failures written as an unordered list whose items open with a title
// line of their own, read only when no other recognizer found a failure in the document.
//
//   # Failures
//   - Region enforcement missing
//     The provider is created but never passed to the resources.
//
//     Model Response Issue:
//     ```python
//     aws_provider = aws.Provider("aws", region=AWS_REGION)
//     ```
//   - Restart interval too long
//     ...
//
// Every item of the list opens with a short capitalised line without closing punctuation, followed
// by more of the item (a second line or nested blocks). The list is then judged as a list series
// (list-series.ts): at least two items, most stating a problem (a side, a level, a problem word, or
// "Label:" lines of a side or an impact recurring across the items), outside sections that never
// hold failures.
import type { DraftContext, FailureDraft } from "./failure";
import { findListSeries } from "./list-series";

export const id = "line-titled-lists";

export function findLineTitledLists(ctx: DraftContext): FailureDraft[] {
  return findListSeries(ctx, false, true);
}
