// The reviewer pages' URL state (/failures, /analyses, diff mode), parsed from search params with the
// shared helpers: unknown values fall back to defaults, so a hand-edited or stale link never crashes.
import type { Severity } from "../parser/types";
import {
  oneOf, parseGaps, parsePage, parsePlatform, parseQuery, parseScoreBound, parseSeverities, one, toQueryString, type RawSearchParams,
} from "./search-params";

export const FAILURE_SORTS = ["severity", "analysis", "recent"] as const;
export type FailureSort = (typeof FAILURE_SORTS)[number];

export interface FailureFilters {
  severities: Severity[];
  gaps: string[];
  platform?: string;
  q?: string;
  sort: FailureSort;
  page: number;
}

export function parseFailureFilters(params: RawSearchParams): FailureFilters {
  return {
    severities: parseSeverities(params),
    gaps: parseGaps(params),
    platform: parsePlatform(params),
    q: parseQuery(params),
    sort: oneOf(one(params, "sort"), FAILURE_SORTS, "severity"),
    page: parsePage(params),
  };
}

export const ANALYSIS_SORTS = ["date", "score", "critical", "title"] as const;
export type AnalysisSort = (typeof ANALYSIS_SORTS)[number];
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const WARNING_FILTERS = ["any", "yes", "no"] as const;
export type WarningFilter = (typeof WARNING_FILTERS)[number];

/** The direction each sort uses when the URL does not say: best-first for numbers, A-Z for titles. */
export const DEFAULT_DIRECTION: Record<AnalysisSort, SortDirection> = { date: "desc", score: "desc", critical: "desc", title: "asc" };

export interface AnalysisFilters {
  q?: string;
  severities: Severity[];
  gaps: string[];
  platform?: string;
  minScore?: number;
  maxScore?: number;
  warnings: WarningFilter;
  sort: AnalysisSort;
  dir: SortDirection;
  page: number;
}

export function parseAnalysisFilters(params: RawSearchParams): AnalysisFilters {
  const sort = oneOf(one(params, "sort"), ANALYSIS_SORTS, "date");
  let minScore = parseScoreBound(params, "min");
  let maxScore = parseScoreBound(params, "max");
  if (minScore !== undefined && maxScore !== undefined && minScore > maxScore) [minScore, maxScore] = [maxScore, minScore];
  return {
    q: parseQuery(params),
    severities: parseSeverities(params),
    gaps: parseGaps(params),
    platform: parsePlatform(params),
    minScore,
    maxScore,
    warnings: oneOf(one(params, "warnings"), WARNING_FILTERS, "any"),
    sort,
    dir: oneOf(one(params, "dir"), SORT_DIRECTIONS, DEFAULT_DIRECTION[sort]),
    page: parsePage(params),
  };
}

export const DIFF_MODES = ["split", "unified"] as const;
export type DiffMode = (typeof DIFF_MODES)[number];

/** `?diff=unified` or `?diff=split`; split by default (narrow screens still fall back to unified). */
export function parseDiffMode(params: RawSearchParams): DiffMode {
  return oneOf(one(params, "diff"), DIFF_MODES, "split");
}

export const ANALYSIS_VIEWS = ["failures", "raw"] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

export function parseAnalysisView(params: RawSearchParams): AnalysisView {
  return oneOf(one(params, "view"), ANALYSIS_VIEWS, "failures");
}

export const PAGE_SIZE = 25;

/** The /failures URL for a filter state; defaults are dropped so shared links stay short. */
export function failuresHref(filters: Partial<FailureFilters>): string {
  return (
    "/failures" +
    toQueryString(
      { severity: filters.severities, gap: filters.gaps, platform: filters.platform, q: filters.q, sort: filters.sort, page: filters.page },
      { sort: "severity", page: 1 },
    )
  );
}

/** The /analyses URL for a filter state. */
export function analysesHref(filters: Partial<AnalysisFilters>): string {
  const sort = filters.sort ?? "date";
  return (
    "/analyses" +
    toQueryString(
      {
        q: filters.q, severity: filters.severities, gap: filters.gaps, platform: filters.platform,
        min: filters.minScore, max: filters.maxScore, warnings: filters.warnings, sort: filters.sort, dir: filters.dir, page: filters.page,
      },
      { warnings: "any", sort: "date", dir: DEFAULT_DIRECTION[sort], page: 1 },
    )
  );
}

/** An analysis (or failure) page URL keeping the view state that matters there. */
export function analysisHref(slug: string, state: { diff?: DiffMode; view?: AnalysisView } = {}, hash = ""): string {
  return `/analyses/${encodeURIComponent(slug)}${toQueryString({ view: state.view, diff: state.diff }, { view: "failures", diff: "split" })}${hash}`;
}

/** A failure's own page; `key` is its stable key (Failure.key) — old numbers still resolve, but redirect. */
export function failureHref(slug: string, key: string | number, state: { diff?: DiffMode } = {}, hash = ""): string {
  return `/analyses/${encodeURIComponent(slug)}/failures/${encodeURIComponent(key)}${toQueryString({ diff: state.diff }, { diff: "split" })}${hash}`;
}

/** A route param as stored: decoded once when it arrives percent-encoded, untouched when malformed. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
