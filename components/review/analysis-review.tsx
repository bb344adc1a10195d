// An analysis's own review (issue 17), under its facts: each reviewer's "reviewed" tick (like GitHub's
// Viewed checkbox) and overall comment, and for a signed-in reviewer the tick and comment box.
import { currentViewer } from "@/lib/auth/current-viewer";
import { analysisReviews } from "@/lib/reviews/analysis-reviews";
import { AnalysisReviewClient } from "./analysis-review-client";

export async function AnalysisReview({ analysisId, slug }: { analysisId: number; slug: string }) {
  const viewer = await currentViewer();
  let items;
  try {
    items = await analysisReviews(analysisId, viewer?.reviewer ?? null);
  } catch (error) {
    // A database without the review tables yet (not migrated) must not take the page down with it.
    console.error("analysis review:", error);
    return null;
  }
  return <AnalysisReviewClient slug={slug} initial={items} viewer={viewer ? viewer.reviewer.name : null} />;
}
