// The review filters of the two lists (issue 17 "Find and act"), as URL state:
//   review=reviewed|unreviewed|disputed   (/failures: annotated by anyone, by nobody, disputed; the
//                                          first meaning of the param, kept)
//   review=…|outdated                     (/analyses: ticked reviewed by anyone, by nobody, one of its
//                                          failures disputed, annotations on failures it no longer has)
//   mine=reviewed|unreviewed              (by the signed-in reviewer)
//   tag=a,b                               (an annotation with any of these tags; case-insensitive)
//   reviewer=ada,bob                      (reviewed by any of these reviewers)
// Unknown values fall back to "no filter", so a stale link never crashes.
import { many, one, type RawSearchParams } from "./search-params";

/** /failures?review=: failures anyone annotated, nobody annotated, or that a reviewer disputes. */
export const REVIEW_FILTERS = ["reviewed", "unreviewed", "disputed"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

/** /analyses?review=: ticked reviewed by anyone, by nobody, disputed, or with outdated annotations. */
export const ANALYSIS_REVIEW_FILTERS = ["reviewed", "unreviewed", "disputed", "outdated"] as const;
export type AnalysisReviewFilter = (typeof ANALYSIS_REVIEW_FILTERS)[number];

/** ?mine=: reviewed by the signed-in reviewer, or not yet. */
export const MINE_FILTERS = ["reviewed", "unreviewed"] as const;
export type MineFilter = (typeof MINE_FILTERS)[number];

/** A tag as the filter compares it: trimmed, lower-case, no commas (the URL lists them comma-separated). */
export const TAG_PATTERN = /^[^\u0000-\u001f\u007f,]{1,40}$/;
/** A reviewer name (lib/auth/tokens.ts NAME_PATTERN, or a trusted header's name). */
export const REVIEWER_PATTERN = /^[^\u0000-\u001f\u007f,]{1,64}$/;

export interface ReviewParams<R extends string = ReviewFilter> {
  review?: R;
  mine?: MineFilter;
  tags: string[];
  reviewers: string[];
}

export function parseReviewParams<R extends string>(params: RawSearchParams, allowed: readonly R[]): ReviewParams<R> {
  const review = one(params, "review");
  const mine = one(params, "mine");
  return {
    review: allowed.find((r) => r === review),
    mine: MINE_FILTERS.find((m) => m === mine),
    tags: [
      ...new Set(
        many(params, "tag")
          .map((t) => t.toLowerCase())
          .filter((t) => TAG_PATTERN.test(t)),
      ),
    ],
    reviewers: many(params, "reviewer").filter((r) => REVIEWER_PATTERN.test(r)),
  };
}

/** The URL fields of a review state (empty ones are dropped by toQueryString). */
export function reviewQueryFields(state: Partial<ReviewParams<string>>): Record<string, string | string[] | undefined> {
  return { review: state.review, mine: state.mine, tag: state.tags, reviewer: state.reviewers };
}

/** How many review filters are set (for "N filters active"). */
export function reviewFilterCount(state: Partial<ReviewParams<string>>): number {
  return (state.review ? 1 : 0) + (state.mine ? 1 : 0) + (state.tags?.length ?? 0) + (state.reviewers?.length ?? 0);
}

/** What each review state is called on the lists (facet labels). */
export const FAILURE_REVIEW_LABELS: Record<ReviewFilter, string> = {
  reviewed: "Reviewed by anyone",
  unreviewed: "Not reviewed yet",
  disputed: "Disputed by a reviewer",
};
export const ANALYSIS_REVIEW_LABELS: Record<AnalysisReviewFilter, string> = {
  reviewed: "Marked reviewed by anyone",
  unreviewed: "Not marked reviewed",
  disputed: "A failure disputed",
  outdated: "Outdated annotations",
};
export const MINE_LABELS: Record<MineFilter, string> = { reviewed: "Reviewed by me", unreviewed: "Not reviewed by me" };
export const ANALYSIS_MINE_LABELS: Record<MineFilter, string> = {
  reviewed: "Marked reviewed by me",
  unreviewed: "Not marked reviewed by me",
};
