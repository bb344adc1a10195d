// One pair of the /compare alignment: A's failure, B's, how sure the pairing is and how the severity
// moved; "Show diffs" opens both MODEL/IDEAL diffs side by side (a link: the open pairs live in the
// URL's `open`, so only they are loaded and the state can be shared). The diffs are the failure
// page's own component, read-only.
import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { FailureDiff } from "@/components/diff/failure-diff";
import type { AlignedPair } from "@/lib/compare/align-failures";
import type { CompareFailure, FailureDiffData, SeverityMove } from "@/lib/compare/compare-analyses";
import type { DiffMode } from "@/lib/filters/view-params";

export interface PairRowProps {
  pair: AlignedPair<CompareFailure>;
  move: SeverityMove;
  expanded: boolean;
  toggleHref: Route;
  /** Both sides' diff data when expanded (null for a failure gone since the page was loaded). */
  diffs: { a: FailureDiffData | null; b: FailureDiffData | null } | null;
  mode: DiffMode;
  modeHrefs: Record<DiffMode, Route>;
  a: ReactNode;
  b: ReactNode;
}

const MOVE_TEXT: Record<Exclude<SeverityMove, "same">, { text: string; className: string }> = {
  worse: { text: "more severe in B", className: "text-red-700 dark:text-red-300" },
  better: { text: "less severe in B", className: "text-emerald-700 dark:text-emerald-300" },
  ungraded: { text: "ungraded on one side", className: "text-slate-600 dark:text-slate-400" },
};

export function PairRow({ pair: p, move, expanded, toggleHref, diffs, mode, modeHrefs, a, b }: PairRowProps) {
  const panel = `pair-${p.a.key}-diffs`;
  return (
    <li id={`pair-${p.a.key}`} className="scroll-mt-4 px-3 py-2 text-sm">
      <div className="grid gap-2 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,11rem)] md:items-baseline">
        {a}
        {b}
        <span className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600 tabular-nums dark:text-slate-400">
          <span>
            {Math.round(p.score * 100)}% match{p.sharedGaps.length ? " · same gap" : ""}
          </span>
          {move !== "same" && <span className={MOVE_TEXT[move].className}>{MOVE_TEXT[move].text}</span>}
          <Link
            href={toggleHref}
            scroll={false}
            aria-expanded={expanded}
            aria-controls={expanded ? panel : undefined}
            className="font-medium text-blue-700 underline dark:text-blue-300"
          >
            {expanded ? "Hide diffs" : "Show diffs"}
            <span className="sr-only">
              {" "}
              of A #{p.a.number} and B #{p.b.number}
            </span>
          </Link>
        </span>
      </div>
      {expanded && diffs && (
        <div id={panel} className={`mt-3 grid gap-3 ${mode === "unified" ? "xl:grid-cols-2" : ""}`}>
          <DiffSide letter="A" data={diffs.a} mode={mode} modeHrefs={modeHrefs} />
          <DiffSide letter="B" data={diffs.b} mode={mode} modeHrefs={modeHrefs} />
        </div>
      )}
    </li>
  );
}

function DiffSide({
  letter,
  data,
  mode,
  modeHrefs,
}: {
  letter: "A" | "B";
  data: FailureDiffData | null;
  mode: DiffMode;
  modeHrefs: Record<DiffMode, Route>;
}) {
  return (
    <section aria-label={`Diff of ${letter}`} className="min-w-0 space-y-2 rounded-lg border border-slate-200 p-2 dark:border-slate-800">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {letter}
        {data ? ` · #${data.number} ${data.title}` : ""}
      </h4>
      {data ? (
        <FailureDiff
          failureNumber={`${letter.toLowerCase()}-${data.key}`}
          blocks={data.blocks}
          modelText={data.modelText}
          idealText={data.idealText}
          modelHtml={data.modelHtml}
          idealHtml={data.idealHtml}
          mode={mode}
          modeHrefs={modeHrefs}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">This failure is no longer in the analysis; reload the comparison.</p>
      )}
    </section>
  );
}
