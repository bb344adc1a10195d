import type { Route } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { SeverityBadge } from "@/components/severity-badge";
import { SeverityCounts, countsOf } from "@/components/severity-counts";
import { cached } from "@/lib/cache";
import { getOverview } from "@/lib/overview/get-overview";
import { describeScoreSource } from "@/lib/scores/score-source";
import { analysisHref, failuresHref } from "@/lib/routes";

export const dynamic = "force-dynamic";

const BAR: Record<string, string> = {
  critical: "bg-red-600",
  high: "bg-orange-500",
  medium: "bg-amber-400",
  low: "bg-sky-500",
  unknown: "bg-slate-400",
};

export default async function HomePage() {
  const overview = await cached(["overview"], getOverview);
  if (overview.analysisCount === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Faultline</h1>
        <EmptyState title="No analyses yet">
          Add a report on the{" "}
          <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">
            Upload
          </Link>{" "}
          page, or put Markdown reports in <code>content/</code> and run <code>npm run ingest</code>.
        </EmptyState>
      </div>
    );
  }
  const maxSeverity = Math.max(1, ...overview.severities.map((s) => s.count));
  const maxGap = Math.max(1, ...overview.topGaps.map((g) => g.count));
  return (
    <div className="space-y-8">
      <section aria-labelledby="overview-heading" className="space-y-4">
        <h1 id="overview-heading" className="text-2xl font-semibold">
          Overview
        </h1>
        <form action="/failures" role="search" className="flex max-w-xl gap-2">
          <label htmlFor="home-q" className="sr-only">
            Search every failure
          </label>
          <input
            id="home-q"
            name="q"
            type="search"
            data-search-input="page"
            placeholder="Search every failure: titles, root causes, code…"
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          <button
            type="submit"
            className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
          >
            Search
          </button>
        </form>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label="Analyses" value={overview.analysisCount} href="/analyses" />
          <Stat label="Failures" value={overview.failureCount} href="/failures" />
          <Stat
            label="Average score"
            value={overview.averageScore === null ? "—" : `${overview.averageScore.toFixed(1)}/10`}
            note={`over ${overview.scoredCount} of ${overview.analysisCount} (those stating a score)`}
            href="/scores"
          />
          <Stat label="With parser warnings" value={overview.warnedCount} href="/analyses?warnings=yes" />
        </dl>
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="severity-heading" className="space-y-3">
          <h2 id="severity-heading" className="text-lg font-semibold">
            Failures per severity
          </h2>
          <ul className="space-y-2">
            {overview.severities.map((s) => (
              <li key={s.severity}>
                <Link
                  href={failuresHref({ severities: [s.severity] })}
                  className="group grid grid-cols-[5.5rem_minmax(0,1fr)_3rem] items-center gap-3 text-sm"
                >
                  <SeverityBadge severity={s.severity} />
                  <span className="h-3 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                    <span className={`block h-full ${BAR[s.severity]}`} style={{ width: `${(s.count / maxSeverity) * 100}%` }} />
                  </span>
                  <span className="text-right tabular-nums group-hover:underline">{s.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="gaps-heading" className="space-y-3">
          <h2 id="gaps-heading" className="text-lg font-semibold">
            Top knowledge gaps
          </h2>
          {overview.topGaps.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">No failure has been classified yet.</p>
          ) : (
            <ul className="space-y-2">
              {overview.topGaps.map((g) => (
                <li key={g.id}>
                  <Link
                    href={failuresHref({ gaps: [g.id] })}
                    className="group grid grid-cols-[minmax(0,1fr)_5rem_2.5rem] items-center gap-3 text-sm sm:grid-cols-[minmax(0,15rem)_minmax(0,1fr)_3rem]"
                  >
                    <span className="truncate group-hover:underline" title={g.label}>
                      {g.label}
                    </span>
                    <span className="h-3 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                      <span className="block h-full bg-violet-500" style={{ width: `${(g.count / maxGap) * 100}%` }} />
                    </span>
                    <span className="text-right tabular-nums">{g.count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recent analyses
          </h2>
          <Link href="/analyses" className="text-sm text-blue-700 hover:underline dark:text-blue-300">
            All analyses →
          </Link>
        </div>
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {overview.recent.map((a) => (
            <li key={a.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <Link
                  href={analysisHref(a.slug)}
                  className="font-medium [overflow-wrap:anywhere] text-blue-700 hover:underline dark:text-blue-300"
                >
                  {a.title}
                </Link>{" "}
                <span className="font-mono text-xs text-slate-600 dark:text-slate-300">{a.taskId ?? a.slug}</span>
                {a.platform && <span className="text-xs text-slate-600 dark:text-slate-300"> · {a.platform}</span>}
              </div>
              <div className="flex items-center gap-3">
                {a.scoreValue !== null && (
                  <span className="text-sm tabular-nums" title={`Score read from “${describeScoreSource(a.scoreSource)}”`}>
                    {a.scoreValue}/{a.scoreMax}
                    <span className="sr-only"> (from {describeScoreSource(a.scoreSource)})</span>
                  </span>
                )}
                <SeverityCounts counts={countsOf(a)} />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

interface StatProps {
  label: string;
  value: string | number;
  /** What the number covers ("over 48 of 405"). */
  note?: string;
  href: Route;
}

function Stat({ label, value, note, href }: StatProps) {
  return (
    <div className="relative rounded-lg border border-slate-200 p-3 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900">
      <dt className="text-xs tracking-wide text-slate-600 uppercase dark:text-slate-300">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">
        <Link href={href} className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-2 focus-visible:outline-blue-600">
          {value}
        </Link>
      </dd>
      {note && <dd className="mt-0.5 text-xs text-slate-600 dark:text-slate-300">{note}</dd>}
    </div>
  );
}
