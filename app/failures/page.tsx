import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { ListHeader } from "@/components/list-header";
import { FacetGroup } from "@/components/facet-group";
import { CollapsibleFilters } from "@/components/collapsible-filters";
import { FilterForm } from "@/components/filter-form";
import { GapTag } from "@/components/gap-tag";
import { PagePastEnd } from "@/components/page-past-end";
import { Pagination } from "@/components/pagination";
import { SearchSnippet } from "@/components/search-snippet";
import { SeverityBadge } from "@/components/severity-badge";
import { ReviewFilterFields } from "@/components/review/review-filter-fields";
import { ReviewStateLine } from "@/components/review/review-state-line";
import { currentViewer } from "@/lib/auth/current-viewer";
import { reviewFilterCount } from "@/lib/filters/review-params";
import { cached } from "@/lib/cache";
import { searchFailures, type FailureHit } from "@/lib/failures/search-failures";
import { FAILURE_FORM_DEFAULTS, FAILURE_SORTS, PAGE_SIZE, parseFailureFilters, type FailureFilters } from "@/lib/filters/view-params";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { analysisHref, failureFragment, failureHref, failuresHref } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Failures",
  description: "Every failure of every analysis, filtered by severity, knowledge gap and platform.",
};

const SORT_LABEL: Record<(typeof FAILURE_SORTS)[number], string> = {
  relevance: "Relevance",
  severity: "Severity (grouped)",
  analysis: "Analysis title",
  recent: "Recently updated analysis",
};

interface PageProps {
  searchParams: Promise<RawSearchParams>;
}

export default async function FailuresPage({ searchParams }: PageProps) {
  const params = await searchParams;
  const filters = parseFailureFilters(params);
  const viewer = await currentViewer();
  const result = await cached(["failures", filters, viewer?.reviewer.id ?? null], () => searchFailures(filters, viewer?.reviewer.id));
  const current = failuresHref({ ...filters, page: result.page });
  const active =
    filters.severities.length + filters.gaps.length + filters.platforms.length + (filters.q ? 1 : 0) + reviewFilterCount(filters);
  const groups = filters.sort === "severity" ? groupBySeverity(result.hits) : [{ severity: null, hits: result.hits }];

  return (
    <div className="space-y-5">
      <ListHeader
        title="Failures"
        summary={`${result.total} failure${result.total === 1 ? "" : "s"}${active ? " match these filters" : " across all analyses"}`}
        summaryTestId="result-count"
        clearHref={active > 0 ? "/failures" : undefined}
        exports={{ list: "failures", params, count: result.total }}
      />

      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <CollapsibleFilters active={active}>
          <FilterForm key={current} action="/failures" label="Filter failures" defaults={FAILURE_FORM_DEFAULTS} className="space-y-5">
            <div className="space-y-1">
              <label htmlFor="failures-q" className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
                Full-text search
              </label>
              <div className="flex gap-1">
                <input
                  id="failures-q"
                  name="q"
                  type="search"
                  defaultValue={filters.q ?? ""}
                  data-search-input="page"
                  placeholder="Words or “a phrase”"
                  className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
                />
                <button
                  type="submit"
                  className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
                >
                  Search
                </button>
              </div>
            </div>
            <FacetGroup legend="Severity (any of)" name="severity" values={result.facets.severity} severity />
            <FacetGroup
              legend="Knowledge gap (any of)"
              name="gap"
              values={result.facets.gap}
              emptyText="No knowledge gaps in these results."
            />
            <FacetGroup
              legend="Platform (any of)"
              name="platform"
              values={result.facets.platform}
              emptyText="No platforms in these results."
            />
            <ReviewFilterFields idPrefix="failures" facets={result.facets} viewer={viewer?.reviewer.name ?? null} here={current} />
            <div className="space-y-1">
              <label htmlFor="failures-sort" className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
                Sort by
              </label>
              <select
                id="failures-sort"
                name="sort"
                defaultValue={filters.sort}
                className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
              >
                {FAILURE_SORTS.filter((s) => s !== "relevance" || filters.q).map((s) => (
                  <option key={s} value={s}>
                    {SORT_LABEL[s]}
                  </option>
                ))}
              </select>
            </div>
            <noscript>
              <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm">
                Apply filters
              </button>
            </noscript>
          </FilterForm>
        </CollapsibleFilters>

        <section aria-label="Results" className="min-w-0 space-y-4">
          {result.emptyQuery && (
            <p
              role="note"
              className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
            >
              “{filters.q}” has no searchable words; search for words or identifiers instead.
            </p>
          )}
          {result.total > 0 && (
            <PagePastEnd
              requested={filters.page}
              pageCount={result.pageCount}
              lastHref={failuresHref({ ...filters, page: result.pageCount })}
              noun="failures"
            />
          )}
          {result.total === 0 ? (
            <EmptyState title={active ? "No failures match these filters" : "No failures yet"}>
              {active ? (
                <>
                  Remove a filter, or{" "}
                  <Link href="/failures" className="text-blue-700 underline dark:text-blue-300">
                    clear them all
                  </Link>
                  .
                </>
              ) : (
                <>
                  No analyses have been ingested yet. Add reports on the{" "}
                  <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">
                    Upload
                  </Link>{" "}
                  page or run <code>npm run ingest</code>.
                </>
              )}
            </EmptyState>
          ) : (
            groups.map((group) => (
              <div key={group.severity ?? "all"} className="space-y-2">
                {group.severity && (
                  <h2 className="flex items-center gap-2 text-sm font-semibold">
                    <SeverityBadge severity={group.severity} /> <span className="sr-only">{group.severity} failures</span>
                  </h2>
                )}
                <ol className="space-y-2" aria-label={group.severity ? `${group.severity} failures` : "Failures"}>
                  {group.hits.map((hit) => (
                    <FailureRow key={hit.id} hit={hit} />
                  ))}
                </ol>
              </div>
            ))
          )}
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            total={result.total}
            pageSize={PAGE_SIZE}
            noun="failures"
            hrefFor={(page) => failuresHref({ ...filters, page } satisfies Partial<FailureFilters>)}
          />
        </section>
      </div>
    </div>
  );
}

