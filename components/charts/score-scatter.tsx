import type { OutlierKind, OutlierRules } from "@/lib/scores/outliers";
import { ScatterDots, type Dot, type DotLayer } from "./scatter-dots";

/** Every analysis shown with one score and one failure load (counted, not listed: the chart's size does not grow with them). */
export interface ScatterPoint {
  /** One of them: the dot opens it. */
  slug: string;
  scoreNorm: number;
  failureLoad: number;
  count: number;
  /** Set for analyses listed as outliers. */
  outlier?: "high-score-heavy-failures" | "low-score-light-failures";
}

export interface ScoreScatterProps {
  points: ScatterPoint[];
  /** The outlier rules (lib/scores/outliers.ts): the shaded regions are drawn from them. */
  rules: OutlierRules;
  /** The lowest load counted heavy and the highest counted light, among the scored analyses. */
  loadBounds: { heavyFrom: number | null; lightUpTo: number | null };
  /** The table filtered to one region's analyses. */
  regionHref: (kind: OutlierKind) => string;
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

// Dots, regions and legend swatches take their colour from one class per kind (text colour, drawn with
// currentColor), so the legend cannot disagree with the dots in either theme.
const COLOR = {
  "high-score-heavy-failures": "text-red-600 dark:text-red-400",
  "low-score-light-failures": "text-amber-500 dark:text-amber-300",
  none: "text-blue-600 dark:text-blue-400",
} as const;

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Dots that would be drawn on the same spot become one: only the top one could be pointed at anyway,
 * and at thousands of analyses the page stays small. The spot names the last point's analysis and counts them all.
 */
function stacks(points: ScatterPoint[], x: (load: number) => number, y: (score: number) => number): Dot[] {
  const bySpot = new Map<string, { top: ScatterPoint; count: number; at: [number, number] }>();
  for (const p of points) {
    const at: [number, number] = [round(x(p.failureLoad)), round(y(p.scoreNorm))];
    const spot = `${at[0]},${at[1]}`;
    const here = bySpot.get(spot);
    bySpot.set(spot, { top: p, count: (here?.count ?? 0) + p.count, at });
  }
  return [...bySpot.values()].map(({ top, count, at }) => [at[0], at[1], top.slug, count, round(top.scoreNorm), top.failureLoad]);
}

/**
 * Score against severity-weighted failure load; each dot links to its analysis. The outlier list and
 * the table below carry the same data as text.
 */
export function ScoreScatter({ points, rules, loadBounds, regionHref }: ScoreScatterProps) {
  const maxLoad = niceMax(Math.max(0, ...points.map((p) => p.failureLoad)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (load: number) => PAD.left + (load / maxLoad) * plotW;
  const y = (score: number) => PAD.top + plotH - (score / 10) * plotH;
  const xTicks = ticksUpTo(maxLoad);
  const analyses = points.reduce((n, p) => n + p.count, 0);
  const outliers = points.reduce((n, p) => n + (p.outlier ? p.count : 0), 0);
  // The outlier rules as regions: high score with heavy load (top right), low score with light load (bottom left).
  const regions = [
    loadBounds.heavyFrom !== null && {
      kind: "high-score-heavy-failures" as const,
      x: x(loadBounds.heavyFrom),
      y: PAD.top,
      w: W - PAD.right - x(loadBounds.heavyFrom),
      h: y(rules.highScore) - PAD.top,
      label: `High score, heavy failures: score ≥ ${rules.highScore}, load ≥ ${loadBounds.heavyFrom}`,
    },
    loadBounds.lightUpTo !== null && {
      kind: "low-score-light-failures" as const,
      x: PAD.left,
      y: y(rules.lowScore),
      w: Math.max(3, x(loadBounds.lightUpTo) - PAD.left),
      h: PAD.top + plotH - y(rules.lowScore),
      label: `Low score, light failures: score ≤ ${rules.lowScore}, load ≤ ${loadBounds.lightUpTo}`,
    },
  ].filter((r) => r !== false);
  // Outliers are drawn last, on top.
  const layers: DotLayer[] = (["none", "low-score-light-failures", "high-score-heavy-failures"] as const).map((kind) => ({
    className: COLOR[kind],
    radius: kind === "none" ? 5 : 6,
    opacity: kind === "none" ? 0.75 : 1,
    dots: stacks(
      points.filter((p) => (p.outlier ?? "none") === kind),
      x,
      y,
    ),
  }));
  return (
    <figure className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <figcaption className="mb-2">
        <span className="font-medium">Score against failure load</span>
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          Load weighs each failure: critical 8, high 4, medium 2, low 1. Shaded: the outlier regions (red: score ≥ {rules.highScore} with a
          top-decile load; amber: score ≤ {rules.lowScore} with a bottom-quarter load); click one for its analyses in the table, or a dot to
          open its analysis. All {analyses} scored analyses are drawn; those with the same score and load share one dot.
        </span>
      </figcaption>
      <ScatterDots
        viewBox={`0 0 ${W} ${H}`}
        label={`Scatter plot of ${analyses} scored analyses: score out of 10 against failure load from 0 to ${maxLoad}. ${outliers} outliers are listed below.`}
        layers={layers}
      >
        {regions.map((r) => (
          <a key={r.kind} href={regionHref(r.kind)} aria-label={`${r.label}: show these analyses in the table`} className={COLOR[r.kind]}>
            <title>{`${r.label}. Show these analyses in the table.`}</title>
            <rect
              x={r.x}
              y={r.y}
              width={r.w}
              height={Math.max(0, r.h)}
              fill="currentColor"
              stroke="currentColor"
              strokeOpacity={0.6}
              strokeDasharray="3 3"
              className="[fill-opacity:0.1] dark:[fill-opacity:0.22]"
            />
          </a>
        ))}
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
        <text
          x={10}
          y={PAD.top + plotH / 2}
          textAnchor="middle"
          transform={`rotate(-90 10 ${PAD.top + plotH / 2})`}
          className="fill-slate-600 dark:fill-slate-400"
        >
          score
        </text>
      </ScatterDots>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Legend">
        {(
          [
            ["high-score-heavy-failures", "high score, heavy failures (outlier)"],
            ["low-score-light-failures", "low score, light failures (outlier)"],
            ["none", "score agrees with failures"],
          ] as const
        ).map(([kind, text]) => (
          <li key={kind} className="flex items-center gap-1">
            <svg aria-hidden="true" viewBox="0 0 10 10" className={`size-2.5 ${COLOR[kind]}`}>
              <circle cx="5" cy="5" r="5" fill="currentColor" fillOpacity={kind === "none" ? 0.75 : 1} />
            </svg>
            {text}
          </li>
        ))}
      </ul>
    </figure>
  );
}
