import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ListHeader } from "@/components/list-header";
import { CollapsibleFilters } from "@/components/collapsible-filters";
import { FacetGroup } from "@/components/facet-group";
import { FilterForm } from "@/components/filter-form";
import { PagePastEnd } from "@/components/page-past-end";
import { Pagination } from "@/components/pagination";
import { SearchSnippet } from "@/components/search-snippet";
import { SeverityCounts, countsOf } from "@/components/severity-counts";
import { ReviewFilterFields } from "@/components/review/review-filter-fields";
import { currentViewer } from "@/lib/auth/current-viewer";
import { reviewFilterCount } from "@/lib/filters/review-params";
import { cached } from "@/lib/cache";
import { searchAnalyses, type AnalysisHit } from "@/lib/analyses/search-analyses";
import { ANALYSIS_FORM_DEFAULTS, ANALYSIS_SORTS, DEFAULT_DIRECTION, PAGE_SIZE, parseAnalysisFilters, type AnalysisFilters, type AnalysisSort } from "@/lib/filters/view-params";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { analysesHref, analysisHref, failureHref } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Analyses", description: "Every failure analysis: scores, severity counts and warnings." };

const SORT_LABEL: Record<AnalysisSort, string> = { relevance: "Relevance", date: "Date ingested", score: "Score", critical: "Critical", title: "Title" };
const FIELD = "w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";
const LABEL = "text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300";

interface PageProps {
  searchParams: Promise<RawSearchParams>;
}

/** "critical or high", "Secrets or IAM": a filter's values as said in a sentence. */
const anyOf = (values: string[]) => values.join(" or ");

