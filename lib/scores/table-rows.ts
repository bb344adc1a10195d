// What one row of the /scores table shows, and nothing more: the rows are rendered by a client
// component, so this is what travels in the page's RSC payload (a few hundred bytes a row instead of
// the full element tree of its cells).
import { analysisSubtitle, formatScore } from "../analyses/analysis-name";
import type { ReviewShare } from "../reviews/trainer";
import type { ScoreRow, ScoresView } from "./list-scores";
import { OUTLIER_RULES } from "./outliers";
import { OUTLIER_MIN_POINTS } from "./score-summary";
import { describeScoreSource } from "./score-source";

export interface ScoreTableRow {
  slug: string;
  title: string;
  /** Task id or slug when the title does not name it (many reports share a title). */
  sub?: string;
  /** "8.5/10", or "—". */
  score: string;
  /** Where the score was read from, when there is one. */
  source?: string;
  /** Failures per severity as parsed: critical, high, medium, low. */
  counts: [number, number, number, number];
  load: number;
  platform: string | null;
  failures: number;
  outlier?: true;
  /** Only when reviewers reviewed something. */
  review?: ReviewShare;
}

/** Whether a row of the view is an outlier: in a region of the rules, once there are enough scores to rank loads. */
export function outlierOf(view: Pick<ScoresView, "rankedCount" | "loadBounds">): (r: ScoreRow) => boolean {
  const { heavyFrom, lightUpTo } = view.loadBounds;
  return (r) =>
    r.scoreNorm !== null &&
    view.rankedCount >= OUTLIER_MIN_POINTS &&
    ((r.scoreNorm >= OUTLIER_RULES.highScore && heavyFrom !== null && r.failureLoad >= heavyFrom) ||
      (r.scoreNorm <= OUTLIER_RULES.lowScore && lightUpTo !== null && r.failureLoad <= lightUpTo));
}

export function scoreTableRows(
  rows: ScoreRow[],
  isOutlier: (r: ScoreRow) => boolean,
  reviews: ReadonlyMap<number, ReviewShare>,
): ScoreTableRow[] {
  return rows.map((r) => {
    const sub = analysisSubtitle(r);
    const review = reviews.get(r.id);
    return {
      slug: r.slug,
      title: r.title,
      ...(sub ? { sub } : {}),
      score: formatScore(r),
      ...(r.scoreNorm !== null ? { source: describeScoreSource(r.scoreSource) } : {}),
      counts: [r.criticalCount, r.highCount, r.mediumCount, r.lowCount],
      load: r.failureLoad,
      platform: r.platform,
      failures: r.failureCount,
      ...(isOutlier(r) ? { outlier: true as const } : {}),
      ...(review && (review.reviewed > 0 || review.asReviewed) ? { review } : {}),
    };
  });
}
