import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ListHeader } from "@/components/list-header";
import { CollapsibleFilters } from "@/components/collapsible-filters";
import { FilterForm } from "@/components/filter-form";
import { Pagination } from "@/components/pagination";
import { SeverityCounts, countsOf } from "@/components/severity-counts";
import { searchAnalyses } from "@/lib/analyses/search-analyses";
import {
  ANALYSIS_SORTS, DEFAULT_DIRECTION, PAGE_SIZE, analysesHref, analysisHref, parseAnalysisFilters, type AnalysisFilters, type AnalysisSort,
} from "@/lib/filters/view-params";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { SEVERITIES } from "@/lib/parser/types";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Analyses", description: "Every failure analysis: scores, severity counts and warnings." };

const SORT_LABEL: Record<AnalysisSort, string> = { date: "Date", score: "Score", critical: "Critical", title: "Title" };
const FIELD = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LABEL = "text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300";

interface PageProps {
  searchParams: Promise<RawSearchParams>;
}

export default async function AnalysesPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const filters = parseAnalysisFilters(params);
  const result = await searchAnalyses(filters);
  const current = analysesHref({ ...filters, page: result.page });
  const active =
    (filters.q ? 1 : 0) + filters.severities.length + filters.gaps.length + (filters.platform ? 1 : 0) +
    (filters.minScore !== undefined ? 1 : 0) + (filters.maxScore !== undefined ? 1 : 0) + (filters.warnings !== "any" ? 1 : 0);

  /** A column header that sorts by `sort`; clicking the active one flips the direction. */
  const sortHeader = (sort: AnalysisSort, label: string = SORT_LABEL[sort], className = "") => {
    const activeSort = filters.sort === sort;
    const dir = activeSort ? (filters.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort];
    return (
      <th scope="col" className={`py-2 pr-4 font-medium ${className}`} aria-sort={activeSort ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={analysesHref({ ...filters, sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
          {label}
          <span aria-hidden="true" className="text-xs">{activeSort ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}</span>
          <span className="sr-only">{activeSort ? `, sorted ${filters.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
        </Link>
      </th>
    );
  };

  return (
    <div className="space-y-5">
      <ListHeader
        title="Analyses"
        summary={`${result.total} analys${result.total === 1 ? "is" : "es"}${active ? " match these filters" : ""}${
          // Severity and gap together select one failure having both; say so, it is not two conditions.
          filters.severities.length && filters.gaps.length
            ? ` (each has a ${filters.severities.join(" or ")} failure in ${filters.gaps.map((g) => result.gaps.find((x) => x.id === g)?.label ?? g).join(" or ")})`
            : ""
        }`}
        clearHref={active > 0 ? "/analyses" : undefined}
        exports={{ list: "analyses", params, count: result.total }}
      />

      <CollapsibleFilters active={active}>
      <FilterForm key={current} action="/analyses" label="Filter analyses" className="grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6 dark:border-slate-800">
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="analyses-q" className={LABEL}>Search</label>
          <div className="flex gap-1">
            <input id="analyses-q" name="q" type="search" defaultValue={filters.q ?? ""} data-search-input="page" placeholder="Title, task id, summary…" className={FIELD} />
            <button type="submit" className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
              Search
            </button>
          </div>
        </div>
        <fieldset className="space-y-1 sm:col-span-2">
          <legend className={LABEL}>Has failures of severity</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1 pt-1">
            {SEVERITIES.map((s) => (
              <label key={s} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name="severity" value={s} defaultChecked={filters.severities.includes(s)} className="h-4 w-4 accent-blue-600" />
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="analyses-gap" className={LABEL}>Knowledge gap</label>
          <select id="analyses-gap" name="gap" defaultValue={filters.gaps[0] ?? ""} className={FIELD}>
            <option value="">Any gap</option>
            {result.gaps.map((g) => (
              <option key={g.id} value={g.id}>{g.label}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="analyses-platform" className={LABEL}>Platform</label>
          <select id="analyses-platform" name="platform" defaultValue={filters.platform ?? ""} className={FIELD}>
            <option value="">All platforms</option>
            {result.platforms.map((p) => (
              <option key={p} value={p}>{p}</option>
            ))}
          </select>
        </div>
        <fieldset className="space-y-1 sm:col-span-2">
          <legend className={LABEL}>Score (out of 10)</legend>
          <div className="flex items-center gap-2">
            <label htmlFor="analyses-min" className="sr-only">Minimum score</label>
            <input id="analyses-min" name="min" type="number" min={0} max={10} step={0.5} defaultValue={filters.minScore ?? ""} placeholder="min" className={FIELD} />
            <span aria-hidden="true">–</span>
            <label htmlFor="analyses-max" className="sr-only">Maximum score</label>
            <input id="analyses-max" name="max" type="number" min={0} max={10} step={0.5} defaultValue={filters.maxScore ?? ""} placeholder="max" className={FIELD} />
          </div>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="analyses-warnings" className={LABEL}>Parser warnings</label>
          <select id="analyses-warnings" name="warnings" defaultValue={filters.warnings} className={FIELD}>
            <option value="any">Any</option>
            <option value="yes">With warnings</option>
            <option value="no">Without warnings</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="analyses-sort" className={LABEL}>Sort by</label>
          <select id="analyses-sort" name="sort" defaultValue={filters.sort} className={FIELD}>
            {ANALYSIS_SORTS.map((s) => (
              <option key={s} value={s}>{SORT_LABEL[s]}</option>
            ))}
          </select>
          <input type="hidden" name="dir" value={filters.dir === DEFAULT_DIRECTION[filters.sort] ? "" : filters.dir} />
        </div>
        <div className="flex items-end">
          <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800">
            Apply
          </button>
        </div>
      </FilterForm>
      </CollapsibleFilters>

      {result.total === 0 ? (
        <EmptyState title={active ? "No analyses match these filters" : "No analyses yet"}>
          {active ? (
            <>
              Loosen a filter above, or{" "}
              <Link href="/analyses" className="text-blue-700 underline dark:text-blue-300">clear them all</Link>.
            </>
          ) : (
            <>
              Add a report on the <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">Upload</Link> page, or put Markdown files in{" "}
              <code>content/</code> and run <code>npm run ingest</code>.
            </>
          )}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm sm:min-w-[44rem]">
            <caption className="sr-only">Analyses, {SORT_LABEL[filters.sort]} {filters.dir === "asc" ? "ascending" : "descending"}</caption>
            <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
              <tr>
                {sortHeader("title")}
                <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">Task</th>
                <th scope="col" className="hidden py-2 pr-4 font-medium sm:table-cell">Platform</th>
                {sortHeader("score")}
                {sortHeader("critical", "Failures (by critical)")}
                {sortHeader("date", "Date", "hidden sm:table-cell")}
              </tr>
            </thead>
            <tbody>
              {result.analyses.map((a) => (
                <AnalysisRow key={a.slug} analysis={a} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={result.page}
        requestedPage={filters.page}
        pageCount={result.pageCount}
        total={result.total}
        pageSize={PAGE_SIZE}
        noun="analyses"
        hrefFor={(page) => analysesHref({ ...filters, page } satisfies Partial<AnalysisFilters>)}
      />
    </div>
  );
}

interface AnalysisRowProps {
  analysis: Awaited<ReturnType<typeof searchAnalyses>>["analyses"][number];
}

function AnalysisRow({ analysis: a }: AnalysisRowProps) {
  return (
    <tr className="border-b border-slate-100 align-top dark:border-slate-900">
      <td className="py-2 pr-4">
        <Link href={analysisHref(a.slug)} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
          {a.title}
        </Link>
        {a.warningCount > 0 && (
          <Link
            href={analysisHref(a.slug)}
            className="ml-2 inline-flex rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 ring-1 ring-amber-300 ring-inset dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
            aria-label={`${a.warningCount} parser warning${a.warningCount === 1 ? "" : "s"} in ${a.title}`}
          >
            ⚠ {a.warningCount}
          </Link>
        )}
        <div className="mt-0.5 text-xs text-slate-600 sm:hidden dark:text-slate-300">
          <span className="font-mono">{a.taskId ?? a.slug}</span>
          {a.platform && ` · ${a.platform}`}
        </div>
      </td>
      <td className="hidden py-2 pr-4 font-mono text-xs sm:table-cell">{a.taskId ?? <span className="text-slate-500 dark:text-slate-400" title="No task id in the report; this is its slug">{a.slug}</span>}</td>
      <td className="hidden py-2 pr-4 sm:table-cell">{a.platform ?? "—"}</td>
      <td className="py-2 pr-4 tabular-nums">{a.scoreValue !== null ? `${a.scoreValue}/${a.scoreMax}` : "—"}</td>
      <td className="py-2 pr-4">
        <SeverityCounts counts={countsOf(a)} />
      </td>
      <td className="hidden whitespace-nowrap py-2 pr-4 text-xs sm:table-cell text-slate-600 dark:text-slate-300">
        <time dateTime={a.updatedAt.toISOString()}>{a.updatedAt.toISOString().slice(0, 10)}</time>
      </td>
    </tr>
  );
}
