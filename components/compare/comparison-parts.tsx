// The parts of a comparison on /compare: each side's card, a knowledge-gap list, a failure's link and
// the summary counts.
import Link from "next/link";
import { SeverityBadge } from "@/components/severity-badge";
import { formatScore } from "@/lib/analyses/analysis-name";
import { summarizeComparison, type CompareFailure, type CompareSide, type Comparison, type GapRef } from "@/lib/compare/compare-analyses";
import { describeScoreSource } from "@/lib/scores/score-source";
import { failuresHref } from "@/lib/routes";

export function SideCard({ side, letter }: { side: CompareSide; letter: "A" | "B" }) {
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

export function GapList({ title, gaps, empty }: { title: string; gaps: GapRef[]; empty: string }) {
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

export function FailureLink({ f, letter }: { f: CompareFailure; letter: "A" | "B" }) {
  return (
    <span className="flex min-w-0 items-baseline gap-2">
      <SeverityBadge severity={f.severity} />
      <Link href={f.url} className="min-w-0 break-words text-blue-700 hover:underline dark:text-blue-300">
        <span className="sr-only">{letter} </span>#{f.number} {f.title}
      </Link>
    </span>
  );
}

export function Summary({ c }: { c: Comparison }) {
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
            <a href="#only-a" className="hover:underline">
              {s.onlyA}
            </a>
          </dd>
        </div>
        <div className={stat}>
          <dt className="text-slate-600 dark:text-slate-400">Only in B</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            <a href="#only-b" className="hover:underline">
              {s.onlyB}
            </a>
          </dd>
        </div>
        <div className={stat}>
          <dt className="text-slate-600 dark:text-slate-400">In both</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            <a href="#shared" className="hover:underline">
              {s.both}
            </a>
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
