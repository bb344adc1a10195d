// The reviewer pages' URL state (/failures, /analyses, diff mode), parsed from search params with the
// shared helpers: unknown values fall back to defaults, so a hand-edited or stale link never crashes.
import { ANALYSIS_VIEWS, DIFF_MODES, type AnalysisView, type DiffMode, type Severity } from "../domain";
import {
  ANALYSIS_SORTS,
  DEFAULT_DIRECTION,
  FAILURE_SORTS,
  SORT_DIRECTIONS,
  WARNING_FILTERS,
  defaultAnalysisSort,
  defaultFailureSort,
  type AnalysisSort,
  type FailureSort,
  type SortDirection,
  type WarningFilter,
} from "../domain/lists";
import {
  oneOf,
  parseGaps,
  parsePage,
  parsePlatforms,
  parseQuery,
  parseScoreBound,
  parseSeverities,
  one,
  type RawSearchParams,
} from "./search-params";
import type { FormDefaults } from "./form-url";
import {
  ANALYSIS_REVIEW_FILTERS,
  parseReviewParams,
  REVIEW_FILTERS,
  type AnalysisReviewFilter,
  type MineFilter,
  type ReviewFilter,
} from "./review-params";

export { REVIEW_FILTERS, type ReviewFilter } from "./review-params";
// The lists' vocabulary lives in lib/domain (the read side sorts and pages by it); pages take it from here too.
export * from "../domain/lists";

/** The sort a list uses when the URL names none: relevance with a query, else the list's own. */
function sortFor<T extends string>(value: string | undefined, allowed: readonly T[], q: string | undefined, fallback: T): T {
  const sort = oneOf(value, allowed, q ? ("relevance" as T) : fallback);
  return sort === "relevance" && !q ? fallback : sort;
}

export interface FailureFilters {
  severities: Severity[];
  gaps: string[];
  /** Any of these platforms. */
  platforms: string[];
  q?: string;
  review?: ReviewFilter;
  /** Reviewed (annotated) by the signed-in reviewer, or not yet. */
  mine?: MineFilter;
  /** Annotated with any of these tags (lower-case). */
  tags: string[];
  /** Annotated by any of these reviewers. */
  reviewers: string[];
  sort: FailureSort;
  page: number;
}

export function parseFailureFilters(params: RawSearchParams): FailureFilters {
  const q = parseQuery(params);
  return {
    severities: parseSeverities(params),
    gaps: parseGaps(params),
    platforms: parsePlatforms(params),
    q,
    ...parseReviewParams(params, REVIEW_FILTERS),
    sort: sortFor(one(params, "sort"), FAILURE_SORTS, q, "severity"),
    page: parsePage(params),
  };
}

export interface AnalysisFilters {
  q?: string;
  /** Severity, gap and platform select analyses having one failure matching all three. */
  severities: Severity[];
  /** Any of these gaps. */
  gaps: string[];
  /** Any of these platforms. */
  platforms: string[];
  minScore?: number;
  maxScore?: number;
  warnings: WarningFilter;
  /** Ticked reviewed by anyone / nobody, one of its failures disputed, or outdated annotations. */
  review?: AnalysisReviewFilter;
  /** Ticked reviewed by the signed-in reviewer, or not. */
  mine?: MineFilter;
  /** One of its annotations has any of these tags (lower-case). */
  tags: string[];
  /** Reviewed (ticked, commented or annotated) by any of these reviewers. */
  reviewers: string[];
  sort: AnalysisSort;
  dir: SortDirection;
  page: number;
}

export function parseAnalysisFilters(params: RawSearchParams): AnalysisFilters {
  const q = parseQuery(params);
  const sort = sortFor(one(params, "sort"), ANALYSIS_SORTS, q, "date");
  let minScore = parseScoreBound(params, "min");
  let maxScore = parseScoreBound(params, "max");
  if (minScore !== undefined && maxScore !== undefined && minScore > maxScore) [minScore, maxScore] = [maxScore, minScore];
  return {
    q,
    severities: parseSeverities(params),
    gaps: parseGaps(params),
    platforms: parsePlatforms(params),
    minScore,
    maxScore,
    warnings: oneOf(one(params, "warnings"), WARNING_FILTERS, "any"),
    ...parseReviewParams(params, ANALYSIS_REVIEW_FILTERS),
    sort,
    dir: oneOf(one(params, "dir"), SORT_DIRECTIONS, DEFAULT_DIRECTION[sort]),
    page: parsePage(params),
  };
}

export { DIFF_MODES, type DiffMode };

/** `?diff=unified` or `?diff=split`; split by default (narrow screens still fall back to unified). */
export function parseDiffMode(params: RawSearchParams): DiffMode {
  return oneOf(one(params, "diff"), DIFF_MODES, "split");
}

export { ANALYSIS_VIEWS, type AnalysisView };

export function parseAnalysisView(params: RawSearchParams): AnalysisView {
  return oneOf(one(params, "view"), ANALYSIS_VIEWS, "failures");
}

/** Defaults a /failures URL leaves out (one canonical URL per view). */
export function failureDefaults(q: string | undefined): Record<string, string | number> {
  return { sort: defaultFailureSort(q), page: 1 };
}

/** The defaults the /failures filter form leaves out. */
export const FAILURE_FORM_DEFAULTS: FormDefaults = { plain: failureDefaults(undefined), withQuery: failureDefaults("q") };

/** Defaults an /analyses URL leaves out: no `warnings=any`, no `sort=date` (or relevance with a query). */
export function analysisDefaults(q: string | undefined, sort: AnalysisSort = defaultAnalysisSort(q)): Record<string, string | number> {
  return { warnings: "any", sort: defaultAnalysisSort(q), dir: DEFAULT_DIRECTION[sort], page: 1 };
}

/** The defaults the /analyses filter form leaves out (its `dir` field is empty unless it differs). */
export const ANALYSIS_FORM_DEFAULTS: FormDefaults = {
  plain: { warnings: "any", sort: defaultAnalysisSort(undefined) },
  withQuery: { sort: defaultAnalysisSort("q") },
};

/** A route param as stored: decoded once when it arrives percent-encoded, untouched when malformed. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
