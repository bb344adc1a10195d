import type { Route } from "next";
import type { Metadata } from "next";
import Link from "next/link";
import { ScoreHistogram } from "@/components/charts/score-histogram";
import { ScoreScatter } from "@/components/charts/score-scatter";
import { EmptyState } from "@/components/empty-state";
import { CollapsibleFilters } from "@/components/collapsible-filters";
import { FacetGroup } from "@/components/facet-group";
import { FilterForm } from "@/components/filter-form";
import { ExportLinks } from "@/components/export-links";
import { Pagination } from "@/components/pagination";
import type { RawSearchParams } from "@/lib/filters/search-params";
import {
  AUDIT_FILTERS,
  AUDIT_LABELS,
  OUTLIER_FILTERS,
  OUTLIER_LABELS,
  parseScoreFilters,
  SCORE_SORT_DEFAULT_DIR,
  SCORES_PAGE_SIZE,
  type ScoreFilters,
} from "@/lib/filters/trainer-params";
import { cached } from "@/lib/cache";
import { listScores, OUTLIER_FILTER_OF, OUTLIER_KIND_OF } from "@/lib/scores/list-scores";
import { outlierOf } from "@/lib/scores/table-rows";
import { scoreTableRows } from "@/lib/scores/table-rows";
import { OUTLIER_RULES } from "@/lib/scores/outliers";
import { reviewSharesOf } from "@/lib/reviews/trainer";
import { FilterChip } from "@/components/filter-chip";
import { AuditSection } from "@/components/scores/audit-section";
import { OutlierSection } from "@/components/scores/outlier-section";
import { ScoreTable } from "@/components/scores/score-table";
import { scoresHref } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scores" };

function href(filters: ScoreFilters, change: Partial<ScoreFilters>): Route {
  // Any change but paging starts again at page 1.
  return scoresHref({ ...filters, page: 1, ...change });
}

const fmt = (n: number | null) => (n === null ? "—" : (Math.round(n * 10) / 10).toString());

/** "Secrets management or IAM": a filter's values as said in a sentence. */
const anyOf = (values: string[]) => values.join(" or ");

