// The lists' vocabulary: how /failures and /analyses sort, in which direction by default, which
// warning filter values exist, and how many rows a page holds. The URL module (lib/filters) parses
// these from search params; the read side sorts and pages by them.

/** "relevance" (bm25) applies only with a query, and is then the default. */
export const FAILURE_SORTS = ["relevance", "severity", "analysis", "recent"] as const;
export type FailureSort = (typeof FAILURE_SORTS)[number];

export function defaultFailureSort(q: string | undefined): FailureSort {
  return q ? "relevance" : "severity";
}

export const ANALYSIS_SORTS = ["relevance", "date", "score", "critical", "title"] as const;
export type AnalysisSort = (typeof ANALYSIS_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const WARNING_FILTERS = ["any", "yes", "no"] as const;
export type WarningFilter = (typeof WARNING_FILTERS)[number];

/** The direction each sort uses when the URL does not say: best-first for numbers, A-Z for titles. */
export const DEFAULT_DIRECTION: Record<AnalysisSort, SortDirection> = {
  relevance: "desc",
  date: "desc",
  score: "desc",
  critical: "desc",
  title: "asc",
};

export function defaultAnalysisSort(q: string | undefined): AnalysisSort {
  return q ? "relevance" : "date";
}

/** Rows per page of /failures and /analyses. */
export const PAGE_SIZE = 25;
