import type { Route } from "next";
import Link from "next/link";

export interface ScoreHistogramProps {
  /** Analyses per whole point of the /10 score: bins[0] is 0–1 … bins[9] is 9–10. */
  bins: number[];
  /** Original scales behind the normalized scores, e.g. [{ max: 10, count: 12 }, { max: 100, count: 2 }]. */
  scales: { max: number; count: number }[];
  /** Link for a bin's row in the data table (filters the page to that range). */
  hrefForBin: (bin: number) => Route;
}

const W = 420;
const H = 210;
const PAD = { top: 18, right: 8, bottom: 34, left: 30 };

function formatScale(max: number): string {
  return `/${Number.isInteger(max) ? max : max.toFixed(1)}`;
}

/**
 * Histogram of training-quality scores on the /10 scale, plain SVG, with a data table as its text
 * alternative; each bar links to the table filtered to its range.
 */
export function ScoreHistogram({ bins, scales, hrefForBin }: ScoreHistogramProps) {
  const total = bins.reduce((a, b) => a + b, 0);
  const top = Math.max(1, ...bins);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = plotW / bins.length;
  const ticks = top <= 5 ? Array.from({ length: top + 1 }, (_, i) => i) : [0, Math.round(top / 2), top];
  const scaleText = scales.map((s) => `${formatScale(s.max)} × ${s.count}`).join(", ");
  const summary = `Histogram of ${total} scored analyses by training-quality score out of 10. ${bins
    .map((n, i) => (n ? `${i}–${i + 1}: ${n}` : ""))
    .filter(Boolean)
    .join("; ")}.`;
  return (
    <figure className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <figcaption className="mb-2">
        <span className="font-medium">Score distribution</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          Normalized to /10{scaleText ? `; original scales ${scaleText}` : ""}.
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={summary} className="h-auto w-full text-[12px]">
        {ticks.map((t) => {
          const y = PAD.top + plotH - (t / top) * plotH;
          return (
            <g key={t}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="stroke-slate-200 dark:stroke-slate-800" />
              <text x={PAD.left - 6} y={y + 4} textAnchor="end" className="fill-slate-600 dark:fill-slate-400">
                {t}
              </text>
            </g>
          );
        })}
        {bins.map((n, i) => {
          const h = (n / top) * plotH;
          const x = PAD.left + i * barW;
          const y = PAD.top + plotH - h;
          const what = `${n} ${n === 1 ? "analysis" : "analyses"} scored ${i}–${i + 1}`;
          const bar = (
            <>
              <rect x={x + 3} y={y} width={barW - 6} height={h} rx={2} className="fill-blue-600 dark:fill-blue-400">
                <title>{n ? `${what}: show them in the table` : what}</title>
              </rect>
              {n > 0 && (
                <text x={x + barW / 2} y={y - 4} textAnchor="middle" className="fill-slate-800 font-medium dark:fill-slate-200">
                  {n}
                </text>
              )}
            </>
          );
          // A bar links to the table filtered to its range (the whole column is the target, not just the bar).
          return n ? (
            <a key={i} href={hrefForBin(i)} aria-label={`${what}: show them in the table`} className="hover:opacity-80">
              <rect x={x} y={PAD.top} width={barW} height={plotH} fill="transparent" />
              {bar}
            </a>
          ) : (
            <g key={i}>{bar}</g>
          );
        })}
        {Array.from({ length: bins.length + 1 }, (_, i) => (
          <text key={i} x={PAD.left + i * barW} y={H - PAD.bottom + 16} textAnchor="middle" className="fill-slate-600 dark:fill-slate-400">
            {i}
          </text>
        ))}
        <text x={PAD.left + plotW / 2} y={H - 4} textAnchor="middle" className="fill-slate-600 dark:fill-slate-400">
          score out of 10
        </text>
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700 dark:text-slate-300">Show as table</summary>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr className="text-slate-600 dark:text-slate-400">
              <th scope="col" className="py-1 pr-3 font-medium">
                Score
              </th>
              <th scope="col" className="py-1 font-medium">
                Analyses
              </th>
            </tr>
          </thead>
          <tbody>
            {bins.map((n, i) => (
              <tr key={i}>
                <td className="py-0.5 pr-3 tabular-nums">
                  {n ? (
                    <Link href={hrefForBin(i)} className="text-blue-700 hover:underline dark:text-blue-300">
                      {i}–{i + 1}
                    </Link>
                  ) : (
                    `${i}–${i + 1}`
                  )}
                </td>
                <td className="py-0.5 tabular-nums">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