export default async function ScoresPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const filters = parseScoreFilters(params);
  const view = await cached(["scores", filters], () => listScores(filters));
  const reviews = await cached(["score-reviews", filters], () => reviewSharesOf(view.rows));
  const current = scoresHref(filters);
  const active =
    filters.platforms.length +
    filters.gaps.length +
    (filters.minScore !== undefined ? 1 : 0) +
    (filters.maxScore !== undefined ? 1 : 0) +
    (filters.audit ? 1 : 0) +
    (filters.outlier ? 1 : 0);
  const filtered = active > 0;
  const gapLabel = (id: string) => view.facets.gap.find((g) => g.value === id)?.label ?? id;
  // Several values of one filter mean any of them; say which, so the count reads as a union.
  const which = [
    filters.gaps.length ? `gap ${anyOf(filters.gaps.map(gapLabel))}` : "",
    filters.platforms.length ? `platform ${anyOf(filters.platforms)}` : "",
  ].filter(Boolean);
  const input = "block w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
  const label = "text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300";

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Scores</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite" data-testid="result-count">
            {view.total} {view.total === 1 ? "analysis" : "analyses"}
            {filtered ? " match the filters" : ""}
            {which.length ? ` (${which.join("; ")})` : ""}; {view.scoredCount} with a training-quality score
            {view.stats.mean !== null && (
              <>
                {" "}
                (mean {fmt(view.stats.mean)}, median {fmt(view.stats.median)} out of 10, over those {view.scoredCount})
              </>
            )}
            .
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          {filtered && (
            <Link href="/scores" className="text-sm text-blue-700 hover:underline dark:text-blue-300">
              Clear all
            </Link>
          )}
          {view.total > 0 && <ExportLinks list="scores" params={params} count={view.total} />}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <CollapsibleFilters active={active}>
          {/* Checkboxes apply on change, score bounds on Apply; one canonical URL: no empty or default params. */}
          <FilterForm key={current} action="/scores" label="Filter scores" className="space-y-5">
            <FacetGroup
              legend="Knowledge gap (any of)"
              name="gap"
              values={view.facets.gap}
              emptyText="No knowledge gaps in these analyses."
            />
            <FacetGroup
              legend="Platform (any of)"
              name="platform"
              values={view.facets.platform}
              emptyText="No platforms in these analyses."
            />
            {(filters.audit || filters.outlier) && (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Counts are before “Show only:{" "}
                {[filters.audit && AUDIT_LABELS[filters.audit], filters.outlier && OUTLIER_LABELS[filters.outlier]]
                  .filter(Boolean)
                  .join(", ")}
                ”.
              </p>
            )}
            <fieldset className="space-y-1">
              <legend className={label}>Score (out of 10)</legend>
              <div className="flex items-end gap-2">
                <label className="min-w-0 flex-1 text-xs text-slate-700 dark:text-slate-300">
                  Min score
                  <input type="number" name="min" min={0} max={10} step={0.5} defaultValue={filters.minScore} className={input} />
                </label>
                <label className="min-w-0 flex-1 text-xs text-slate-700 dark:text-slate-300">
                  Max score
                  <input type="number" name="max" min={0} max={10} step={0.5} defaultValue={filters.maxScore} className={input} />
                </label>
              </div>
            </fieldset>
            {filters.audit && <input type="hidden" name="audit" value={filters.audit} />}
            {filters.outlier && <input type="hidden" name="outlier" value={filters.outlier} />}
            {filters.sort !== "score" && <input type="hidden" name="sort" value={filters.sort} />}
            {filters.dir !== SCORE_SORT_DEFAULT_DIR[filters.sort] && <input type="hidden" name="dir" value={filters.dir} />}
            <button
              type="submit"
              className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              Apply filters
            </button>
          </FilterForm>
        </CollapsibleFilters>

        <div className="min-w-0 space-y-6">
          <nav aria-label="Consistency audit filters" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-600 dark:text-slate-300">Show only:</span>
            {AUDIT_FILTERS.map((audit) => {
              const active = filters.audit === audit;
              return (
                <FilterChip
                  key={audit}
                  active={active}
                  href={href(filters, { audit: active ? undefined : audit })}
                  label={AUDIT_LABELS[audit]}
                  count={view.auditCounts[audit]}
                />
              );
            })}
            {OUTLIER_FILTERS.map((outlier) => {
              const active = filters.outlier === outlier;
              const count = view.outlierCounts[OUTLIER_KIND_OF[outlier]];
              return (
                <FilterChip
                  key={outlier}
                  active={active}
                  href={href(filters, { outlier: active ? undefined : outlier })}
                  label={OUTLIER_LABELS[outlier]}
                  count={count}
                />
              );
            })}
          </nav>

          {view.total === 0 ? (
            <EmptyState title="No analyses match these filters">
              {filtered ? (
                <Link href="/scores" className="text-blue-700 underline dark:text-blue-300">
                  Clear the filters
                </Link>
              ) : (
                <>
                  Nothing has been ingested yet. Run <code>npm run ingest</code> or{" "}
                  <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">
                    upload reports
                  </Link>
                  .
                </>
              )}
            </EmptyState>
          ) : (
            <>
              {view.scoredCount > 0 ? (
                <div className="grid gap-4 lg:grid-cols-2">
                  <ScoreHistogram
                    bins={view.histogram}
                    scales={view.scales}
                    hrefForBin={(bin) => href(filters, { minScore: bin, maxScore: bin === 9 ? 10 : bin + 0.99 })}
                  />
                  <ScoreScatter
                    rules={OUTLIER_RULES}
                    loadBounds={view.loadBounds}
                    regionHref={(kind) => href(filters, { outlier: OUTLIER_FILTER_OF[kind] })}
                    points={view.scatter}
                  />
                </div>
              ) : (
                <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
                  None of these analyses states a training-quality score, so there is nothing to chart.
                </p>
              )}

              <OutlierSection view={view} tableHref={(kind) => href(filters, { outlier: OUTLIER_FILTER_OF[kind] })} />

              <section aria-labelledby="all-analyses" className="space-y-2">
                <h2 id="all-analyses" className="text-lg font-semibold">
                  {[filters.audit && AUDIT_LABELS[filters.audit], filters.outlier && OUTLIER_LABELS[filters.outlier]]
                    .filter(Boolean)
                    .join(" · ") || "All analyses"}
                </h2>
                <ScoreTable
                  rows={scoreTableRows(view.rows, outlierOf(view), reviews)}
                  sort={filters.sort}
                  dir={filters.dir}
                  sortHref={(sort, active) =>
                    href(filters, { sort, dir: active ? (active === "asc" ? "desc" : "asc") : SCORE_SORT_DEFAULT_DIR[sort] })
                  }
                />
                <Pagination
                  page={view.page}
                  requestedPage={filters.page}
                  pageCount={view.pageCount}
                  total={view.total}
                  pageSize={SCORES_PAGE_SIZE}
                  hrefFor={(page) => scoresHref({ ...filters, page })}
                  noun="analyses"
                />
              </section>

              <AuditSection
                audit={view.audit}
                showAll={{
                  counts: href(filters, { audit: "count-mismatch" }),
                  ungraded: href(filters, { audit: "ungraded" }),
                  severities: href(filters, { audit: "severity-mismatch" }),
                }}
              />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
