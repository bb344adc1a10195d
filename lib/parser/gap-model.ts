// The learned half of knowledge-gap classification: a failure becomes a sparse bag of field-tagged
// tokens (title words and word pairs, prose words, code identifiers), and a multinomial logistic
// regression fitted by scripts/fit-gaps.ts on the labeled corpus scores each category. The fitted
// weights are data (content/knowledge-gaps.model.json), passed in like the taxonomy itself.
import { z } from "zod";

/** What a failure offers the classifier: the fields of a parse record, all optional. */
export interface GapEvidence {
  title: string;
  rootCause?: string | null;
  model?: { text: string; code: ReadonlyArray<{ value: string }> };
  ideal?: { text: string; code: ReadonlyArray<{ value: string }> };
  impacts?: ReadonlyArray<{ label: string; text: string }>;
  /** Raw item text, used only when the item has no root cause and no model prose. */
  body?: string;
}

/** Sparse features: name → value. */
export type GapFeatures = Map<string, number>;

export const gapModelSchema = z.object({
  version: z.literal(1),
  /** Category ids, in the order of each weight row. */
  classes: z.array(z.string().min(1)).min(1),
  bias: z.array(z.number()),
  /** Weight of a category's own taxonomy keyword score (log1p of it): how much keywords count. */
  keywordWeight: z.number(),
  /** Bias for a category the model never saw (a user's own category): its keywords decide alone. */
  unknownBias: z.number(),
  /** feature → [[class index, weight], ...] (weights near zero dropped). */
  weights: z.record(z.string(), z.array(z.tuple([z.number().int().nonnegative(), z.number()]))),
  /** How the model was fitted and how it scored, for people reading the file. */
  fit: z.record(z.string(), z.unknown()).optional(),
});
export type GapModelData = z.infer<typeof gapModelSchema>;

/** A model ready for scoring: weights looked up per feature. */
export interface GapModel {
  classes: string[];
  bias: Float64Array;
  keywordWeight: number;
  unknownBias: number;
  weights: Map<string, ReadonlyArray<readonly [number, number]>>;
}

export function compileGapModel(data: GapModelData): GapModel {
  if (data.bias.length !== data.classes.length) throw new Error("bias must have one entry per class");
  for (const [feature, row] of Object.entries(data.weights)) {
    for (const [index] of row) {
      if (index >= data.classes.length)
        throw new Error(`weight of "${feature}" names class ${index}, beyond the ${data.classes.length} classes`);
    }
  }
  return {
    classes: data.classes,
    bias: Float64Array.from(data.bias),
    keywordWeight: data.keywordWeight,
    unknownBias: data.unknownBias,
    weights: new Map(Object.entries(data.weights)),
  };
}

// Prose is read up to these lengths: the opening of a side says what it is about, and a cap keeps
// classification cost flat on huge items.
const TEXT_LIMIT = 2000;
const CODE_LIMIT = 2000;

const STOP = new Set(
  "the and for with that this from are was were not but has have had its into than then them they their there these those will would should could can may might been being also only any all each such which while when where what who how why our your you use used using via per out off one two more most other some very just does did".split(
    " ",
  ),
);

/** Lowercase words of 2–30 letters/digits starting with a letter; camelCase and snake_case split. */
export function gapWords(text: string, limit: number): string[] {
  const words: string[] = [];
  const slice = text.length > limit ? text.slice(0, limit) : text;
  // Split "BucketVersioning" / "HTTPSListener" before lowercasing; the classes never overlap, so this is linear.
  const spaced = slice.replace(/([a-z0-9])(?=[A-Z])/g, "$1 ").toLowerCase();
  for (const match of spaced.matchAll(/[a-z][a-z0-9]{1,29}/g)) {
    const word = match[0];
    if (!STOP.has(word)) words.push(word);
  }
  return words;
}

/**
 * Field-tagged features, each field's bag scaled to unit length so a long side does not drown the
 * title: `t:` title words, `tt:` title word pairs, `x:` prose (root cause, sides, impacts), `c:` code.
 * (Section names, severity notes, locations, references, impact labels and word stems were tried and
 * did not raise the cross-validated figure.)
 */
export function gapFeatures(evidence: GapEvidence): GapFeatures {
  const features: GapFeatures = new Map();
  const title = gapWords(evidence.title, 400);
  addBag(features, "t:", title);
  addBag(
    features,
    "tt:",
    title.slice(1).map((word, i) => `${title[i]}_${word}`),
  );
  const prose = [
    evidence.rootCause ?? "",
    evidence.model?.text ?? "",
    evidence.ideal?.text ?? "",
    ...(evidence.impacts ?? []).map((i) => i.text),
  ];
  if (!evidence.rootCause && !evidence.model?.text && evidence.body) prose.push(evidence.body);
  addBag(features, "x:", gapWords(prose.filter(Boolean).join("\n"), TEXT_LIMIT * 2));
  const code = [...(evidence.model?.code ?? []), ...(evidence.ideal?.code ?? [])].map((block) => block.value).join("\n");
  addBag(features, "c:", gapWords(code, CODE_LIMIT));
  return features;
}

function addBag(features: GapFeatures, prefix: string, words: readonly string[]): void {
  if (words.length === 0) return;
  const distinct = new Set(words);
  const value = 1 / Math.sqrt(distinct.size);
  for (const word of distinct) features.set(prefix + word, value);
}

/**
 * Per-class logits of the model for these features, over `classes` (the taxonomy's ids): a class the
 * model knows gets its bias and feature weights; one it does not know gets `unknownBias`. Keyword
 * scores (by class id) add `keywordWeight * log1p(score)`. `known` reports whether any feature was seen.
 */
export function gapLogits(
  model: GapModel,
  features: GapFeatures,
  classes: readonly string[],
  keywordScores: ReadonlyMap<string, number>,
): { logits: Float64Array; known: boolean } {
  const own = new Float64Array(model.classes.length);
  own.set(model.bias);
  let known = false;
  for (const [feature, value] of features) {
    const row = model.weights.get(feature);
    if (!row) continue;
    known = true;
    for (const [index, weight] of row) own[index] = (own[index] ?? 0) + weight * value;
  }
  const position = new Map(model.classes.map((id, i) => [id, i]));
  const logits = new Float64Array(classes.length);
  classes.forEach((id, i) => {
    const at = position.get(id);
    const base = at === undefined ? model.unknownBias : (own[at] ?? 0);
    logits[i] = base + model.keywordWeight * Math.log1p(keywordScores.get(id) ?? 0);
  });
  return { logits, known };
}

/** Softmax of logits, in place-safe. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] ?? 0);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp((logits[i] ?? 0) - max);
    sum += out[i] ?? 0;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}
