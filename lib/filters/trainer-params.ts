// URL state of the trainer pages (/scores, /gaps, /compare), parsed leniently with the shared helpers:
// unknown values fall back to defaults so a stale link still opens. The API parses the same names
// strictly (lib/validations/list-queries.ts).
import { GRADED_SEVERITIES, SLUG_PATTERN } from "../domain";
import { oneOf, one, parseGaps, parsePage, parsePlatforms, parseScoreBound, type RawSearchParams } from "./search-params";
import { SORT_DIRECTIONS, type SortDirection } from "./view-params";

export const SCORE_SORTS = ["score", ...GRADED_SEVERITIES, "load", "failures", "platform", "title"] as const;
export type ScoreSort = (typeof SCORE_SORTS)[number];

/** Text sorts read A–Z, number sorts biggest first, unless the URL says otherwise. */
export const SCORE_SORT_DEFAULT_DIR: Record<ScoreSort, SortDirection> = {
  score: "desc",
  critical: "desc",
  high: "desc",
  medium: "desc",
  low: "desc",
  load: "desc",
  failures: "desc",
  platform: "asc",
  title: "asc",
};

/** Consistency-audit filters: each narrows /scores to analyses with that problem. */
export const AUDIT_FILTERS = ["no-score", "no-failures", "warnings", "count-mismatch", "ungraded", "severity-mismatch"] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];

export const AUDIT_LABELS: Record<AuditFilter, string> = {
  "no-score": "No score",
  "no-failures": "No failures found",
  warnings: "Parse warnings",
  // The document's declared counts disagree with its items (not explained by ungraded items).
  "count-mismatch": "Declared counts differ",
  // The parser found items it could not grade (unknown severity).
  ungraded: "Items without a severity",
  "severity-mismatch": "Severity differs from section",
};

/** Outlier filters (lib/scores/outliers.ts): the table narrowed to one kind of flagged analysis. */
export const OUTLIER_FILTERS = ["high-heavy", "low-light"] as const;
export type OutlierFilter = (typeof OUTLIER_FILTERS)[number];

export const OUTLIER_LABELS: Record<OutlierFilter, string> = {
  "high-heavy": "High score, heavy failures",
  "low-light": "Low score, light failures",
};

export interface ScoreFilters {
  /** Any of these platforms (`?platform=aws,pulumi`; a single `?platform=aws` reads as before). */
  platforms: string[];
  /** Any of these gaps: the analysis names one, or one of its failures has one. */
  gaps: string[];
  minScore?: number;
  maxScore?: number;
  audit?: AuditFilter;
  outlier?: OutlierFilter;
  sort: ScoreSort;
  dir: SortDirection;
  page: number;
}

export const SCORES_PAGE_SIZE = 50;

export function parseScoreFilters(params: RawSearchParams): ScoreFilters {
  const sort = oneOf(one(params, "sort"), SCORE_SORTS, "score");
  let minScore = parseScoreBound(params, "min");
  let maxScore = parseScoreBound(params, "max");
  if (minScore !== undefined && maxScore !== undefined && minScore > maxScore) [minScore, maxScore] = [maxScore, minScore];
  const audit = one(params, "audit");
  const outlier = one(params, "outlier");
  return {
    platforms: parsePlatforms(params),
    gaps: parseGaps(params),
    minScore,
    maxScore,
    audit: (AUDIT_FILTERS as readonly string[]).includes(audit ?? "") ? (audit as AuditFilter) : undefined,
    outlier: (OUTLIER_FILTERS as readonly string[]).includes(outlier ?? "") ? (outlier as OutlierFilter) : undefined,
    sort,
    dir: oneOf(one(params, "dir"), SORT_DIRECTIONS, SCORE_SORT_DEFAULT_DIR[sort]),
    page: parsePage(params),
  };
}

/** The filters as URL params (defaults dropped), for links that keep the current state. */
export function scoreFilterParams(filters: Partial<ScoreFilters>): Record<string, string | number | string[] | undefined> {
  return {
    platform: filters.platforms,
    gap: filters.gaps,
    min: filters.minScore,
    max: filters.maxScore,
    audit: filters.audit,
    outlier: filters.outlier,
    sort: filters.sort === "score" ? undefined : filters.sort,
    dir: filters.sort && filters.dir !== SCORE_SORT_DEFAULT_DIR[filters.sort] ? filters.dir : undefined,
    page: filters.page && filters.page > 1 ? filters.page : undefined,
  };
}

export const GAP_SORTS = ["failures", "critical", "analyses", "score", "label"] as const;
export type GapSort = (typeof GAP_SORTS)[number];

export function parseGapSort(params: RawSearchParams): GapSort {
  return oneOf(one(params, "sort"), GAP_SORTS, "failures");
}

/** `?a=SLUG&b=SLUG`; a malformed slug is dropped (the page then asks for it). */
export function parseComparePair(params: RawSearchParams): { a?: string; b?: string } {
  const pick = (key: string) => {
    const value = one(params, key);
    return value && SLUG_PATTERN.test(value) ? value : undefined;
  };
  return { a: pick("a"), b: pick("b") };
}
