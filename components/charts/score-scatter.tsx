export interface ScatterPoint {
  slug: string;
  label: string;
  scoreNorm: number;
  failureLoad: number;
  /** Set for analyses listed as outliers. */
  outlier?: "high-score-heavy-failures" | "low-score-light-failures";
  href: string;
}

export interface ScoreScatterProps {
  points: ScatterPoint[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Round tick steps (1, 2, 5 × 10^n) giving about four intervals. */
function ticksUpTo(max: number): number[] {
  const raw = max / 4;
  const base = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * base).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
  return ticks;
}

const W = 420;
const H = 240;
const PAD = { top: 14, right: 12, bottom: 36, left: 30 };

function niceMax(value: number): number {
  if (value <= 10) return 10;
  const step = 10 ** Math.floor(Math.log10(value)) / 2;
  return Math.ceil(value / step) * step;
}

const DOT = {
  "high-score-heavy-failures": "fill-red-600 stroke-white dark:fill-red-400 dark:stroke-slate-950",
  "low-score-light-failures": "fill-amber-500 stroke-white dark:fill-amber-300 dark:stroke-slate-950",
  none: "fill-blue-600/70 stroke-white dark:fill-blue-400/80 dark:stroke-slate-950",
} as const;

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Dots that would be drawn on the same spot become one: only the top one could be clicked anyway, and
 * at thousands of analyses the page stays small. The dot links to the last analysis drawn there (as
 * before) and its tooltip names up to three of them.
 */
function stacks(points: ScatterPoint[], x: (load: number) => number, y: (score: number) => number) {
  const bySpot = new Map<string, ScatterPoint[]>();
  for (const p of points) {
    const spot = `${round(x(p.failureLoad))},${round(y(p.scoreNorm))}`;
    const here = bySpot.get(spot);
    if (here) here.push(p);
    else bySpot.set(spot, [p]);
  }
  return [...bySpot.values()].map((here) => {
    const top = here[here.length - 1]!;
    const shown = here.slice(-3).reverse().map((p) => p.label);
    return { top, count: here.length, names: shown.join("; ") + (here.length > 3 ? `; and ${here.length - 3} more` : "") };
  });
}

/**
 * Score against severity-weighted failure load; each dot links to its analysis. The outlier list and
 * the table below carry the same data as text.
 */
export function ScoreScatter({ points }: ScoreScatterProps) {
  const maxLoad = niceMax(Math.max(0, ...points.map((p) => p.failureLoad)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (load: number) => PAD.left + (load / maxLoad) * plotW;
  const y = (score: number) => PAD.top + plotH - (score / 10) * plotH;
  const xTicks = ticksUpTo(maxLoad);
  // Quadrants split at the medians: outliers are ranked, so "high" means above the middle analysis.
  const midLoad = median(points.map((p) => p.failureLoad));
  const midScore = median(points.map((p) => p.scoreNorm));
  const outliers = points.filter((p) => p.outlier).length;
  return (
    <figure className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <figcaption className="mb-2">
        <span className="font-medium">Score against failure load</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          Load weighs each failure: critical 8, high 4, medium 2, low 1. Dashed lines mark the medians: red shading is above both (high score, heavy failures), amber below both. Click a dot to open its analysis.
        </span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={`Scatter plot of ${points.length} scored analyses: score out of 10 against failure load from 0 to ${maxLoad}. ${outliers} outliers are listed below.`}
        className="h-auto w-full text-[12px]"
      >
        <rect x={x(midLoad)} y={PAD.top} width={W - PAD.right - x(midLoad)} height={y(midScore) - PAD.top} className="fill-red-500/5 dark:fill-red-400/[0.07]" />
        <rect x={PAD.left} y={y(midScore)} width={x(midLoad) - PAD.left} height={PAD.top + plotH - y(midScore)} className="fill-amber-500/5 dark:fill-amber-300/[0.05]" />
        <line x1={x(midLoad)} x2={x(midLoad)} y1={PAD.top} y2={PAD.top + plotH} strokeDasharray="3 3" className="stroke-slate-300 dark:stroke-slate-700" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(midScore)} y2={y(midScore)} strokeDasharray="3 3" className="stroke-slate-300 dark:stroke-slate-700" />
        {[0, 2.5, 5, 7.5, 10].map((s) => (
          <g key={s}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(s)} y2={y(s)} className="stroke-slate-200 dark:stroke-slate-800" />
            <text x={PAD.left - 6} y={y(s) + 4} textAnchor="end" className="fill-slate-600 dark:fill-slate-400">
              {s}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={H - PAD.bottom + 16} textAnchor="middle" className="fill-slate-600 dark:fill-slate-400">
            {Math.round(t)}
          </text>
        ))}
        <text x={PAD.left + plotW / 2} y={H - 4} textAnchor="middle" className="fill-slate-600 dark:fill-slate-400">
          failure load
        </text>
        <text x={10} y={PAD.top + plotH / 2} textAnchor="middle" transform={`rotate(-90 10 ${PAD.top + plotH / 2})`} className="fill-slate-600 dark:fill-slate-400">
          score
        </text>
        {(["none", "low-score-light-failures", "high-score-heavy-failures"] as const).map((kind) => (
          // One class per kind on the group keeps thousands of dots light; outliers are drawn last, on top.
          <g key={kind} strokeWidth={1.5} className={DOT[kind]}>
            {stacks(points.filter((p) => (p.outlier ?? "none") === kind), x, y).map(({ top, count, names }) => (
              // Out of the tab order: the outlier list and the table reach the same analyses by keyboard.
              <a key={top.slug} href={top.href} tabIndex={-1}>
                <title>{`${names}: score ${Math.round(top.scoreNorm * 10) / 10}/10, load ${top.failureLoad}${count > 1 ? ` (${count} analyses here)` : ""}`}</title>
                <circle cx={round(x(top.failureLoad))} cy={round(y(top.scoreNorm))} r={kind === "none" ? 5 : 6} />
              </a>
            ))}
          </g>
        ))}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Legend">
        <li className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-red-600 dark:bg-red-400" /> high score, heavy failures
        </li>
        <li className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-amber-500 dark:bg-amber-300" /> low score, light failures
        </li>
        <li className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-blue-600/70 dark:bg-blue-400/80" /> consistent
        </li>
      </ul>
    </figure>
  );
}
