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
import { SortHeader } from "@/components/sort-header";
import { analysisName, analysisSubtitle, formatScore } from "@/lib/analyses/analysis-name";
import { toQueryString, type RawSearchParams } from "@/lib/filters/search-params";
import {
  AUDIT_FILTERS, AUDIT_LABELS, OUTLIER_FILTERS, OUTLIER_LABELS, parseScoreFilters, SCORE_SORT_DEFAULT_DIR, SCORES_PAGE_SIZE, scoreFilterParams,
  type ScoreFilters, type ScoreSort,
} from "@/lib/filters/trainer-params";
import { cached } from "@/lib/cache";
import { listScores, OUTLIER_FILTER_OF, type ScoreRow, type ScoresView } from "@/lib/scores/list-scores";
import { OUTLIER_RULES } from "@/lib/scores/outliers";
import { describeScoreSource } from "@/lib/scores/score-source";
import { CountAsReviewed, ReviewShareCells, ReviewShareHeaders } from "@/components/review/review-share-cells";
import { reviewSharesOf, type ReviewShare } from "@/lib/reviews/trainer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Scores" };

function href(filters: ScoreFilters, change: Partial<ScoreFilters>): string {
  // Any change but paging starts again at page 1.
  return "/scores" + toQueryString(scoreFilterParams({ ...filters, page: 1, ...change }));
}

const COLUMNS: { sort: ScoreSort; label: string; align?: "right" }[] = [
  { sort: "title", label: "Analysis" },
  { sort: "score", label: "Score", align: "right" },
  { sort: "critical", label: "Critical", align: "right" },
  { sort: "high", label: "High", align: "right" },
  { sort: "medium", label: "Medium", align: "right" },
  { sort: "low", label: "Low", align: "right" },
  { sort: "load", label: "Load", align: "right" },
  { sort: "platform", label: "Platform" },
];

const fmt = (n: number | null) => (n === null ? "—" : (Math.round(n * 10) / 10).toString());

/** "Secrets management or IAM": a filter's values as said in a sentence. */
const anyOf = (values: string[]) => values.join(" or ");

