import type { Metadata } from "next";
import Link from "next/link";
import { AnalysisPicker } from "@/components/compare/analysis-picker";
import { ClosestList } from "@/components/compare/compare-with";
import { PairRow } from "@/components/compare/pair-row";
import { COMPARE_LIST_LIMIT, CompareLimitNote } from "@/components/compare-limit-note";
import { ExportLinks } from "@/components/export-links";
import { SeverityBadge } from "@/components/severity-badge";
import { formatScore } from "@/lib/analyses/analysis-name";
import { closestAnalyses } from "@/lib/compare/closest";
import {
  compareAnalyses, loadFailureDiffs, suggestPairs, summarizeComparison, severityMove, type CompareFailure, type CompareSide, type Comparison, type GapRef,
} from "@/lib/compare/compare-analyses";
import { countAnalyses, pickerOption, searchPickerOptions } from "@/lib/compare/picker";
import { diffModeFor } from "@/lib/filters/diff-preference";
import { many, type RawSearchParams } from "@/lib/filters/search-params";
import { parseComparePair } from "@/lib/filters/trainer-params";
import { failuresHref, type DiffMode } from "@/lib/filters/view-params";
import { SEVERITIES } from "@/lib/parser/types";
import { describeScoreSource } from "@/lib/scores/score-source";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

function compareHref(a: string, b: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ a, b, ...extra });
  return `/compare?${params.toString().replace(/%2C/g, ",")}`;
}

