// An analysis's own review (issue 17), under its facts: each reviewer's "reviewed" tick (like GitHub's
// Viewed checkbox) and overall comment, and for a signed-in reviewer the tick and comment box.
import { currentViewer } from "@/lib/auth/current-viewer";
import { analysisReviews } from "@/lib/reviews/analysis-reviews";
import { reviewShareOf } from "@/lib/reviews/trainer";
import { SeverityCounts } from "../severity-counts";
import { AnalysisReviewClient } from "./analysis-review-client";

export async function AnalysisReview({ analysisId, slug }: { analysisId: number; slug: string }) {
  const viewer = await currentViewer();
  let items;
  let share;
  try {
    [items, share] = await Promise.all([analysisReviews(analysisId, viewer?.reviewer ?? null), reviewShareOf(analysisId)]);
  } catch (error) {
    // A database without the review tables yet (not migrated) must not take the page down with it.
    console.error("analysis review:", error);
    return null;
  }
  return (
    <>
      {share?.asReviewed && (
        <div role="note" aria-label="Severity as reviewed" className="flex flex-wrap items-center gap-2 text-sm" data-as-reviewed>
          <span className="text-slate-700 dark:text-slate-300">Failures as reviewed (the severity most reviewers give):</span>
          <SeverityCounts counts={share.asReviewed} />
        </div>
      )}
      <AnalysisReviewClient slug={slug} initial={items} viewer={viewer ? viewer.reviewer.name : null} />
    </>
  );
}
