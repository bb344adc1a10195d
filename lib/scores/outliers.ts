// Which analyses' scores disagree with their failures, by absolute, documented rules (OUTLIER_RULES):
//   high score, heavy failures: score ≥ 8/10 while its failure load is in the top decile;
//   low score, light failures:  score ≤ 5/10 while its failure load is in the bottom quarter.
// The score thresholds are absolute, so with a median of 8.5 an 8/10 is not called "low" (ranking
// scores by percentile did that). Failure load has no absolute scale (it grows with report length),
// so "heavy" and "light" are load percentiles among the scored analyses shown; both percentiles are
// reported as secondary columns.

export interface ScorePoint {
  scoreNorm: number;
  failureLoad: number;
}

export interface OutlierRules {
  /** A score at or above this (out of 10) is high. */
  highScore: number;
  /** A score at or below this (out of 10) is low. */
  lowScore: number;
  /** Failure load at or above this percentile (0..1, mid-rank) is heavy: the top decile. */
  heavyLoadPercentile: number;
  /** Failure load at or below this percentile (0..1, mid-rank) is light: the bottom quarter. */
  lightLoadPercentile: number;
}

export const OUTLIER_RULES: OutlierRules = { highScore: 8, lowScore: 5, heavyLoadPercentile: 0.9, lightLoadPercentile: 0.25 };

export type OutlierKind = "high-score-heavy-failures" | "low-score-light-failures";

export interface Outlier<P extends ScorePoint> {
  point: P;
  kind: OutlierKind;
  /** Secondary: where the score and the load rank among the scored analyses (0..1, mid-rank). */
  scorePercentile: number;
  loadPercentile: number;
}

export interface OutlierOptions {
  rules?: Partial<OutlierRules>;
  /** Fewer scored analyses than this give no outliers: load percentiles mean little (default 4). */
  minPoints?: number;
}

/** Mid-rank percentile of each value in 0..1 (ties share the mean of their ranks). */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  if (n === 1) return [0.5];
  // Sorted once (n log n; /scores ranks every analysis): a run of equal values starting at position
  // `less` and `equal` long shares the percentile (less + (equal - 1) / 2) / (n - 1).
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(n);
  for (let less = 0; less < n;) {
    let end = less + 1;
    while (end < n && values[order[end]!] === values[order[less]!]) end++;
    const percentile = (less + (end - less - 1) / 2) / (n - 1);
    for (let k = less; k < end; k++) ranks[order[k]!] = percentile;
    less = end;
  }
  return ranks;
}

export interface RankedPoint<P extends ScorePoint> {
  point: P;
  scorePercentile: number;
  loadPercentile: number;
}

/** Each point with its score and failure-load percentiles among `points`. */
export function rankPoints<P extends ScorePoint>(points: readonly P[]): RankedPoint<P>[] {
  const scoreP = percentileRanks(points.map((p) => p.scoreNorm));
  const loadP = percentileRanks(points.map((p) => p.failureLoad));
  return points.map((point, i) => ({ point, scorePercentile: scoreP[i] ?? 0.5, loadPercentile: loadP[i] ?? 0.5 }));
}

/** The outlier kind of one ranked point under the rules, or null when its score agrees with its failures. */
export function outlierKind(p: { scoreNorm: number; loadPercentile: number }, rules: OutlierRules = OUTLIER_RULES): OutlierKind | null {
  if (p.scoreNorm >= rules.highScore && p.loadPercentile >= rules.heavyLoadPercentile) return "high-score-heavy-failures";
  if (p.scoreNorm <= rules.lowScore && p.loadPercentile <= rules.lightLoadPercentile) return "low-score-light-failures";
  return null;
}

/**
 * Every analysis the rules flag: high scores with heavy failures first (heaviest load first), then low
 * scores with light failures (lowest score first).
 */
export function findOutliers<P extends ScorePoint>(points: readonly P[], options: OutlierOptions = {}): Outlier<P>[] {
  const rules = { ...OUTLIER_RULES, ...options.rules };
  if (points.length < (options.minPoints ?? 4)) return [];
  const flagged = rankPoints(points).flatMap((r) => {
    const kind = outlierKind({ scoreNorm: r.point.scoreNorm, loadPercentile: r.loadPercentile }, rules);
    return kind ? [{ ...r, kind }] : [];
  });
  const heavy = flagged
    .filter((o) => o.kind === "high-score-heavy-failures")
    .sort((x, y) => y.point.failureLoad - x.point.failureLoad || y.point.scoreNorm - x.point.scoreNorm);
  const light = flagged
    .filter((o) => o.kind === "low-score-light-failures")
    .sort((x, y) => x.point.scoreNorm - y.point.scoreNorm || x.point.failureLoad - y.point.failureLoad);
  return [...heavy, ...light];
}

/** The lowest load counted heavy and the highest counted light among `points` (for the chart and the text). */
export function loadBounds(
  points: readonly ScorePoint[],
  rules: OutlierRules = OUTLIER_RULES,
): { heavyFrom: number | null; lightUpTo: number | null } {
  const ranked = rankPoints(points);
  const heavy = ranked.filter((r) => r.loadPercentile >= rules.heavyLoadPercentile).map((r) => r.point.failureLoad);
  const light = ranked.filter((r) => r.loadPercentile <= rules.lightLoadPercentile).map((r) => r.point.failureLoad);
  return { heavyFrom: heavy.length ? Math.min(...heavy) : null, lightUpTo: light.length ? Math.max(...light) : null };
}

/** Histogram of normalized scores in whole-point bins 0–1 … 9–10 (10 falls in the last bin). */
export function scoreHistogram(scores: readonly number[], bins = 10): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const s of scores) {
    const i = scoreBin(s, bins);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** The histogram bin of a normalized score. */
export function scoreBin(score: number, bins = 10): number {
  return Math.min(bins - 1, Math.max(0, Math.floor((score / 10) * bins)));
}