/** Paired failures whose diffs are shown at once: `open` names their A keys (comma-separated). */
const MAX_OPEN = 10;

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const { a, b } = parseComparePair(params);
  const rawA = typeof params.a === "string" ? params.a.slice(0, 200) : undefined;
  const rawB = typeof params.b === "string" ? params.b.slice(0, 200) : undefined;
  const [count, pickA, pickB, result] = await Promise.all([
    countAnalyses(),
    a ? pickerOption(a) : null,
    b ? pickerOption(b) : null,
    a && b ? compareAnalyses(a, b) : null,
  ]);
  const missing = ([["a", rawA, pickA], ["b", rawB, pickB]] as const).filter(([, raw, pick]) => raw && !pick);
  const comparison = result?.ok ? result.comparison : null;
  // What each unknown value could have meant: the picker's matches for it.
  const didYouMean = await Promise.all(missing.map(([, raw]) => searchPickerOptions(raw ?? "", { limit: 5 })));
  const [suggestions, closest] = comparison
    ? [[], []]
    : await Promise.all([pickA || pickB ? [] : suggestPairs(), pickA && !pickB ? closestAnalyses(pickA.slug) : []]);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Compare analyses</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Two analyses side by side: scores, failures per severity, knowledge gaps, and their failures paired by knowledge gap and
          title similarity.
        </p>
      </header>

      <form method="get" action="/compare" aria-label="Choose two analyses" className="grid gap-3 rounded-lg border border-slate-200 p-3 md:grid-cols-[1fr_1fr_auto] md:items-start dark:border-slate-800">
        <AnalysisPicker name="a" label="Analysis A" initial={pickA} initialText={rawA} exclude={pickB?.slug} />
        <AnalysisPicker name="b" label="Analysis B" initial={pickB} initialText={rawB} exclude={pickA?.slug} />
        <div className="flex items-center gap-3 md:pt-6">
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

      {missing.map(([side, raw], i) => (
        <div key={side} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p>
            No analysis with slug “{raw}” for {side.toUpperCase()}.{" "}
            {didYouMean[i]!.options.length ? "Did you mean one of these?" : "Search for it in the box above."}
          </p>
          {didYouMean[i]!.options.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {didYouMean[i]!.options.map((o) => {
                const other = side === "a" ? b : a;
                const href = other ? (side === "a" ? compareHref(o.slug, other) : compareHref(other, o.slug)) : `/compare?${side}=${encodeURIComponent(o.slug)}`;
                return (
                  <li key={o.slug}>
                    <Link href={href} className="underline [overflow-wrap:anywhere]">
                      {o.title} ({o.taskId ?? o.slug})
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
      {a && b && a === b && comparison && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          Both sides are the same analysis; pick a different one for B to see differences.
        </p>
      )}

      {comparison ? (
        <ComparisonView c={comparison} params={params} mode={await diffModeFor(params)} />
      ) : pickA && !pickB ? (
        <section aria-labelledby="closest" className="space-y-2">
          <h2 id="closest" className="text-lg font-semibold">
            Compare {pickA.title} with…
          </h2>
          <ClosestList slug={pickA.slug} closest={closest} pickerLink={false} />
          <p className="text-sm text-slate-600 dark:text-slate-300">Or search for any analysis as B above.</p>
        </section>
      ) : (
        count >= 2 && suggestions.length > 0 && <SuggestedPairs suggestions={suggestions} />
      )}
      {count < 2 && (
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

function SuggestedPairs({ suggestions }: { suggestions: Awaited<ReturnType<typeof suggestPairs>> }) {
  return (
    <section aria-labelledby="suggested" className="space-y-2">
      <h2 id="suggested" className="text-lg font-semibold">
        Suggested pairs
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">Analyses whose failures share the most knowledge gaps.</p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {suggestions.map((s) => (
          <li key={`${s.a.slug}-${s.b.slug}`} className="px-3 py-2 text-sm [overflow-wrap:anywhere]">
            <Link href={compareHref(s.a.slug, s.b.slug)} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
              {s.a.title} ({s.a.taskId ?? s.a.slug}) vs {s.b.title} ({s.b.taskId ?? s.b.slug})
            </Link>
            <span className="ml-2 text-slate-600 dark:text-slate-400">
              {s.sharedGaps} shared {s.sharedGaps === 1 ? "gap" : "gaps"}
              {s.a.platform && s.a.platform === s.b.platform ? ` · both ${s.a.platform}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
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
      <p className="font-mono text-xs break-all text-slate-600 dark:text-slate-400">
        {side.taskId && side.taskId !== side.slug ? `task ${side.taskId} · ` : ""}
        {side.slug}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Score</dt>
        <dd className="tabular-nums">
          {formatScore(side)}
          {side.scoreNorm !== null && (
            <span className="block text-xs text-slate-600 dark:text-slate-400">from “{describeScoreSource(side.scoreSource)}”</span>
          )}
        </dd>
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

function Summary({ c }: { c: Comparison }) {
  const s = summarizeComparison(c);
  const moved = s.moved.worse + s.moved.better + s.moved.ungraded;
  const stat = "rounded-lg border border-slate-200 p-3 dark:border-slate-800";
  return (
    <section aria-labelledby="summary" className="space-y-2">
      <h2 id="summary" className="text-lg font-semibold">
        Summary
      </h2>
      <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4">
        <div className={stat}>
          <dt className="text-slate-600 dark:text-slate-400">Only in A</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            <a href="#only-a" className="hover:underline">{s.onlyA}</a>
          </dd>
        </div>
        <div className={stat}>
          <dt className="text-slate-600 dark:text-slate-400">Only in B</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            <a href="#only-b" className="hover:underline">{s.onlyB}</a>
          </dd>
        </div>
        <div className={stat}>
          <dt className="text-slate-600 dark:text-slate-400">In both</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            <a href="#shared" className="hover:underline">{s.both}</a>
          </dd>
        </div>
        <div className={stat}>
          <dt className="text-slate-600 dark:text-slate-400">In both, severity moved</dt>
          <dd className="text-2xl font-semibold tabular-nums">{moved}</dd>
          {moved > 0 && (
            <dd className="text-xs text-slate-600 dark:text-slate-400">
              {[
                s.moved.worse && `${s.moved.worse} more severe in B`,
                s.moved.better && `${s.moved.better} less severe in B`,
                s.moved.ungraded && `${s.moved.ungraded} ungraded on one side`,
              ]
                .filter(Boolean)
                .join(" · ")}
            </dd>
          )}
        </div>
      </dl>
    </section>
  );
}

async function ComparisonView({ c, params, mode }: { c: Comparison; params: RawSearchParams; mode: DiffMode }) {
  const { shared, onlyA, onlyB } = c.alignment;
  const listed = shared.slice(0, COMPARE_LIST_LIMIT);
  const open = new Set(many(params, "open").slice(0, MAX_OPEN));
  const opened = listed.filter((p) => open.has(p.a.key));
  const [diffsA, diffsB] = await Promise.all([
    loadFailureDiffs(c.a.slug, opened.map((p) => p.a.key)),
    loadFailureDiffs(c.b.slug, opened.map((p) => p.b.key)),
  ]);
  // Links that open or close one pair keep the others open, and the diff layout if the URL chose one.
  const base: Record<string, string> = typeof params.diff === "string" ? { diff: mode } : {};
  const toggleHref = (key: string) => {
    const next = open.has(key) ? [...open].filter((k) => k !== key) : [...open, key].slice(-MAX_OPEN);
    return compareHref(c.a.slug, c.b.slug, { ...base, ...(next.length ? { open: next.join(",") } : {}) }) + `#pair-${key}`;
  };
  const modeHrefs = (key: string): Record<DiffMode, string> => {
    const keep: Record<string, string> = open.size ? { open: [...open].join(",") } : {};
    return {
      split: compareHref(c.a.slug, c.b.slug, { ...keep, diff: "split" }) + `#pair-${key}`,
      unified: compareHref(c.a.slug, c.b.slug, { ...keep, diff: "unified" }) + `#pair-${key}`,
    };
  };
  return (
    <div className="space-y-6">
      <div className="grid gap-3 md:grid-cols-2">
        <SideCard side={c.a} letter="A" />
        <SideCard side={c.b} letter="B" />
      </div>

      <Summary c={c} />

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
          Paired by title similarity and shared knowledge gaps. Show a pair&apos;s diffs to read both MODEL/IDEAL diffs side by side; each
          title opens that failure.
        </p>
        <CompareLimitNote c={c} shown={COMPARE_LIST_LIMIT} />
        <div className="space-y-2">
          <h3 id="shared" className="font-medium">
            Shared <span className="text-slate-500 tabular-nums dark:text-slate-400">({shared.length})</span>
          </h3>
          {shared.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No failure of A resembles one of B.</p>
          ) : (
            <ul aria-label="Shared failures" className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {listed.map((p) => (
                <PairRow
                  key={`${p.a.key}-${p.b.key}`}
                  pair={p}
                  move={severityMove(p.a.severity, p.b.severity)}
                  expanded={open.has(p.a.key)}
                  toggleHref={toggleHref(p.a.key)}
                  diffs={open.has(p.a.key) ? { a: diffsA.get(p.a.key) ?? null, b: diffsB.get(p.b.key) ?? null } : null}
                  mode={mode}
                  modeHrefs={modeHrefs(p.a.key)}
                  a={<FailureLink f={p.a} letter="A" />}
                  b={<FailureLink f={p.b} letter="B" />}
                />
              ))}
            </ul>
          )}
        </div>
        <div className="grid gap-3 md:grid-cols-2">
          {([["A", onlyA], ["B", onlyB]] as const).map(([letter, list]) => (
            <div key={letter} className="min-w-0 space-y-2">
              <h3 id={`only-${letter.toLowerCase()}`} className="font-medium">
                Only in {letter} <span className="text-slate-500 tabular-nums dark:text-slate-400">({list.length})</span>
              </h3>
              {list.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">Every failure has a counterpart.</p>
              ) : (
                <ul aria-label={`Failures only in ${letter}`} className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
                  {list.slice(0, COMPARE_LIST_LIMIT).map((f) => (
                    <li key={f.key} className="px-3 py-2 text-sm">
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
