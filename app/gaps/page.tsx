import type { Metadata } from "next";
import Link from "next/link";
import { SeverityMixBar } from "@/components/charts/severity-mix-bar";
import { EmptyState } from "@/components/empty-state";
import { ExportLinks } from "@/components/export-links";
import { SortHeader } from "@/components/sort-header";
import { parseGapSort, type GapSort } from "@/lib/filters/trainer-params";

import type { RawSearchParams } from "@/lib/filters/search-params";
import { cached } from "@/lib/cache";
import { listGaps } from "@/lib/gaps/list-gaps";
import { ReviewShareCells, ReviewShareHeaders } from "@/components/review/review-share-cells";
import { gapReviewShares } from "@/lib/reviews/trainer";
import { failuresHref, gapsHref, scoresForGapHref } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Knowledge gaps" };

const COLUMNS: { sort: GapSort; label: string; align?: "right" }[] = [
  { sort: "label", label: "Knowledge gap" },
  { sort: "failures", label: "Failures", align: "right" },
  { sort: "critical", label: "Severity mix" },
  { sort: "analyses", label: "Analyses", align: "right" },
  { sort: "score", label: "Mean score", align: "right" },
];

export default async function GapsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const sort = parseGapSort(params);
  const [gaps, reviews] = await Promise.all([
    cached(["gaps", sort], () => listGaps(sort)),
    cached(["gap-reviews"], () => gapReviewShares()),
  ]);
  const totalTags = gaps.reduce((sum, g) => sum + g.failureCount, 0);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">Knowledge gaps</h1>
          {gaps.length > 0 && <ExportLinks list="gaps" params={params} count={gaps.length} />}
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          What the models did not know, by category: how many failures show each gap, how severe they are, and the mean training-quality
          score of the analyses that have it. A failure can show more than one gap.
        </p>
      </header>
      {gaps.length === 0 ? (
        <EmptyState title="No knowledge gaps yet">
          Gaps are assigned to failures at ingest. Run <code>npm run ingest</code> or{" "}
          <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">
            upload reports
          </Link>
          .
        </EmptyState>
      ) : (
        <>
          {/* Phones: one card per gap (the table needs ~640 px); the same links and numbers. */}
          <div className="space-y-2 sm:hidden">
            <nav aria-label="Sort knowledge gaps" className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
              <span className="text-slate-600 dark:text-slate-300">Sort by:</span>
              {COLUMNS.map((c) => (
                <Link
                  key={c.sort}
                  href={gapsHref(c.sort)}
                  aria-current={sort === c.sort ? "true" : undefined}
                  className={sort === c.sort ? "font-semibold" : "text-blue-700 underline dark:text-blue-300"}
                >
                  {c.sort === "critical" ? "Critical" : c.label}
                </Link>
              ))}
            </nav>
            <ul
              aria-label="Knowledge gaps"
              className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
            >
              {gaps.map((g) => (
                <li key={g.id} className="space-y-1.5 p-3 text-sm">
                  <div className="flex items-baseline justify-between gap-3">
                    <Link
                      href={failuresHref({ gaps: [g.id] })}
                      className="min-w-0 font-medium break-words text-blue-700 hover:underline dark:text-blue-300"
                    >
                      {g.label}
                    </Link>
                    <span className="shrink-0 tabular-nums">
                      {g.failureCount} {g.failureCount === 1 ? "failure" : "failures"}
                    </span>
                  </div>
                  {g.description && <p className="line-clamp-2 text-xs text-slate-600 dark:text-slate-400">{g.description}</p>}
                  <SeverityMixBar mix={g.severity} />
                  <p className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
                    {g.primaryCount} primary · {g.analysisCount} {g.analysisCount === 1 ? "analysis" : "analyses"} · mean score{" "}
                    {g.meanScore === null ? "—" : `${(Math.round(g.meanScore * 10) / 10).toFixed(1)}/10`} over {g.scoredCount} of{" "}
                    {g.analysisCount} scored
                  </p>
                  <p className="flex flex-wrap gap-x-3 text-xs">
                    {g.severity.critical > 0 && (
                      <Link
                        href={failuresHref({ gaps: [g.id], severities: ["critical"] })}
                        className="text-red-700 underline dark:text-red-300"
                      >
                        {g.severity.critical} critical<span className="sr-only"> with {g.label}</span>
                      </Link>
                    )}
                    <Link href={scoresForGapHref(g.id)} className="text-blue-700 underline dark:text-blue-300">
                      Their scores<span className="sr-only"> ({g.label})</span>
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          </div>
          {/* relative: the screen-reader-only text inside is positioned against the scroller, not the page. */}
          <div className="relative hidden overflow-x-auto sm:block">
            <table className="w-full text-sm">
              <caption className="sr-only">
                {gaps.length} knowledge gaps over {totalTags} failure tags, sorted by {sort}.
              </caption>
              <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
                <tr>
                  {COLUMNS.map((c) => (
                    <SortHeader
                      key={c.sort}
                      label={c.label}
                      align={c.align}
                      active={sort === c.sort ? (c.sort === "label" ? "asc" : "desc") : null}
                      href={gapsHref(c.sort)}
                    />
                  ))}
                  <ReviewShareHeaders />
                  <th scope="col" className="py-2 text-left font-medium">
                    Open
                  </th>
                </tr>
              </thead>
              <tbody>
                {gaps.map((g) => (
                  <tr key={g.id} className="border-b border-slate-100 align-top dark:border-slate-900">
                    <td className="py-2 pr-3">
                      <Link href={failuresHref({ gaps: [g.id] })} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                        {g.label}
                      </Link>
                      {g.description && <p className="max-w-md text-xs text-slate-600 dark:text-slate-400">{g.description}</p>}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {g.failureCount}
                      {g.primaryCount !== g.failureCount && (
                        <span className="block text-xs text-slate-600 dark:text-slate-400">{g.primaryCount} primary</span>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      <SeverityMixBar mix={g.severity} />
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{g.analysisCount}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {g.meanScore === null ? "—" : `${(Math.round(g.meanScore * 10) / 10).toFixed(1)}/10`}
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {g.scoredCount} of {g.analysisCount} scored
                      </span>
                    </td>
                    <ReviewShareCells
                      failures={g.failureCount}
                      share={reviews.get(g.id)}
                      disputedHref={failuresHref({ gaps: [g.id], review: "disputed" })}
                    />
                    <td className="py-2 text-xs whitespace-nowrap">
                      <Link href={failuresHref({ gaps: [g.id] })} className="text-blue-700 hover:underline dark:text-blue-300">
                        All failures<span className="sr-only"> with {g.label}</span>
                      </Link>
                      {g.severity.critical > 0 && (
                        <Link
                          href={failuresHref({ gaps: [g.id], severities: ["critical"] })}
                          className="block text-red-700 hover:underline dark:text-red-300"
                        >
                          {g.severity.critical} critical<span className="sr-only"> with {g.label}</span>
                        </Link>
                      )}
                      <Link href={scoresForGapHref(g.id)} className="block text-blue-700 hover:underline dark:text-blue-300">
                        Their scores<span className="sr-only"> ({g.label})</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
