import type { Metadata } from "next";
import Link from "next/link";
import { COMPARE_LIST_LIMIT, CompareLimitNote } from "@/components/compare-limit-note";
import { ExportLinks } from "@/components/export-links";
import { SeverityBadge } from "@/components/severity-badge";
import { formatScore } from "@/lib/analyses/analysis-name";
import {
  compareAnalyses, listAnalysisOptions, suggestPairs, type AnalysisOption, type CompareFailure, type CompareSide, type Comparison, type GapRef,
} from "@/lib/compare/compare-analyses";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { parseComparePair } from "@/lib/filters/trainer-params";
import { failuresHref } from "@/lib/filters/view-params";
import { SEVERITIES } from "@/lib/parser/types";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

function compareHref(a: string, b: string): string {
  return `/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const { a, b } = parseComparePair(params);
  const [options, result] = await Promise.all([listAnalysisOptions(), a && b ? compareAnalyses(a, b) : null]);
  const missing = result && !result.ok ? result.missing.map((k) => (k === "a" ? a : b)) : [];
  const comparison = result?.ok ? result.comparison : null;
  const suggestions = comparison ? [] : await suggestPairs();

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Compare analyses</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Two analyses side by side: scores, failures per severity, knowledge gaps, and their failures paired by knowledge gap and
          title similarity.
        </p>
      </header>

      <Picker options={options} a={a} b={b} />

      {missing.length > 0 && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          No analysis with slug {missing.map((m) => `“${m}”`).join(" or ")}. Pick {missing.length > 1 ? "two analyses" : "another one"} above.
        </p>
      )}
      {a && b && a === b && comparison && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          Both sides are the same analysis; pick a different one for B to see differences.
        </p>
      )}

      {comparison ? (
        <ComparisonView c={comparison} params={params} />
      ) : (
        options.length >= 2 && (
          <section aria-labelledby="suggested" className="space-y-2">
            <h2 id="suggested" className="text-lg font-semibold">
              Suggested pairs
            </h2>
            {suggestions.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">Choose two analyses above.</p>
            ) : (
              <>
                <p className="text-sm text-slate-600 dark:text-slate-300">Analyses whose failures share the most knowledge gaps.</p>
                <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
                  {suggestions.map((s) => (
                    <li key={`${s.a.slug}-${s.b.slug}`} className="px-3 py-2 text-sm">
                      <Link href={compareHref(s.a.slug, s.b.slug)} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                        {s.a.title} ({s.a.slug}) vs {s.b.title} ({s.b.slug})
                      </Link>
                      <span className="ml-2 text-slate-600 dark:text-slate-400">
                        {s.sharedGaps} shared {s.sharedGaps === 1 ? "gap" : "gaps"}
                        {s.a.platform && s.a.platform === s.b.platform ? ` · both ${s.a.platform}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )
      )}
      {options.length < 2 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          At least two analyses are needed to compare.{" "}
          <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">
            Upload reports
          </Link>{" "}
          or run <code>npm run ingest</code>.
        </p>
      )}
    </div>
  );
}

function Picker({ options, a, b }: { options: AnalysisOption[]; a?: string; b?: string }) {
  const select = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
  const choices = (
    <>
      <option value="">Choose an analysis…</option>
      {options.map((o) => (
        <option key={o.slug} value={o.slug}>
          {o.title} · {o.taskId && o.taskId !== o.slug ? `task ${o.taskId} · ` : ""}
          {o.slug}
          {o.platform ? ` (${o.platform})` : ""}
        </option>
      ))}
    </>
  );
  return (
    <form method="get" action="/compare" aria-label="Choose two analyses" className="grid gap-3 rounded-lg border border-slate-200 p-3 md:grid-cols-[1fr_1fr_auto] md:items-end dark:border-slate-800">
      <label className="min-w-0 text-sm font-medium">
        Analysis A
        <select name="a" defaultValue={options.some((o) => o.slug === a) ? a : ""} required className={select}>
          {choices}
        </select>
      </label>
      <label className="min-w-0 text-sm font-medium">
        Analysis B
        <select name="b" defaultValue={options.some((o) => o.slug === b) ? b : ""} required className={select}>
          {choices}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600">
          Compare
        </button>
        {a && b && (
          <Link href={compareHref(b, a)} className="text-sm text-blue-700 underline dark:text-blue-300">
            Swap A and B
          </Link>
        )}
      </div>
    </form>
  );
}

function SideCard({ side, letter }: { side: CompareSide; letter: "A" | "B" }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">Analysis {letter}</p>
      <h2 className="mt-0.5 font-semibold break-words">
        <Link href={side.url} className="text-blue-700 hover:underline dark:text-blue-300">
          {side.title}
        </Link>
      </h2>
      <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
        {side.taskId && side.taskId !== side.slug ? `task ${side.taskId} · ` : ""}
        {side.slug}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Score</dt>
        <dd className="tabular-nums">{formatScore(side)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Failures</dt>
        <dd className="tabular-nums">
          {side.failureCount} (load {side.failureLoad})
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Platform</dt>
        <dd>{[side.platform, side.language].filter(Boolean).join(" · ") || "—"}</dd>
      </dl>
    </div>
  );
}

