import { FacetGroup } from "@/components/facet-group";
import { FilterForm } from "@/components/filter-form";
import { ReviewFilterFields } from "@/components/review/review-filter-fields";
import { SORT_LABEL } from "@/components/analyses/analysis-table";
import type { AnalysisSearchResult } from "@/lib/analyses/search-analyses";
import { ANALYSIS_FORM_DEFAULTS, ANALYSIS_SORTS, DEFAULT_DIRECTION, type AnalysisFilters } from "@/lib/filters/view-params";

const FIELD = "w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LABEL = "text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300";

interface AnalysisFilterFormProps {
  filters: AnalysisFilters;
  facets: AnalysisSearchResult["facets"];
  /** The signed-in reviewer's name, for "by me". */
  viewer: string | null;
  /** This view's address (the page keys the form by it, so that it resets when the view changes). */
  here: string;
}

/** The /analyses filters: search, failure facets, review state, score range, warnings, sort. */
export function AnalysisFilterForm({ filters, facets, viewer, here }: AnalysisFilterFormProps) {
  return (
    <FilterForm action="/analyses" label="Filter analyses" defaults={ANALYSIS_FORM_DEFAULTS} className="space-y-5">
      <div className="space-y-1">
        <label htmlFor="analyses-q" className={LABEL}>
          Search
        </label>
        <div className="flex gap-1">
          <input
            id="analyses-q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            data-search-input="page"
            placeholder="Words or “a phrase”"
            className={FIELD}
          />
          <button
            type="submit"
            className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Search
          </button>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">Titles, summaries and every failure’s text and code.</p>
      </div>
      <div className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800">
        <p className="text-xs text-slate-700 dark:text-slate-300" id="one-failure-note">
          Severity, gap and platform select analyses with <strong>one failure</strong> matching all three; several values in one group mean
          any of them.
        </p>
        <FacetGroup legend="Failure severity (any of)" name="severity" values={facets.severity} severity />
        <FacetGroup legend="Knowledge gap (any of)" name="gap" values={facets.gap} emptyText="No knowledge gaps in these results." />
        <FacetGroup legend="Platform (any of)" name="platform" values={facets.platform} emptyText="No platforms in these results." />
      </div>
      <ReviewFilterFields
        idPrefix="analyses"
        facets={facets}
        viewer={viewer}
        here={here}
        note="Reviewed: ticked “reviewed” on its page (for the document as it is now)."
      />
      <fieldset className="space-y-1">
        <legend className={LABEL}>Score (out of 10)</legend>
        <div className="flex items-center gap-2">
          <label htmlFor="analyses-min" className="sr-only">
            Minimum score
          </label>
          <input
            id="analyses-min"
            name="min"
            type="number"
            min={0}
            max={10}
            step={0.5}
            defaultValue={filters.minScore ?? ""}
            placeholder="min"
            className={FIELD}
          />
          <span aria-hidden="true">–</span>
          <label htmlFor="analyses-max" className="sr-only">
            Maximum score
          </label>
          <input
            id="analyses-max"
            name="max"
            type="number"
            min={0}
            max={10}
            step={0.5}
            defaultValue={filters.maxScore ?? ""}
            placeholder="max"
            className={FIELD}
          />
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="analyses-warnings" className={LABEL}>
          Parser warnings
        </label>
        <select id="analyses-warnings" name="warnings" defaultValue={filters.warnings} className={FIELD}>
          <option value="any">Any</option>
          <option value="yes">With warnings</option>
          <option value="no">Without warnings</option>
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="analyses-sort" className={LABEL}>
          Sort by
        </label>
        <select id="analyses-sort" name="sort" defaultValue={filters.sort} className={FIELD}>
          {ANALYSIS_SORTS.filter((s) => s !== "relevance" || filters.q).map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
        <input
          type="hidden"
          name="dir"
          value={filters.sort === "relevance" || filters.dir === DEFAULT_DIRECTION[filters.sort] ? "" : filters.dir}
        />
      </div>
      <button
        type="submit"
        className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Apply
      </button>
    </FilterForm>
  );
}
