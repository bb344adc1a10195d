// Which analyses' scores disagree with their failures. A trainer expects a high training-quality score
// to come with few severe failures and the reverse; rank-based so one huge report or a /100 scale cannot
// dominate. disagreement = score percentile + failure-load percentile − 1, in −1..1:
//   near +1: high score, heavy failures;  near −1: low score, light failures;  near 0: consistent.

export interface ScorePoint {
  scoreNorm: number;
  failureLoad: number;
}

export type OutlierKind = "high-score-heavy-failures" | "low-score-light-failures";

export interface Outlier<P extends ScorePoint> {
  point: P;
  disagreement: number;
  kind: OutlierKind;
  scorePercentile: number;
  loadPercentile: number;
}

export interface OutlierOptions {
  /** Minimum |disagreement| to be listed (default 0.5). */
  threshold?: number;
  /** At most this many (default 10). */
  limit?: number;
  /** Fewer scored analyses than this give no outliers: ranks mean little (default 4). */
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
  for (let less = 0; less < n; ) {
    let end = less + 1;
    while (end < n && values[order[end]!] === values[order[less]!]) end++;
    const percentile = (less + (end - less - 1) / 2) / (n - 1);
    for (let k = less; k < end; k++) ranks[order[k]!] = percentile;
    less = end;
  }
  return ranks;
}

export function scoreDisagreements<P extends ScorePoint>(points: readonly P[]): Omit<Outlier<P>, "kind">[] {
  const scoreP = percentileRanks(points.map((p) => p.scoreNorm));
  const loadP = percentileRanks(points.map((p) => p.failureLoad));
  return points.map((point, i) => {
    const s = scoreP[i] ?? 0.5;
    const l = loadP[i] ?? 0.5;
    return { point, scorePercentile: s, loadPercentile: l, disagreement: Math.round((s + l - 1) * 1000) / 1000 };
  });
}

export function findOutliers<P extends ScorePoint>(points: readonly P[], options: OutlierOptions = {}): Outlier<P>[] {
  const { threshold = 0.5, limit = 10, minPoints = 4 } = options;
  if (points.length < minPoints) return [];
  return scoreDisagreements(points)
    .filter((d) => Math.abs(d.disagreement) >= threshold)
    .sort((x, y) => Math.abs(y.disagreement) - Math.abs(x.disagreement) || y.point.failureLoad - x.point.failureLoad)
    .slice(0, limit)
    .map((d) => ({ ...d, kind: d.disagreement > 0 ? "high-score-heavy-failures" : "low-score-light-failures" }));
}

/** Histogram of normalized scores in whole-point bins 0–1 … 9–10 (10 falls in the last bin). */
export function scoreHistogram(scores: readonly number[], bins = 10): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const s of scores) {
    const i = Math.min(bins - 1, Math.max(0, Math.floor((s / 10) * bins)));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
