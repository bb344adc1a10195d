import type { Metadata } from "next";
import Link from "next/link";
import { AnalysisFilterForm } from "@/components/analyses/analysis-filter-form";
import { AnalysisTable } from "@/components/analyses/analysis-table";
import { EmptyState } from "@/components/empty-state";
import { ListHeader } from "@/components/list-header";
import { CollapsibleFilters } from "@/components/collapsible-filters";
import { PagePastEnd } from "@/components/page-past-end";
import { Pagination } from "@/components/pagination";
import { currentViewer } from "@/lib/auth/current-viewer";
import { reviewFilterCount } from "@/lib/filters/review-params";
import { cached } from "@/lib/cache";
import { searchAnalyses } from "@/lib/analyses/search-analyses";
import { PAGE_SIZE, parseAnalysisFilters, type AnalysisFilters } from "@/lib/filters/view-params";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { analysesHref } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Analyses", description: "Every failure analysis: scores, severity counts and warnings." };

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
    (filters.q ? 1 : 0) +
    failureFilters +
    (filters.minScore !== undefined ? 1 : 0) +
    (filters.maxScore !== undefined ? 1 : 0) +
    (filters.warnings !== "any" ? 1 : 0) +
    reviewFilterCount(filters);
  const gapLabel = (id: string) => result.facets.gap.find((g) => g.value === id)?.label ?? id;
  // Severity and gap together select one failure having both; say so, it is not two conditions.
  const oneFailure =
    filters.severities.length && filters.gaps.length
      ? ` — each has one ${anyOf(filters.severities)} failure in ${anyOf(filters.gaps.map(gapLabel))}${filters.platforms.length ? ` on ${anyOf(filters.platforms)}` : ""}`
      : "";

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
          <AnalysisFilterForm
            key={current}
            filters={filters}
            facets={result.facets}
            viewer={viewer?.reviewer.name ?? null}
            here={current}
          />
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
              lastHref={analysesHref({ ...filters, page: result.pageCount })}
              noun="analyses"
            />
          )}
          {result.total === 0 ? (
            <EmptyState title={active ? "No analyses match these filters" : "No analyses yet"}>
              {active ? (
                <>
                  Loosen a filter, or{" "}
                  <Link href="/analyses" className="text-blue-700 underline dark:text-blue-300">
                    clear them all
                  </Link>
                  .
                </>
              ) : (
                <>
                  Add a report on the{" "}
                  <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">
                    Upload
                  </Link>{" "}
                  page, or put Markdown files in <code>content/</code> and run <code>npm run ingest</code>.
                </>
              )}
            </EmptyState>
          ) : (
            <AnalysisTable analyses={result.analyses} filters={filters} />
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