function groupBySeverity(hits: FailureHit[]) {
  const groups: { severity: string | null; hits: FailureHit[] }[] = [];
  for (const hit of hits) {
    const last = groups[groups.length - 1];
    if (last && last.severity === hit.severity) last.hits.push(hit);
    else groups.push({ severity: hit.severity, hits: [hit] });
  }
  return groups;
}

interface FailureRowProps {
  hit: FailureHit;
}

function FailureRow({ hit }: FailureRowProps) {
  return (
    <li
      id={`hit-${hit.analysis.slug}--${hit.key}`}
      data-nav-item
      tabIndex={-1}
      data-testid="failure-hit"
      className="rounded-md border border-slate-200 p-3 focus:outline-none dark:border-slate-800"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 font-medium [overflow-wrap:anywhere]">
          <Link
            href={failureHref(hit.analysis.slug, hit.key)}
            className="hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            <span className="mr-1 text-slate-500 tabular-nums dark:text-slate-400">#{hit.number}</span>
            {hit.title}
          </Link>
        </h3>
        <SeverityBadge severity={hit.severity} />
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        in{" "}
        <Link
          href={analysisHref(hit.analysis.slug, {}, failureFragment(hit.key))}
          className="text-blue-700 underline decoration-blue-300 underline-offset-2 hover:decoration-current dark:text-blue-300 dark:decoration-blue-700"
        >
          {hit.analysis.title}
        </Link>{" "}
        <span className="font-mono">{hit.analysis.taskId ?? hit.analysis.slug}</span>
        {hit.analysis.platform && <> · {hit.analysis.platform}</>}
        {hit.location && (
          <>
            {" "}
            · <span className="font-mono [overflow-wrap:anywhere]">{hit.location}</span>
          </>
        )}
      </p>
      {hit.snippet ? (
        <SearchSnippet className="mt-1" parts={hit.snippet} />
      ) : (
        hit.rootCause && (
          <p className="mt-1 line-clamp-2 text-sm [overflow-wrap:anywhere] text-slate-700 dark:text-slate-300">{hit.rootCause}</p>
        )
      )}
      {hit.gaps.length > 0 && (
        <div className="mt-2 flex flex-wrap gap-1" aria-label="Knowledge gaps">
          {hit.gaps.map((g, i) => (
            <GapTag key={g.id} id={g.id} label={g.label} primary={i === 0} />
          ))}
        </div>
      )}
      <ReviewStateLine review={hit.review} severity={hit.severity} />
    </li>
  );
}
