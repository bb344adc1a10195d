import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense, cache } from "react";
import { AnalysisFacts } from "@/components/analyses/analysis-facts";
import { AnalysisNotes } from "@/components/analyses/analysis-notes";
import { CompareWith } from "@/components/compare/compare-with";
import { CopyLinkButton } from "@/components/copy-link-button";
import { DeleteAnalysis } from "@/components/delete-analysis";
import { EmptyState } from "@/components/empty-state";
import { FailureCard } from "@/components/failure-card";
import { LineLinks } from "@/components/line-links";
import { FailureAliasMap } from "@/components/failure-alias-map";
import { PageLocator } from "@/components/page-locator";
import { PageSkeleton } from "@/components/page-skeleton";
import { FailurePagination } from "@/components/page-links";
import { FailureToc } from "./failure-toc";
import { FailureTools } from "./failure-tools";
import { RawMarkdown } from "@/components/raw-markdown";
import { ReviewProgress } from "@/components/review/review-progress";
import { AnalysisReview } from "@/components/review/analysis-review";
import { cached } from "@/lib/cache";
import { bySeverity, SEVERITIES } from "@/lib/domain";
import { analysisHeader } from "@/lib/analyses/analysis-header";
import { analysisExists } from "@/lib/analyses/analysis-exists";
import { redirectOldSlug } from "@/lib/analyses/slug-alias";
import { diffModeChosen, diffModeFor, queryString } from "@/lib/filters/diff-preference";
import { currentFailureKeys, getAnalysis, type AnalysisDetail } from "@/lib/analyses/get-analysis";
import { decodeParam, parseAnalysisView } from "@/lib/filters/view-params";
import { parsePage, type RawSearchParams } from "@/lib/filters/search-params";
import { FAILURES_PER_PAGE, pageOf, pageWindow } from "@/lib/render/pages";
import { analysisHref } from "@/lib/routes";

/** One load per request, shared by the metadata and the page. */
const loadAnalysis = cache((slug: string, skip: number, take: number) =>
  cached(["analysis", slug, skip, take], () => getAnalysis(slug, skip, take)),
);

export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<RawSearchParams>;
}

