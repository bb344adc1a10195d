// The list views' URLs for a filter state: /failures, /analyses, /scores. Defaults are left out so a
// view has one short URL (the defaults live with the URL state, lib/filters/).
import type { Route } from "next";
import { reviewQueryFields } from "../filters/review-params";
import { scoreFilterParams, type ScoreFilters } from "../filters/trainer-params";
import { analysisDefaults, failureDefaults, type AnalysisFilters, type FailureFilters } from "../filters/view-params";
import { toQueryString } from "./query";

/** The /failures URL for a filter state; defaults are dropped so shared links stay short. */
export function failuresHref(filters: Partial<FailureFilters>): Route {
  return ("/failures" +
    toQueryString(
      {
        severity: filters.severities,
        gap: filters.gaps,
        platform: filters.platforms,
        q: filters.q,
        ...reviewQueryFields(filters),
        sort: filters.sort,
        page: filters.page,
      },
      failureDefaults(filters.q),
    )) as Route;
}

/** The /analyses URL for a filter state. */
export function analysesHref(filters: Partial<AnalysisFilters>): Route {
  return ("/analyses" +
    toQueryString(
      {
        q: filters.q,
        severity: filters.severities,
        gap: filters.gaps,
        platform: filters.platforms,
        min: filters.minScore,
        max: filters.maxScore,
        warnings: filters.warnings,
        ...reviewQueryFields(filters),
        sort: filters.sort,
        dir: filters.sort === "relevance" ? undefined : filters.dir,
        page: filters.page,
      },
      analysisDefaults(filters.q, filters.sort),
    )) as Route;
}

/** The /scores URL for a filter state. */
export function scoresHref(filters: Partial<ScoreFilters>): Route {
  return ("/scores" + toQueryString(scoreFilterParams(filters))) as Route;
}