export default async function ScoresPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const filters = parseScoreFilters(params);
  const view = await cached(["scores", filters], () => listScores(filters));
  const outlierKind = new Map(view.outliers.map((o) => [o.point.slug, o.kind]));
  const reviews = await cached(["score-reviews", filters], () => reviewSharesOf(view.all));
  const current = "/scores" + toQueryString(scoreFilterParams(filters));
  const active =
    filters.platforms.length + filters.gaps.length + (filters.minScore !== undefined ? 1 : 0) + (filters.maxScore !== undefined ? 1 : 0) + (filters.audit ? 1 : 0) + (filters.outlier ? 1 : 0);
  const filtered = active > 0;
  const gapLabel = (id: string) => view.facets.gap.find((g) => g.value === id)?.label ?? id;
  // Several values of one filter mean any of them; say which, so the count reads as a union.
  const which = [
    filters.gaps.length ? `gap ${anyOf(filters.gaps.map(gapLabel))}` : "",
    filters.platforms.length ? `platform ${anyOf(filters.platforms)}` : "",
  ].filter(Boolean);
  const input =
    "block w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
  const label = "text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300";

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Scores</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite" data-testid="result-count">
            {view.total} {view.total === 1 ? "analysis" : "analyses"}
            {filtered ? " match the filters" : ""}
            {which.length ? ` (${which.join("; ")})` : ""}; {view.scored.length} with a training-quality score
            {view.stats.mean !== null && (
              <>
                {" "}
                (mean {fmt(view.stats.mean)}, median {fmt(view.stats.median)} out of 10, over those {view.scored.length})
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
            <FacetGroup legend="Knowledge gap (any of)" name="gap" values={view.facets.gap} emptyText="No knowledge gaps in these analyses." />
            <FacetGroup legend="Platform (any of)" name="platform" values={view.facets.platform} emptyText="No platforms in these analyses." />
            {(filters.audit || filters.outlier) && (
              <p className="text-xs text-slate-600 dark:text-slate-400">Counts are before “Show only: {[filters.audit && AUDIT_LABELS[filters.audit], filters.outlier && OUTLIER_LABELS[filters.outlier]].filter(Boolean).join(", ")}”.</p>
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
            <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600">
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
                <FilterChip key={audit} active={active} href={href(filters, { audit: active ? undefined : audit })} label={AUDIT_LABELS[audit]} count={view.auditCounts[audit]} />
              );
            })}
            {OUTLIER_FILTERS.map((outlier) => {
              const active = filters.outlier === outlier;
              const count = view.outliers.filter((o) => OUTLIER_FILTER_OF[o.kind] === outlier).length;
              return (
                <FilterChip key={outlier} active={active} href={href(filters, { outlier: active ? undefined : outlier })} label={OUTLIER_LABELS[outlier]} count={count} />
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
              {view.scored.length > 0 ? (
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
                    points={view.scored.map((r) => ({
                      slug: r.slug,
                      label: analysisName(r),
                      scoreNorm: r.scoreNorm,
                      failureLoad: r.failureLoad,
                      outlier: outlierKind.get(r.slug),
                      href: `/analyses/${encodeURIComponent(r.slug)}`,
                    }))}
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
                  {[filters.audit && AUDIT_LABELS[filters.audit], filters.outlier && OUTLIER_LABELS[filters.outlier]].filter(Boolean).join(" · ") || "All analyses"}
                </h2>
                <div className="relative overflow-x-auto">
                  <table className="w-full text-sm">
                    <caption className="sr-only">
                      Analyses with score, failures per severity, failure load and platform; sorted by {filters.sort} ({filters.dir === "asc" ? "ascending" : "descending"}).
                    </caption>
                    <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
                      <tr>
                        {COLUMNS.map((c) => {
                          const active = filters.sort === c.sort ? filters.dir : null;
                          const dir = active ? (active === "asc" ? "desc" : "asc") : SCORE_SORT_DEFAULT_DIR[c.sort];
                          return <SortHeader key={c.sort} label={c.label} align={c.align} active={active} href={href(filters, { sort: c.sort, dir })} />;
                        })}
                        <ReviewShareHeaders />
                      </tr>
                    </thead>
                    <tbody>
                      {view.rows.map((r) => (
                        <ScoreTableRow key={r.slug} row={r} outlier={outlierKind.has(r.slug)} review={reviews.get(r.id)} />
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination
                  page={view.page}
                  requestedPage={filters.page}
                  pageCount={view.pageCount}
                  total={view.total}
                  pageSize={SCORES_PAGE_SIZE}
                  hrefFor={(page) => "/scores" + toQueryString(scoreFilterParams({ ...filters, page }))}
                  noun="analyses"
                />
              </section>

              <AuditSection
                rows={view.all}
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

function ScoreTableRow({ row: r, outlier, review }: { row: ScoreRow; outlier: boolean; review?: ReviewShare }) {
  const sub = analysisSubtitle(r);
  const num = "py-2 pr-3 text-right tabular-nums";
  return (
    <tr className="border-b border-slate-100 align-top dark:border-slate-900">
      <td className="py-2 pr-3">
        <Link href={`/analyses/${encodeURIComponent(r.slug)}`} className="group">
          <span className="font-medium text-blue-700 group-hover:underline dark:text-blue-300">{r.title}</span>
          {/* Inside the link: many reports share a title, the task id or slug tells the links apart. */}
          {sub && <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{sub}</span>}
        </Link>
        {outlier && <span className="mt-0.5 inline-block rounded bg-red-50 px-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">outlier</span>}
      </td>
      <td className={num} data-label="score">
        {formatScore(r)}
        {r.scoreNorm !== null && (
          <span className="block max-w-40 text-xs font-normal break-words text-slate-600 dark:text-slate-400" title="Where the score was read from">
            {describeScoreSource(r.scoreSource)}
          </span>
        )}
      </td>
      <td className={num}><CountAsReviewed parsed={r.criticalCount} severity="critical" share={review} /></td>
      <td className={num}><CountAsReviewed parsed={r.highCount} severity="high" share={review} /></td>
      <td className={num}><CountAsReviewed parsed={r.mediumCount} severity="medium" share={review} /></td>
      <td className={num}><CountAsReviewed parsed={r.lowCount} severity="low" share={review} /></td>
      <td className={num}>{r.failureLoad}</td>
      <td className="py-2 pr-3">{r.platform ?? "—"}</td>
      <ReviewShareCells failures={r.failureCount} share={review} />
    </tr>
  );
}

/** Audit lists show this many analyses each; the rest are one click away in the filtered table. */
const AUDIT_LIST_LIMIT = 20;

function MoreInTable({ shown, total, href }: { shown: number; total: number; href: string }) {
  if (total <= shown) return null;
  return (
    <p className="mt-2 text-sm">
      <Link href={href} className="text-blue-700 underline dark:text-blue-300">
        All {total} in the table
      </Link>{" "}
      <span className="text-slate-600 dark:text-slate-300">({total - shown} more not listed here)</span>
    </p>
  );
}

const pct = (p: number) => `${Math.round(p * 100)}`;

/** Outliers listed per kind before "all N in the table". */
const OUTLIER_LIST_LIMIT = 10;

function OutlierSection({ view, tableHref }: { view: ScoresView; tableHref: (kind: "high-score-heavy-failures" | "low-score-light-failures") => string }) {
  const r = OUTLIER_RULES;
  const { heavyFrom, lightUpTo } = view.loadBounds;
  const kinds = [
    ["high-score-heavy-failures", "High score, heavy failures"],
    ["low-score-light-failures", "Low score, light failures"],
  ] as const;
  return (
    <section aria-labelledby="outliers" className="space-y-2">
      <h2 id="outliers" className="text-lg font-semibold">
        Outliers
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Scores that disagree with the failures found, by fixed rules: <strong>high score, heavy failures</strong> = score ≥ {r.highScore}/10
        with a failure load in the top {pct(1 - r.heavyLoadPercentile)}%{heavyFrom !== null ? ` (here load ≥ ${heavyFrom})` : ""};{" "}
        <strong>low score, light failures</strong> = score ≤ {r.lowScore}/10 with a load in the bottom {pct(r.lightLoadPercentile)}%
        {lightUpTo !== null ? ` (here load ≤ ${lightUpTo})` : ""}. Percentiles rank the {view.scored.length} scored analyses shown (100 = highest).
      </p>
      {view.outliers.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {view.scored.length < 4 ? "At least 4 scored analyses are needed to rank failure loads." : "No score disagrees with its failures by these rules."}
        </p>
      ) : (
        kinds.map(([kind, label]) => {
          const list = view.outliers.filter((o) => o.kind === kind);
          if (!list.length) return null;
          return (
            <div key={kind} className="space-y-1">
              <h3 className="font-medium">
                {label} <span className="text-slate-500 tabular-nums dark:text-slate-400">({list.length})</span>
              </h3>
              <div className="relative overflow-x-auto">
                <table className="w-full min-w-[36rem] text-sm" aria-label={label}>
                  <thead className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-300">
                    <tr>
                      <th scope="col" className="py-1.5 pr-3 font-medium">Analysis</th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium">Score</th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium">Load</th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium">Critical</th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium text-slate-500 dark:text-slate-400">Load pct.</th>
                      <th scope="col" className="py-1.5 text-right font-medium text-slate-500 dark:text-slate-400">Score pct.</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.slice(0, OUTLIER_LIST_LIMIT).map((o) => (
                      <tr key={o.point.slug} className="border-b border-slate-100 align-top dark:border-slate-900">
                        <td className="min-w-44 py-1.5 pr-3 break-words">
                          <Link href={`/analyses/${encodeURIComponent(o.point.slug)}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                            {analysisName(o.point)}
                          </Link>
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          score {formatScore(o.point)}
                          <span className="block text-xs text-slate-600 dark:text-slate-400">{describeScoreSource(o.point.scoreSource)}</span>
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{o.point.failureLoad}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {o.point.criticalCount} of {o.point.failureCount}
                        </td>
                        <td className="py-1.5 pr-3 text-right text-slate-600 tabular-nums dark:text-slate-400">{pct(o.loadPercentile)}</td>
                        <td className="py-1.5 text-right text-slate-600 tabular-nums dark:text-slate-400">{pct(o.scorePercentile)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="text-sm">
                <Link href={tableHref(kind)} className="text-blue-700 underline dark:text-blue-300">
                  {list.length > OUTLIER_LIST_LIMIT ? `All ${list.length} in the table` : "Show them in the table"}
                </Link>
              </p>
            </div>
          );
        })
      )}
    </section>
  );
}

function AuditList({ rows, children }: { rows: ScoreRow[]; children: (r: ScoreRow) => React.ReactNode }) {
  return (
    <ul className="mt-2 space-y-2 text-sm">
      {rows.slice(0, AUDIT_LIST_LIMIT).map((r) => (
        <li key={r.slug} className="[overflow-wrap:anywhere]">
          <Link href={`/analyses/${encodeURIComponent(r.slug)}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
            {analysisName(r)}
          </Link>
          {children(r)}
        </li>
      ))}
    </ul>
  );
}

function Differences({ r }: { r: ScoreRow }) {
  return (
    <ul className="text-slate-700 dark:text-slate-300">
      {r.countDifferences.map((d) => (
        <li key={d.severity} className="tabular-nums">
          {d.severity}: declared {d.declared}, found {d.found}{" "}
          <span className={d.found < d.declared ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}>
            ({d.found - d.declared > 0 ? "+" : "−"}
            {Math.abs(d.found - d.declared)})
          </span>
        </li>
      ))}
    </ul>
  );
}

function AuditSection({ rows, showAll }: { rows: ScoreRow[]; showAll: { counts: string; ungraded: string; severities: string } }) {
  const counts = rows.filter((r) => r.countDifferences.length && !r.countsExplainedByUngraded);
  const ungraded = rows.filter((r) => r.unknownCount > 0);
  const severities = rows.filter((r) => r.severityMismatches.length);
  const box = "min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800";
  return (
    <section aria-labelledby="audit" className="space-y-3">
      <h2 id="audit" className="text-lg font-semibold">
        Consistency audit
      </h2>
      <div className="grid gap-4 xl:grid-cols-3">
        <div className={box}>
          <h3 className="font-medium">The document&apos;s counts disagree with its items ({counts.length})</h3>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            The summary declares more or fewer failures of a severity than the report lists, and items without a severity do not account for it.
          </p>
          {counts.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every summary that declares counts matches its failures.</p>
          ) : (
            <AuditList rows={counts}>{(r) => <Differences r={r} />}</AuditList>
          )}
          <MoreInTable shown={AUDIT_LIST_LIMIT} total={counts.length} href={showAll.counts} />
        </div>
        <div className={box}>
          <h3 className="font-medium">The parser found items it could not grade ({ungraded.length})</h3>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Failures whose severity the parser could not tell (unknown): the report is not at fault for these.
          </p>
          {ungraded.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every failure found has a severity.</p>
          ) : (
            <AuditList rows={ungraded}>
              {(r) => (
                <p className="text-slate-700 tabular-nums dark:text-slate-300">
                  {r.unknownCount} of {r.failureCount} without a severity
                  {r.countsExplainedByUngraded && (
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      they cover the gap between declared and found ({r.countDifferences.map((d) => `${d.severity}: declared ${d.declared}, found ${d.found}`).join("; ")})
                    </span>
                  )}
                </p>
              )}
            </AuditList>
          )}
          <MoreInTable shown={AUDIT_LIST_LIMIT} total={ungraded.length} href={showAll.ungraded} />
        </div>
        <div className={box}>
          <h3 className="font-medium">Item severity differs from its section ({severities.length})</h3>
          {severities.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every failure sits under a section of its own severity.</p>
          ) : (
            <AuditList rows={severities}>
              {(r) => (
                <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
                  {r.severityMismatches.map((w, i) => (
                    <li key={i}>
                      {w.line !== null && <span className="font-mono text-xs">line {w.line}: </span>}
                      {w.message}
                    </li>
                  ))}
                </ul>
              )}
            </AuditList>
          )}
          <MoreInTable shown={AUDIT_LIST_LIMIT} total={severities.length} href={showAll.severities} />
        </div>
      </div>
    </section>
  );
}

/** A "Show only" chip: a link that turns its filter on, or off when it is the current one. */
function FilterChip({ active, href, label, count }: { active: boolean; href: string; label: string; count: number }) {
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      className={`rounded-full border px-2.5 py-0.5 ${
        active
          ? "border-blue-600 bg-blue-600 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-slate-950"
          : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      }`}
    >
      {label} <span className="tabular-nums">({count})</span>
      {active && <span className="sr-only"> (selected; click to clear)</span>}
    </Link>
  );
}