export default async function AnalysesPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const filters = parseAnalysisFilters(params);
  const viewer = await currentViewer();
  const result = await cached(["analyses", filters, viewer?.reviewer.id ?? null], () => searchAnalyses(filters, viewer?.reviewer.id));
  const current = analysesHref({ ...filters, page: result.page });
  const failureFilters = filters.severities.length + filters.gaps.length + filters.platforms.length;
  const active =
    (filters.q ? 1 : 0) + failureFilters + (filters.minScore !== undefined ? 1 : 0) + (filters.maxScore !== undefined ? 1 : 0) + (filters.warnings !== "any" ? 1 : 0) + reviewFilterCount(filters);
  const gapLabel = (id: string) => result.facets.gap.find((g) => g.value === id)?.label ?? id;
  // Severity and gap together select one failure having both; say so, it is not two conditions.
  const oneFailure =
    filters.severities.length && filters.gaps.length
      ? ` — each has one ${anyOf(filters.severities)} failure in ${anyOf(filters.gaps.map(gapLabel))}${filters.platforms.length ? ` on ${anyOf(filters.platforms)}` : ""}`
      : "";

  /** A column header that sorts by `sort`; clicking the active one flips the direction. */
  const sortHeader = (sort: AnalysisSort, label: string = SORT_LABEL[sort], className = "") => {
    const activeSort = filters.sort === sort;
    const dir = activeSort ? (filters.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort];
    return (
      <th scope="col" className={`py-2 pr-3 font-medium ${className}`} aria-sort={activeSort ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
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
        summary={`${result.total} analys${result.total === 1 ? "is" : "es"}${active ? " match these filters" : ""}${oneFailure}`}
        summaryTestId="result-count"
        clearHref={active > 0 ? "/analyses" : undefined}
        exports={{ list: "analyses", params, count: result.total }}
      />

      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <CollapsibleFilters active={active}>
          <FilterForm key={current} action="/analyses" label="Filter analyses" defaults={ANALYSIS_FORM_DEFAULTS} className="space-y-5">
            <div className="space-y-1">
              <label htmlFor="analyses-q" className={LABEL}>Search</label>
              <div className="flex gap-1">
                <input id="analyses-q" name="q" type="search" defaultValue={filters.q ?? ""} data-search-input="page" placeholder="Words or “a phrase”" className={FIELD} />
                <button type="submit" className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
                  Search
                </button>
              </div>
              <p className="text-xs text-slate-600 dark:text-slate-400">Titles, summaries and every failure’s text and code.</p>
            </div>
            <div className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800">
              <p className="text-xs text-slate-700 dark:text-slate-300" id="one-failure-note">
                Severity, gap and platform select analyses with <strong>one failure</strong> matching all three; several values in one group mean any of them.
              </p>
              <FacetGroup legend="Failure severity (any of)" name="severity" values={result.facets.severity} severity />
              <FacetGroup legend="Knowledge gap (any of)" name="gap" values={result.facets.gap} emptyText="No knowledge gaps in these results." />
              <FacetGroup legend="Platform (any of)" name="platform" values={result.facets.platform} emptyText="No platforms in these results." />
            </div>
            <ReviewFilterFields
              idPrefix="analyses"
              facets={result.facets}
              viewer={viewer?.reviewer.name ?? null}
              here={current}
              note="Reviewed: ticked “reviewed” on its page (for the document as it is now)."
            />
            <fieldset className="space-y-1">
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
                {ANALYSIS_SORTS.filter((s) => s !== "relevance" || filters.q).map((s) => (
                  <option key={s} value={s}>{SORT_LABEL[s]}</option>
                ))}
              </select>
              <input type="hidden" name="dir" value={filters.sort === "relevance" || filters.dir === DEFAULT_DIRECTION[filters.sort] ? "" : filters.dir} />
            </div>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800">
              Apply
            </button>
          </FilterForm>
        </CollapsibleFilters>

        <section aria-label="Results" className="min-w-0 space-y-4">
          {result.emptyQuery && (
            <p role="note" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100">
              “{filters.q}” has no searchable words; search for words or identifiers instead.
            </p>
          )}
          {result.total > 0 && (
            <PagePastEnd requested={filters.page} pageCount={result.pageCount} lastHref={analysesHref({ ...filters, page: result.pageCount })} noun="analyses" />
          )}
          {result.total === 0 ? (
            <EmptyState title={active ? "No analyses match these filters" : "No analyses yet"}>
              {active ? (
                <>
                  Loosen a filter, or <Link href="/analyses" className="text-blue-700 underline dark:text-blue-300">clear them all</Link>.
                </>
              ) : (
                <>
                  Add a report on the <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">Upload</Link> page, or put Markdown files in{" "}
                  <code>content/</code> and run <code>npm run ingest</code>.
                </>
              )}
            </EmptyState>
          ) : (
            <table className="w-full table-fixed text-left text-sm">
              <caption className="sr-only">Analyses, {SORT_LABEL[filters.sort]}{filters.sort === "relevance" ? "" : ` ${filters.dir === "asc" ? "ascending" : "descending"}`}</caption>
              <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
                <tr>
                  {sortHeader("title")}
                  <th scope="col" className="hidden w-40 py-2 pr-3 font-medium xl:table-cell">Task</th>
                  <th scope="col" className="hidden w-32 py-2 pr-3 font-medium xl:table-cell">Platform</th>
                  {sortHeader("score", "Score", "w-20")}
                  {sortHeader("critical", "Failures", "w-28 sm:w-36")}
                  {sortHeader("date", "Date", "hidden w-36 md:table-cell")}
                </tr>
              </thead>
              <tbody>
                {result.analyses.map((a) => (
                  <AnalysisRow key={a.slug} analysis={a} />
                ))}
              </tbody>
            </table>
          )}
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            pageSize={PAGE_SIZE}
            noun="analyses"
            hrefFor={(page) => analysesHref({ ...filters, page } satisfies Partial<AnalysisFilters>)}
          />
        </section>
      </div>
    </div>
  );
}

function AnalysisRow({ analysis: a }: { analysis: AnalysisHit }) {
  return (
    <tr data-nav-item tabIndex={-1} className="border-b border-slate-100 align-top focus:outline-none dark:border-slate-900">
      <td className="py-2 pr-3">
        <Link href={analysisHref(a.slug)} className="font-medium text-blue-700 [overflow-wrap:anywhere] hover:underline dark:text-blue-300">
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
        <div className="mt-0.5 text-xs text-slate-600 [overflow-wrap:anywhere] xl:hidden dark:text-slate-300">
          <span className="font-mono">{a.taskId ?? a.slug}</span>
          {a.platform && ` · ${a.platform}`}
          <span className="md:hidden">
            {" · "}
            <AnalysisDate analysis={a} />
          </span>
        </div>
        {a.match && (
          <SearchSnippet
            className="mt-1"
            parts={a.match.parts}
            label={
              a.match.failure ? (
                <>
                  in <Link href={failureHref(a.slug, a.match.failure.key)} className="underline">failure #{a.match.failure.number}</Link>:
                </>
              ) : undefined
            }
          />
        )}
      </td>
      <td className="hidden py-2 pr-3 font-mono text-xs [overflow-wrap:anywhere] xl:table-cell">{a.taskId ?? <span className="text-slate-500 dark:text-slate-400" title="No task id in the report; this is its slug">{a.slug}</span>}</td>
      <td className="hidden py-2 pr-3 [overflow-wrap:anywhere] xl:table-cell">{a.platform ?? "—"}</td>
      <td className="py-2 pr-3 tabular-nums">{a.scoreValue !== null ? `${a.scoreValue}/${a.scoreMax}` : "—"}</td>
      <td className="py-2 pr-3">
        <SeverityCounts counts={countsOf(a)} />
      </td>
      <td className="hidden whitespace-nowrap py-2 pr-3 text-xs text-slate-600 md:table-cell dark:text-slate-300">
        <AnalysisDate analysis={a} />
      </td>
    </tr>
  );
}

/** The date the report states for itself, else the day it was ingested, labelled so. */
function AnalysisDate({ analysis: a }: { analysis: Pick<AnalysisHit, "documentDate" | "updatedAt"> }) {
  if (a.documentDate) return <time dateTime={a.documentDate} title="The date the report states">{a.documentDate}</time>;
  const day = a.updatedAt.toISOString().slice(0, 10);
  return (
    <span title="The report states no date; this is when it was ingested">
      <time dateTime={a.updatedAt.toISOString()}>{day}</time> <span className="text-slate-500 dark:text-slate-400">ingested</span>
    </span>
  );
}
