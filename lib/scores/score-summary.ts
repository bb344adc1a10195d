// What the /scores charts, stats and outlier rules need, from a small aggregate instead of every row:
// the scored analyses grouped by (score, scale, failure load, "matches the audit filter"), a few
// thousand groups at most whatever the corpus size. The same numbers as lib/scores/outliers.ts computes
// from the rows (tests/scores/score-summary.test.ts compares them on a fixture set).
import { OUTLIER_RULES, outlierKind, scoreBin, scoreHistogram, type OutlierKind } from "./outliers";
import type { LoadBounds } from "./score-sql";

/** Scored analyses sharing a score, a scale, a failure load and whether the audit filter keeps them. */
export interface ScoreGroup {
  scoreNorm: number;
  scoreMax: number | null;
  failureLoad: number;
  /** The audit filter keeps them (true without one). */
  hit: boolean;
  count: number;
  /** One of them (the smallest slug): the scatter's dot links to it. */
  slug: string;
}

/** A dot of the scatter plot: every shown analysis with this score and load. */
export interface ScatterSpot {
  slug: string;
  scoreNorm: number;
  failureLoad: number;
  count: number;
  outlier?: OutlierKind;
}

export interface ScoreSummary {
  /** Scored analyses before the audit and outlier filters (the outlier rules rank among these). */
  rankedCount: number;
  loadBounds: LoadBounds;
  /** Enough scored analyses to rank loads (lib/scores/outliers.ts minPoints). */
  enough: boolean;
  outlierCounts: Record<OutlierKind, number>;
  /** Scored analyses the table shows (every filter applied). */
  scoredCount: number;
  histogram: number[];
  scales: { max: number; count: number }[];
  stats: { mean: number | null; median: number | null };
  scatter: ScatterSpot[];
  /** Mid-rank percentile (0..1) of a score or a load among the ranked analyses. */
  scorePercentile: (score: number) => number;
  loadPercentile: (load: number) => number;
}

/** Fewer scored analyses than this give no outliers (findOutliers minPoints). */
export const OUTLIER_MIN_POINTS = 4;

/** Mid-rank percentiles of each distinct value, as percentileRanks gives each row, from value counts. */
function percentiles(counts: Map<number, number>, n: number): Map<number, number> {
  const out = new Map<number, number>();
  let less = 0;
  for (const value of [...counts.keys()].sort((a, b) => a - b)) {
    const equal = counts.get(value)!;
    out.set(value, n === 1 ? 0.5 : (less + (equal - 1) / 2) / (n - 1));
    less += equal;
  }
  return out;
}

function tally(groups: ScoreGroup[], key: (g: ScoreGroup) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const g of groups) counts.set(key(g), (counts.get(key(g)) ?? 0) + g.count);
  return counts;
}

/** The k-th (0-based) value of the multiset given as sorted (value, count) pairs. */
function nth(sorted: [number, number][], k: number): number {
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (k < seen) return value;
  }
  return sorted.at(-1)![0];
}

export function summarizeScores(groups: ScoreGroup[], outlier?: OutlierKind): ScoreSummary {
  const rules = OUTLIER_RULES;
  const rankedCount = groups.reduce((n, g) => n + g.count, 0);
  const loadP = percentiles(
    tally(groups, (g) => g.failureLoad),
    rankedCount,
  );
  const scoreP = percentiles(
    tally(groups, (g) => g.scoreNorm),
    rankedCount,
  );
  const loads = [...loadP];
  const heavy = loads.filter(([, p]) => p >= rules.heavyLoadPercentile).map(([load]) => load);
  const light = loads.filter(([, p]) => p <= rules.lightLoadPercentile).map(([load]) => load);
  const loadBounds = { heavyFrom: heavy.length ? Math.min(...heavy) : null, lightUpTo: light.length ? Math.max(...light) : null };
  const enough = rankedCount >= OUTLIER_MIN_POINTS;
  const kindOf = (g: ScoreGroup) => (enough ? outlierKind({ scoreNorm: g.scoreNorm, loadPercentile: loadP.get(g.failureLoad)! }) : null);

  const outlierCounts: Record<OutlierKind, number> = { "high-score-heavy-failures": 0, "low-score-light-failures": 0 };
  const shown: (ScoreGroup & { kind: OutlierKind | null })[] = [];
  for (const g of groups) {
    const kind = kindOf(g);
    if (kind) outlierCounts[kind] += g.count;
    if (g.hit && (!outlier || kind === outlier)) shown.push({ ...g, kind });
  }

  const scoredCount = shown.reduce((n, g) => n + g.count, 0);
  const histogram = scoreHistogram([]);
  for (const g of shown) histogram[scoreBin(g.scoreNorm)]! += g.count;
  const scales = [...tally(shown, (g) => g.scoreMax ?? 10)].map(([max, count]) => ({ max, count })).sort((a, b) => b.count - a.count);
  const byScore = [...tally(shown, (g) => g.scoreNorm)].sort((a, b) => a[0] - b[0]);
  const mid = Math.floor(scoredCount / 2);
  const median = !scoredCount ? null : scoredCount % 2 ? nth(byScore, mid) : (nth(byScore, mid - 1) + nth(byScore, mid)) / 2;
  const mean = scoredCount ? byScore.reduce((sum, [score, count]) => sum + score * count, 0) / scoredCount : null;

  const spots = new Map<string, ScatterSpot>();
  for (const g of shown) {
    const key = `${g.scoreNorm} ${g.failureLoad}`;
    const spot = spots.get(key);
    if (spot) {
      spot.count += g.count;
      if (g.slug < spot.slug) spot.slug = g.slug;
    } else {
      spots.set(key, {
        slug: g.slug,
        scoreNorm: g.scoreNorm,
        failureLoad: g.failureLoad,
        count: g.count,
        ...(g.kind ? { outlier: g.kind } : {}),
      });
    }
  }

  return {
    rankedCount,
    loadBounds,
    enough,
    outlierCounts,
    scoredCount,
    histogram,
    scales,
    stats: { mean, median },
    scatter: [...spots.values()],
    scorePercentile: (score) => scoreP.get(score) ?? 0.5,
    loadPercentile: (load) => loadP.get(load) ?? 0.5,
  };
}
