// One line of review state under a failure in a list (issue 17): its verdict counts, whether it is
// disputed, the severity most proposed and the tags, so a reviewer sees what the filters selected.
import type { FailureReviewState } from "@/lib/reviews/summary";

export function ReviewStateLine({ review, severity }: { review: FailureReviewState | null | undefined; severity: string }) {
  if (!review) return null;
  const verdicts = (["agree", "disagree", "unsure"] as const).filter((v) => review[v] > 0).map((v) => `${review[v]} ${v}`);
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-700 dark:text-slate-300" data-review-state>
      <span>
        <span className="font-medium">Review:</span> {verdicts.join(" · ")} ({review.reviewers.join(", ")})
      </span>
      {review.disputed && (
        <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-900 dark:bg-red-950 dark:text-red-200">disputed</span>
      )}
      {review.proposedSeverity && review.proposedSeverity !== severity && <span>proposed: {review.proposedSeverity}</span>}
      {review.tags.map((t) => (
        <span
          key={t}
          className="rounded bg-slate-200 px-1.5 py-0.5 [overflow-wrap:anywhere] text-slate-800 dark:bg-slate-700 dark:text-slate-100"
        >
          {t}
        </span>
      ))}
    </p>
  );
}
