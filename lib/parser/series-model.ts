// Whether a candidate series is taken: a weighing of its evidence, with weights fitted on the labeled
// corpus (scripts/fit-series.ts writes lib/parser/series-model.json), not set by hand.
//
// The fallback recognizers that find a series without a failure-named section (heading-series,
// list-series, numbered-heading-series, title-lines, plain-failure-list) each count, for a candidate
// series, its items and how many of them state a problem (a side or level field, a problem word in the
// title or first sentence). Those counts become features; a logistic model over them gives the
// probability that the series is the document's failures, taken at >= 0.5. `--explain` prints the
// probability and each feature's contribution.
//
// Fitting (scripts/fit-series.ts): the model is a share threshold written as a steep logistic model
// (`thresholdModel`), the threshold chosen by a grid search for the best F1 on the labeled documents;
// a freely fitted logistic regression over all features was tried and did worse cross-validated (too
// few candidate series in the corpus). The format allows other features and weights later.
// `collect` gathers candidates under the reference rule, so what is offered does not depend on a model.
import fitted from "./series-model.json";

/** A candidate series as a recognizer sees it. */
export interface SeriesCandidate {
  /** The recognizer's id. */
  recognizer: string;
  /** Items of the series (with a body / a title, as the recognizer counts them). */
  items: number;
  /** Items stating a problem. */
  stating: number;
  /** The fewest items stating a problem that make a series (1 when numbering continues a series). */
  least: number;
  /** Under a heading or line naming failures. */
  named: boolean;
  /** Titles of the items, for fitting (matched against the labels). */
  titles: readonly string[];
}

export interface SeriesModel {
  /** Feature names, in the order of `weights`. */
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** How the weights were fitted (script, data, cross-validated figure). */
  note?: string;
}

/** Options of parseAnalysis about series: another model (cross-validation), or a collector (fitting). */
export interface SeriesOptions {
  model?: SeriesModel;
  /** Receives every candidate; while collecting, the reference rule decides. */
  collect?: (candidate: SeriesCandidate) => void;
}

export const FEATURES = ["share", "enough", "stating", "items", "named"] as const;

/** The candidate's features, each in [0, 1]. */
export function seriesFeatures(c: SeriesCandidate): number[] {
  const share = c.items === 0 ? 0 : c.stating / c.items;
  return [share, c.stating >= c.least ? 1 : 0, Math.min(c.stating, 6) / 6, Math.min(c.items, 12) / 12, c.named ? 1 : 0];
}

/** The rule the weights replace, kept to collect candidates for fitting. */
export function referenceRule(c: SeriesCandidate): boolean {
  return c.items > 0 && c.stating >= c.least && c.stating >= c.items * 0.6;
}

/** Steepness of a threshold written as a logistic model: one share point moves p from 0.5 to 0.62. */
const STEEP = 50;

/**
 * "Taken when at least `least` items and `share` of them state a problem", as a model: the grid
 * search of scripts/fit-series.ts chooses `share`.
 */
export function thresholdModel(share: number, note = ""): SeriesModel {
  return { features: ["share", "enough"], weights: [STEEP, STEEP], bias: -STEEP * (1 + share), note };
}

export const DEFAULT_MODEL: SeriesModel = fitted;

export interface SeriesJudgement {
  taken: boolean;
  probability: number;
  /** "p=0.93: share 0.80 (+3.1), enough 1 (+2.0), ...": why, for `--explain`. */
  why: string;
}

export function judgeSeries(candidate: SeriesCandidate, options: SeriesOptions = {}): SeriesJudgement {
  const values = seriesFeatures(candidate);
  if (options.collect) {
    options.collect(candidate);
    const taken = referenceRule(candidate);
    return { taken, probability: taken ? 1 : 0, why: "reference rule (collecting)" };
  }
  const model = options.model ?? DEFAULT_MODEL;
  let z = model.bias;
  const parts: string[] = [];
  model.features.forEach((name, i) => {
    const at = FEATURES.indexOf(name as (typeof FEATURES)[number]);
    const value = at >= 0 ? (values[at] ?? 0) : 0;
    const contribution = value * (model.weights[i] ?? 0);
    z += contribution;
    if (contribution !== 0) parts.push(`${name} ${value.toFixed(2)} (${contribution >= 0 ? "+" : ""}${contribution.toFixed(1)})`);
  });
  // An empty series or one with fewer items stating a problem than a series needs is never taken.
  const probability = candidate.items === 0 || candidate.stating === 0 ? 0 : 1 / (1 + Math.exp(-z));
  return {
    taken: probability >= 0.5,
    probability,
    why: `p=${probability.toFixed(2)}: bias ${model.bias.toFixed(1)}, ${parts.join(", ") || "no feature"}`,
  };
}

/**
 * Sibling headings (a heading series) judged as one series: at least two must state a problem, and no
 * heading naming failures is asked for. The heading recognizers' shared call.
 */
export function judgeHeadingSiblings(
  recognizer: string,
  candidates: readonly { section: { text: string }; evidence: boolean }[],
  options?: SeriesOptions,
): SeriesJudgement & { stating: number } {
  const stating = candidates.filter((c) => c.evidence).length;
  const titles = candidates.map((c) => c.section.text);
  return { ...judgeSeries({ recognizer, items: candidates.length, stating, least: 2, named: false, titles }, options), stating };
}
