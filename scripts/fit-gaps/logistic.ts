// The knowledge-gap classifier's fit (scripts/fit-gaps.ts): multinomial logistic regression over the
// failure features plus one weight for the taxonomy keywords, pruned to the strongest features.
import type { GapModelData } from "../../lib/parser/gap-model";
import type { Example } from "./examples";

export interface FitSettings {
  /** A feature must occur in this many training failures. */
  minCount: number;
  /** L2 penalty on feature weights. */
  l2: number;
  iterations: number;
  /** Share of the target given to the secondary label when there is one. */
  secondary: number;
  /** Features kept after pruning (largest weight rows), and weights below this dropped. */
  keep: number;
  minWeight: number;
}

/** Multinomial logistic regression by full-batch Adam: feature weights, class biases, one keyword weight. */
export function fit(train: Example[], classes: string[], settings: FitSettings): GapModelData {
  const counts = new Map<string, number>();
  for (const e of train) for (const f of e.features.keys()) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts]
    .filter(([, n]) => n >= settings.minCount)
    .map(([f]) => f)
    .sort();
  let model = train_(train, classes, vocabulary, settings);
  // Prune: keep the features whose weight rows matter most, drop tiny weights, then refit on them.
  const strength = vocabulary.map((f, i) => ({
    f,
    s: model.W.slice(i * classes.length, (i + 1) * classes.length).reduce((a, w) => a + Math.abs(w), 0),
  }));
  const kept = strength
    .sort((a, b) => b.s - a.s)
    .slice(0, settings.keep)
    .map((x) => x.f)
    .sort();
  model = train_(train, classes, kept, settings);
  const weights: GapModelData["weights"] = {};
  kept.forEach((f, i) => {
    const row: Array<[number, number]> = [];
    for (let c = 0; c < classes.length; c++) {
      const w = model.W[i * classes.length + c] ?? 0;
      if (Math.abs(w) >= settings.minWeight) row.push([c, Math.round(w * 100) / 100]);
    }
    if (row.length) weights[f] = row;
  });
  // A category the model never saw starts at the lowest bias, so only its keywords can raise it.
  const bias = [...model.b].map(round);
  return { version: 1, classes, bias, keywordWeight: round(model.beta), unknownBias: Math.min(...bias), weights };
}

function train_(train: Example[], classes: string[], vocabulary: string[], settings: FitSettings) {
  const C = classes.length;
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const rows = train.map((e) => {
    const feats: Array<[number, number]> = [];
    for (const [f, v] of e.features) {
      const i = index.get(f);
      if (i !== undefined) feats.push([i, v]);
    }
    const kw = classes.map((c) => Math.log1p(e.keywords.get(c) ?? 0));
    const target = new Float64Array(C);
    const [primary, ...rest] = e.labels.map((l) => classIndex.get(l)).filter((i): i is number => i !== undefined);
    if (primary !== undefined) {
      const second = rest.length && settings.secondary > 0 ? settings.secondary : 0;
      target[primary] = 1 - second;
      for (const r of rest) target[r] = (target[r] ?? 0) + second / rest.length;
    }
    return { feats, kw, target };
  });
  // Rows as flat typed arrays: the loop below runs iterations × nonzeros × classes times.
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (starts[r + 1] = (starts[r] ?? 0) + row.feats.length));
  const at = new Int32Array(starts[rows.length] ?? 0);
  const val = new Float64Array(at.length);
  rows.forEach((row, r) => row.feats.forEach(([i, v], k) => ((at[(starts[r] ?? 0) + k] = i * C), (val[(starts[r] ?? 0) + k] = v))));
  const kw = Float64Array.from(rows.flatMap((row) => row.kw));
  const target = Float64Array.from(rows.flatMap((row) => [...row.target]));
  const W = new Float64Array(vocabulary.length * C);
  const b = new Float64Array(C);
  const params = { beta: 0.5 };
  const adam = (n: number) => ({ m: new Float64Array(n), v: new Float64Array(n) });
  const aW = adam(W.length);
  const aB = adam(C);
  const aBeta = adam(1);
  const rate = 0.05;
  const step = (values: Float64Array, grads: Float64Array, state: { m: Float64Array; v: Float64Array }, t: number) => {
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let i = 0; i < grads.length; i++) {
      const g = grads[i]!;
      const m = (state.m[i] = 0.9 * state.m[i]! + 0.1 * g);
      const v = (state.v[i] = 0.999 * state.v[i]! + 0.001 * g * g);
      values[i] = values[i]! - (rate * (m / c1)) / (Math.sqrt(v / c2) + 1e-8);
    }
  };
  const logits = new Float64Array(C);
  const gW = new Float64Array(W.length);
  const gB = new Float64Array(C);
  const gBeta = new Float64Array(1);
  const n = rows.length;
  for (let t = 1; t <= settings.iterations; t++) {
    gW.fill(0);
    gB.fill(0);
    gBeta[0] = 0;
    const beta = params.beta;
    for (let r = 0; r < n; r++) {
      const from = starts[r]!;
      const to = starts[r + 1]!;
      for (let c = 0; c < C; c++) logits[c] = b[c]! + beta * kw[r * C + c]!;
      for (let k = from; k < to; k++) {
        const base = at[k]!;
        const v = val[k]!;
        for (let c = 0; c < C; c++) logits[c] = logits[c]! + W[base + c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, logits[c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += logits[c] = Math.exp(logits[c]! - max);
      for (let c = 0; c < C; c++) logits[c] = logits[c]! / sum - target[r * C + c]!;
      for (let c = 0; c < C; c++) {
        gB[c] = gB[c]! + logits[c]!;
        gBeta[0] = gBeta[0]! + logits[c]! * kw[r * C + c]!;
      }
      for (let k = from; k < to; k++) {
        const base = at[k]!;
        const v = val[k]!;
        for (let c = 0; c < C; c++) gW[base + c] = gW[base + c]! + logits[c]! * v;
      }
    }
    for (let i = 0; i < gW.length; i++) gW[i] = gW[i]! / n + settings.l2 * W[i]!;
    for (let c = 0; c < C; c++) gB[c] = gB[c]! / n;
    gBeta[0] = gBeta[0]! / n;
    step(W, gW, aW, t);
    step(b, gB, aB, t);
    const box = Float64Array.of(params.beta);
    step(box, gBeta, aBeta, t);
    params.beta = Math.max(0, box[0]!);
  }
  const beta = params.beta;
  return { W, b, beta };
}

/** Three decimals, as the model file stores figures. */
export const round = (x: number) => Math.round(x * 1000) / 1000;