function GapList({ title, gaps, empty }: { title: string; gaps: GapRef[]; empty: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="font-medium">
        {title} <span className="text-slate-500 tabular-nums dark:text-slate-400">({gaps.length})</span>
      </h3>
      {gaps.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label={title}>
          {gaps.map((g) => (
            <li key={g.id}>
              <Link
                href={failuresHref({ gaps: [g.id] })}
                className="inline-flex rounded-full border border-slate-300 px-2 py-0.5 text-xs hover:underline dark:border-slate-600"
              >
                {g.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FailureLink({ f, letter }: { f: CompareFailure; letter: "A" | "B" }) {
  return (
    <span className="flex min-w-0 items-baseline gap-2">
      <SeverityBadge severity={f.severity} />
      <Link href={f.url} className="min-w-0 break-words text-blue-700 hover:underline dark:text-blue-300">
        <span className="sr-only">{letter} </span>#{f.number} {f.title}
      </Link>
    </span>
  );
}

function ComparisonView({ c, params }: { c: Comparison; params: RawSearchParams }) {
  const { shared, onlyA, onlyB } = c.alignment;
  return (
    <div className="space-y-6">
      <div className="grid gap-3 md:grid-cols-2">
        <SideCard side={c.a} letter="A" />
        <SideCard side={c.b} letter="B" />
      </div>

      <section aria-labelledby="counts" className="space-y-2">
        <h2 id="counts" className="text-lg font-semibold">
          Failures per severity
        </h2>
        <table className="w-full max-w-xl text-sm">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
            <tr>
              <th scope="col" className="py-1.5 pr-3 text-left font-medium">Severity</th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">A</th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">B</th>
              <th scope="col" className="py-1.5 text-right font-medium">B − A</th>
            </tr>
          </thead>
          <tbody>
            {SEVERITIES.filter((s) => s !== "unknown" || c.a.counts.unknown || c.b.counts.unknown).map((s) => {
              const diff = c.b.counts[s] - c.a.counts[s];
              return (
                <tr key={s} className="border-b border-slate-100 dark:border-slate-900">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    <SeverityBadge severity={s} />
                  </th>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{c.a.counts[s]}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{c.b.counts[s]}</td>
                  <td className="py-1.5 text-right tabular-nums">{diff === 0 ? "0" : diff > 0 ? `+${diff}` : `−${-diff}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="gaps" className="space-y-2">
        <h2 id="gaps" className="text-lg font-semibold">
          Knowledge gaps
        </h2>
        <div className="grid gap-3 md:grid-cols-3">
          <GapList title="Shared" gaps={c.gaps.shared} empty="No gap in common." />
          <GapList title="Only in A" gaps={c.gaps.onlyA} empty="None: B covers every gap of A." />
          <GapList title="Only in B" gaps={c.gaps.onlyB} empty="None: A covers every gap of B." />
        </div>
      </section>

      <section aria-labelledby="aligned" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="aligned" className="text-lg font-semibold">
            Failures aligned
          </h2>
          <ExportLinks list="compare" params={params} count={shared.length + onlyA.length + onlyB.length} />
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Paired by title similarity and shared knowledge gaps; each links to its side-by-side diff.
        </p>
        <CompareLimitNote c={c} shown={COMPARE_LIST_LIMIT} />
        <div className="space-y-2">
          <h3 className="font-medium">
            Shared <span className="text-slate-500 tabular-nums dark:text-slate-400">({shared.length})</span>
          </h3>
          {shared.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No failure of A resembles one of B.</p>
          ) : (
            <ul aria-label="Shared failures" className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {shared.slice(0, COMPARE_LIST_LIMIT).map((p) => (
                <li key={`${p.a.number}-${p.b.number}`} className="grid gap-2 px-3 py-2 text-sm md:grid-cols-[1fr_1fr_auto] md:items-baseline">
                  <FailureLink f={p.a} letter="A" />
                  <FailureLink f={p.b} letter="B" />
                  <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
                    {Math.round(p.score * 100)}% match{p.sharedGaps.length ? ` · same gap` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="grid gap-3 md:grid-cols-2">
          {([["A", onlyA], ["B", onlyB]] as const).map(([letter, list]) => (
            <div key={letter} className="min-w-0 space-y-2">
              <h3 className="font-medium">
                Only in {letter} <span className="text-slate-500 tabular-nums dark:text-slate-400">({list.length})</span>
              </h3>
              {list.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">Every failure has a counterpart.</p>
              ) : (
                <ul aria-label={`Failures only in ${letter}`} className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
                  {list.slice(0, COMPARE_LIST_LIMIT).map((f) => (
                    <li key={f.number} className="px-3 py-2 text-sm">
                      <FailureLink f={f} letter={letter} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