function countsSentence(a: AnalysisDetail): string {
  const parts = SEVERITIES.flatMap((s) => (a[`${s}Count`] ? [`${a[`${s}Count`]} ${s}`] : []));
  return `${a.failureCount} failure${a.failureCount === 1 ? "" : "s"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params;
  // Metadata needs the counts, not the failures.
  const analysis = await loadAnalysis(decodeParam(slug), 0, 0);
  if (!analysis) return { title: "Analysis not found" };
  const description = `${analysis.taskId ? `Task ${analysis.taskId} · ` : ""}${countsSentence(analysis)}`;
  return {
    title: analysis.title,
    description,
    // og:url is the canonical address (the stored slug, even when an alias was asked for).
    openGraph: { title: analysis.title, description, type: "article", url: analysisHref(analysis.slug) },
    twitter: { card: "summary_large_image", title: analysis.title, description },
  };
}

export default async function AnalysisPage({ params, searchParams }: PageProps) {
  const [{ slug: rawSlug }, query] = await Promise.all([params, searchParams]);
  const slug = decodeParam(rawSlug);
  // Decided before anything streams, so an unknown slug gets a real 404 status.
  if (!(await cached(["analysis-exists", slug], () => analysisExists(slug)))) await redirectOldSlug(slug, "", queryString(query));
  return (
    <Suspense fallback={<PageSkeleton label="Loading the analysis…" variant="cards" />}>
      <AnalysisView slug={slug} query={query} />
    </Suspense>
  );
}

interface AnalysisViewProps {
  slug: string;
  query: RawSearchParams;
}

async function AnalysisView({ slug, query }: AnalysisViewProps) {
  const view = parseAnalysisView(query);
  // One page of failures (FAILURES_PER_PAGE); the raw view needs none. Past the last page: the last.
  const first = view === "raw" ? { skip: 0, take: 0 } : pageWindow(parsePage(query), FAILURES_PER_PAGE);
  let analysis = await loadAnalysis(slug, first.skip, first.take);
  if (!analysis) notFound();
  const failurePages = pageOf(query, analysis.failureCount, FAILURES_PER_PAGE);
  if (view !== "raw" && failurePages.page !== failurePages.requested) {
    analysis = (await loadAnalysis(slug, pageWindow(failurePages.page, FAILURES_PER_PAGE).skip, FAILURES_PER_PAGE)) ?? notFound();
  }
  const [mode, chosen] = await Promise.all([diffModeFor(query), diffModeChosen(query)]);
  // All of them, not only this page's: a link to a failure on another page is not "gone".
  const currentKeys = await cached(["failure-keys", analysis.id], () => currentFailureKeys(analysis.id));
  const header = analysisHeader(analysis);
  const modeHrefs = { split: analysisHref(slug, { diff: "split" }), unified: analysisHref(slug, { diff: "unified" }) };
  const tab = (v: typeof view, label: string) => (
    <Link
      href={analysisHref(slug, { view: v, diff: mode })}
      aria-current={view === v ? "page" : undefined}
      className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600 ${
        view === v
          ? "border-blue-600 text-slate-900 dark:border-blue-400 dark:text-white"
          : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
      }`}
    >
      {label}
    </Link>
  );

  return (
    <article className="space-y-6">
      <header className="space-y-4">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-300">
          <Link href="/analyses" className="hover:underline">
            Analyses
          </Link>{" "}
          / <span className="font-mono">{analysis.taskId ?? analysis.slug}</span>
        </nav>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="min-w-0 text-2xl font-semibold [overflow-wrap:anywhere]">{analysis.title}</h1>
          <CopyLinkButton href={analysisHref(slug)} label="Copy link to this analysis" />
        </div>
        <AnalysisFacts analysis={analysis} header={header} />
        <ReviewProgress analysisId={analysis.id} slug={analysis.slug} />
        <AnalysisReview analysisId={analysis.id} slug={analysis.slug} />
        <AnalysisNotes analysis={analysis} header={header} />
        <DeleteAnalysis slug={analysis.slug} title={analysis.title} />
      </header>

      <nav aria-label="Analysis views" className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {tab("failures", `Failures (${analysis.failureCount})`)}
        {tab("raw", "Raw Markdown")}
      </nav>

      {view === "raw" ? (
        <RawMarkdown raw={analysis.source?.raw ?? ""} slug={slug} query={query} />
      ) : analysis.failures.length === 0 ? (
        <EmptyState title="No failures found in this report">
          The parser did not recognise any failure items. Check the{" "}
          <Link href={analysisHref(slug, { view: "raw" })} className="text-blue-700 underline dark:text-blue-300">
            raw Markdown
          </Link>{" "}
          and the parser warnings above.
        </EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[13rem_minmax(0,1fr)]">
          <FailureToc
            items={analysis.failures.map((f) => ({ key: f.key, number: f.number, title: f.title, severity: f.severity }))}
            total={analysis.failureCount}
          />
          <section aria-label="Failures" className="min-w-0 space-y-5" data-failure-list>
            <FailureTools counts={severityCounts(analysis.failures)} paged={failurePages.pages > 1} />
            {failurePages.pages > 1 && (
              <FailurePagination
                slug={slug}
                mode={mode}
                page={failurePages.page}
                pages={failurePages.pages}
                total={analysis.failureCount}
              />
            )}
            <PageLocator
              slug={slug}
              view="failures"
              page={failurePages.page}
              pages={failurePages.pages}
              refsHere={analysis.failures.flatMap((f) => [f.key, String(f.number)])}
            />
            {analysis.failures.map((failure) => (
              <FailureCard key={failure.id} failure={failure} slug={slug} mode={mode} autoMode={!chosen} modeHrefs={modeHrefs} />
            ))}
            {failurePages.pages > 1 && (
              <FailurePagination
                slug={slug}
                mode={mode}
                page={failurePages.page}
                pages={failurePages.pages}
                total={analysis.failureCount}
              />
            )}
          </section>
        </div>
      )}
      <Suspense fallback={null}>
        <CompareWith slug={slug} />
      </Suspense>
      <FailureAliasMap aliases={analysis.failureAliases} current={currentKeys} />
      <LineLinks />
    </article>
  );
}

/** This page's failures per severity, most severe first (the failure filter's buttons). */
function severityCounts(failures: { severity: string }[]): { severity: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of failures) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return [...counts].map(([severity, count]) => ({ severity, count })).sort((a, b) => bySeverity(a.severity, b.severity));
}
