import type { Metadata } from "next";
import Link from "next/link";
import { ScoreHistogram } from "@/components/charts/score-histogram";
import { ScoreScatter } from "@/components/charts/score-scatter";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { Pagination } from "@/components/pagination";
import { SortHeader } from "@/components/sort-header";
import { analysisName, analysisSubtitle, formatScore } from "@/lib/analyses/analysis-name";
import { toQueryString, type RawSearchParams } from "@/lib/filters/search-params";
import {
  AUDIT_FILTERS, AUDIT_LABELS, parseScoreFilters, SCORE_SORT_DEFAULT_DIR, SCORES_PAGE_SIZE, scoreFilterParams,
  type ScoreFilters, type ScoreSort,
} from "@/lib/filters/trainer-params";
import { listScores, scoreFilterOptions, type ScoreRow } from "@/lib/scores/list-scores";

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

export default async function ScoresPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const filters = parseScoreFilters(params);
  const [view, options] = await Promise.all([listScores(filters), scoreFilterOptions()]);
  const outlierKind = new Map(view.outliers.map((o) => [o.point.slug, o.kind]));
  const filtered = Boolean(filters.platform || filters.gaps.length || filters.minScore !== undefined || filters.maxScore !== undefined || filters.audit);
  const input =
    "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Scores</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {view.total} {view.total === 1 ? "analysis" : "analyses"}
          {filtered ? " match the filters" : ""}; {view.scored.length} with a training-quality score
          {view.stats.mean !== null && (
            <>
              {" "}
              (mean {fmt(view.stats.mean)}, median {fmt(view.stats.median)} out of 10)
            </>
          )}
          .
        </p>
      </header>

      <form method="get" action="/scores" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800" aria-label="Filter scores">
        <label className="text-sm font-medium">
          Platform
          <select name="platform" defaultValue={filters.platform ?? ""} className={input}>
            <option value="">All platforms</option>
            {options.platforms.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Knowledge gap
          <select name="gap" defaultValue={filters.gaps[0] ?? ""} className={input}>
            <option value="">All gaps</option>
            {options.gaps.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <label className="w-24 text-sm font-medium">
          Min score
          <input type="number" name="min" min={0} max={10} step={0.5} defaultValue={filters.minScore} className={input} />
        </label>
        <label className="w-24 text-sm font-medium">
          Max score
          <input type="number" name="max" min={0} max={10} step={0.5} defaultValue={filters.maxScore} className={input} />
        </label>
        {filters.audit && <input type="hidden" name="audit" value={filters.audit} />}
        {filters.sort !== "score" && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.dir !== SCORE_SORT_DEFAULT_DIR[filters.sort] && <input type="hidden" name="dir" value={filters.dir} />}
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600">
          Apply filters
        </button>
        {filtered && (
          <Link href="/scores" className="py-1.5 text-sm text-blue-700 underline dark:text-blue-300">
            Clear all
          </Link>
        )}
        {view.total > 0 && <ExportLinks list="scores" params={params} count={view.total} className="ml-auto" />}
      </form>

      <nav aria-label="Consistency audit filters" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-300">Show only:</span>
        {AUDIT_FILTERS.map((audit) => {
          const active = filters.audit === audit;
          return (
            <Link
              key={audit}
              href={href(filters, { audit: active ? undefined : audit })}
              aria-current={active ? "true" : undefined}
              className={`rounded-full border px-2.5 py-0.5 ${
                active
                  ? "border-blue-600 bg-blue-600 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-slate-950"
                  : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
              }`}
            >
              {AUDIT_LABELS[audit]} <span className="tabular-nums">({view.auditCounts[audit]})</span>
              {active && <span className="sr-only"> (selected; click to clear)</span>}
            </Link>
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

          <section aria-labelledby="outliers" className="space-y-2">
            <h2 id="outliers" className="text-lg font-semibold">
              Outliers
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Scores that disagree most with the failures found: ranked by score percentile + failure-load percentile − 1
              (+1 = top score with the heaviest failures, −1 = lowest score with the lightest).
            </p>
            {view.outliers.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {view.scored.length < 4
                  ? "At least 4 scored analyses are needed to rank scores against failures."
                  : "No score disagrees strongly with its failures."}
              </p>
            ) : (
              <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
                {view.outliers.map((o) => (
                  <li key={o.point.slug} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm">
                    <span
                      className={`rounded px-1.5 py-0.5 text-xs font-medium ${
                        o.kind === "high-score-heavy-failures"
                          ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200"
                          : "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
                      }`}
                    >
                      {o.kind === "high-score-heavy-failures" ? "High score, heavy failures" : "Low score, light failures"}
                    </span>
                    <Link href={`/analyses/${encodeURIComponent(o.point.slug)}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                      {analysisName(o.point)}
                    </Link>
                    <span className="text-slate-600 tabular-nums dark:text-slate-300">
                      score {formatScore(o.point)} · load {o.point.failureLoad} · {o.point.criticalCount} critical of {o.point.failureCount} · disagreement{" "}
                      {o.disagreement > 0 ? "+" : "−"}
                      {Math.abs(o.disagreement).toFixed(2)}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="all-analyses" className="space-y-2">
            <h2 id="all-analyses" className="text-lg font-semibold">
              {filters.audit ? AUDIT_LABELS[filters.audit] : "All analyses"}
            </h2>
            <div className="overflow-x-auto">
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
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((r) => (
                    <ScoreTableRow key={r.slug} row={r} outlier={outlierKind.has(r.slug)} />
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
            showAll={{ counts: href(filters, { audit: "count-mismatch" }), severities: href(filters, { audit: "severity-mismatch" }) }}
          />
        </>
      )}
    </div>
  );
}

function ScoreTableRow({ row: r, outlier }: { row: ScoreRow; outlier: boolean }) {
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
      <td className={num} data-label="score">{formatScore(r)}</td>
      <td className={num}>{r.criticalCount}</td>
      <td className={num}>{r.highCount}</td>
      <td className={num}>{r.mediumCount}</td>
      <td className={num}>{r.lowCount}</td>
      <td className={num}>{r.failureLoad}</td>
      <td className="py-2 pr-3">{r.platform ?? "—"}</td>
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

function AuditSection({ rows, showAll }: { rows: ScoreRow[]; showAll: { counts: string; severities: string } }) {
  const counts = rows.filter((r) => r.countDifferences.length);
  const severities = rows.filter((r) => r.severityMismatches.length);
  return (
    <section aria-labelledby="audit" className="space-y-3">
      <h2 id="audit" className="text-lg font-semibold">
        Consistency audit
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <h3 className="font-medium">Declared counts differ from the failures found ({counts.length})</h3>
          {counts.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every summary that declares counts matches its failures.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {counts.slice(0, AUDIT_LIST_LIMIT).map((r) => (
                <li key={r.slug}>
                  <Link href={`/analyses/${encodeURIComponent(r.slug)}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                    {analysisName(r)}
                  </Link>
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
                </li>
              ))}
            </ul>
          )}
          <MoreInTable shown={AUDIT_LIST_LIMIT} total={counts.length} href={showAll.counts} />
        </div>
        <div className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <h3 className="font-medium">Item severity differs from its section ({severities.length})</h3>
          {severities.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every failure sits under a section of its own severity.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {severities.slice(0, AUDIT_LIST_LIMIT).map((r) => (
                <li key={r.slug}>
                  <Link href={`/analyses/${encodeURIComponent(r.slug)}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                    {analysisName(r)}
                  </Link>
                  <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
                    {r.severityMismatches.map((w, i) => (
                      <li key={i}>
                        {w.line !== null && <span className="font-mono text-xs">line {w.line}: </span>}
                        {w.message}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <MoreInTable shown={AUDIT_LIST_LIMIT} total={severities.length} href={showAll.severities} />
        </div>
      </div>
    </section>
  );
}
