// URL state of the trainer pages (/scores, /gaps, /compare), parsed leniently with the shared helpers:
// unknown values fall back to defaults so a stale link still opens. The API parses the same names
// strictly (lib/api/list-params.ts).
import {
  oneOf, one, parseGaps, parsePage, parsePlatform, parseScoreBound, type RawSearchParams,
} from "./search-params";
import { SORT_DIRECTIONS, type SortDirection } from "./view-params";

export const SCORE_SORTS = ["score", "critical", "high", "medium", "low", "load", "failures", "platform", "title"] as const;
export type ScoreSort = (typeof SCORE_SORTS)[number];

/** Text sorts read A–Z, number sorts biggest first, unless the URL says otherwise. */
export const SCORE_SORT_DEFAULT_DIR: Record<ScoreSort, SortDirection> = {
  score: "desc", critical: "desc", high: "desc", medium: "desc", low: "desc", load: "desc", failures: "desc",
  platform: "asc", title: "asc",
};

/** Consistency-audit filters: each narrows /scores to analyses with that problem. */
export const AUDIT_FILTERS = ["no-score", "no-failures", "warnings", "count-mismatch", "severity-mismatch"] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];

export const AUDIT_LABELS: Record<AuditFilter, string> = {
  "no-score": "No score",
  "no-failures": "No failures found",
  warnings: "Parse warnings",
  "count-mismatch": "Declared counts differ",
  "severity-mismatch": "Severity differs from section",
};

export interface ScoreFilters {
  platform?: string;
  gaps: string[];
  minScore?: number;
  maxScore?: number;
  audit?: AuditFilter;
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
  return {
    platform: parsePlatform(params),
    gaps: parseGaps(params),
    minScore,
    maxScore,
    audit: (AUDIT_FILTERS as readonly string[]).includes(audit ?? "") ? (audit as AuditFilter) : undefined,
    sort,
    dir: oneOf(one(params, "dir"), SORT_DIRECTIONS, SCORE_SORT_DEFAULT_DIR[sort]),
    page: parsePage(params),
  };
}

/** The filters as URL params (defaults dropped), for links that keep the current state. */
export function scoreFilterParams(filters: Partial<ScoreFilters>): Record<string, string | number | string[] | undefined> {
  return {
    platform: filters.platform,
    gap: filters.gaps,
    min: filters.minScore,
    max: filters.maxScore,
    audit: filters.audit,
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

const slugPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** `?a=SLUG&b=SLUG`; a malformed slug is dropped (the page then asks for it). */
export function parseComparePair(params: RawSearchParams): { a?: string; b?: string } {
  const pick = (key: string) => {
    const value = one(params, key);
    return value && slugPattern.test(value) ? value : undefined;
  };
  return { a: pick("a"), b: pick("b") };
}

export { slugPattern as SLUG_PATTERN };
