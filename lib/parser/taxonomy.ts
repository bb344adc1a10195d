// Knowledge-gap taxonomy: the categories of content/knowledge-gaps.json (editable without touching
// code) and how a failure is filed under them. Keyword / phrase matches score each category; when a
// fitted model (gap-model.ts, content/knowledge-gaps.model.json) comes with the taxonomy, its learned
// word weights and the keyword scores are combined, so a keyword a user adds still counts. No file
// reads here: lib/ingest/taxonomy-file.ts loads both files and callers pass the result in.
import { compileGapModel, gapFeatures, gapLogits, softmax, type GapEvidence, type GapModel, type GapModelData } from "./gap-model";

export type { GapEvidence } from "./gap-model";

export interface TaxonomyKeyword {
  term: string;
  weight: number;
}

export interface GapCategory {
  id: string;
  label: string;
  description: string;
  keywords: TaxonomyKeyword[];
}

export interface Taxonomy {
  categories: GapCategory[];
  /** All distinct terms as one alternation (longest first, no capture groups), so a text is scanned once. */
  pattern: RegExp;
  /** termKey(matched text) → the terms that can have matched it, in alternation order. */
  terms: Map<string, TaxonomyTerm[]>;
  /** Learned weights, or null for keywords alone. */
  model: GapModel | null;
}

/**
 * One distinct term: its place in the alternation, its own pattern, and every category listing it
 * (a term may belong to several categories, e.g. "security group"; each of them scores it).
 */
export interface TaxonomyTerm {
  term: string;
  order: number;
  sticky: RegExp;
  owners: Array<{ id: string; weight: number }>;
}

export const UNCLASSIFIED = "unclassified";

/** A piece of text to classify and how much its matches count (titles count more than bodies). */
export interface WeightedText {
  text: string;
  weight: number;
}

export interface ClassifyOptions {
  /** Most ids to return. */
  max?: number;
  /** Keep ids scoring at least this share of the best one. */
  ratio?: number;
  /** Minimum total score for any id. */
  threshold?: number;
}

/**
 * Builds a taxonomy from already-parsed JSON; keywords may be strings (weight 1) or {term, weight}.
 * `model` (fitted weights) is optional; without it classification uses the keywords alone.
 */
export function createTaxonomy(data: unknown, model: GapModel | GapModelData | null = null): Taxonomy {
  if (!Array.isArray(data)) throw new Error("knowledge-gaps.json must be an array of categories");
  const categories: GapCategory[] = data.map((entry, i) => toCategory(entry, i));
  // One alternative per distinct term; a term listed by several categories scores for each.
  const byTerm = new Map<string, Array<{ id: string; weight: number }>>();
  for (const category of categories) {
    for (const { term, weight } of category.keywords) {
      const owners = byTerm.get(term) ?? [];
      const same = owners.find((owner) => owner.id === category.id);
      if (same) same.weight = Math.max(same.weight, weight);
      else owners.push({ id: category.id, weight });
      byTerm.set(term, owners);
    }
  }
  const ordered = [...byTerm.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(ordered.map((term) => `(?:${termPattern(term)})`).join("|") || "(?!)", "gi");
  const terms = new Map<string, TaxonomyTerm[]>();
  ordered.forEach((term, order) => {
    const key = termKey(term);
    terms.set(key, [
      ...(terms.get(key) ?? []),
      { term, order, sticky: new RegExp(termPattern(term), "iy"), owners: byTerm.get(term) ?? [] },
    ]);
  });
  const compiled = model === null ? null : "version" in model ? compileGapModel(model) : model;
  return { categories, pattern, terms, model: compiled };
}

/** Case and separator runs folded, so a matched text finds its term without a capture group per term. */
function termKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, " ");
}

/**
 * The term the alternation matched at `index`: among the terms spelled like the match (a short term
 * may have matched with a plural "s"), the first in alternation order that matches there, which is
 * the one the regex chose. Almost always there is a single candidate.
 */
function matchedTerm(taxonomy: Taxonomy, text: string, index: number, matched: string): TaxonomyTerm | undefined {
  const key = termKey(matched);
  const candidates = [...(taxonomy.terms.get(key) ?? []), ...(key.endsWith("s") ? (taxonomy.terms.get(key.slice(0, -1)) ?? []) : [])];
  if (candidates.length === 1) return candidates[0];
  const pool = candidates.length ? candidates : [...taxonomy.terms.values()].flat();
  return pool
    .sort((a, b) => a.order - b.order)
    .find((term) => {
      term.sticky.lastIndex = index;
      return term.sticky.test(text);
    });
}

function toCategory(entry: unknown, index: number): GapCategory {
  if (typeof entry !== "object" || entry === null) throw new Error(`category ${index} is not an object`);
  const record = entry as Record<string, unknown>;
  const id = typeof record.id === "string" ? record.id : "";
  if (!id) throw new Error(`category ${index} has no id`);
  const keywords = Array.isArray(record.keywords) ? record.keywords.map(toKeyword).filter((k) => k !== null) : [];
  return {
    id,
    label: typeof record.label === "string" ? record.label : id,
    description: typeof record.description === "string" ? record.description : "",
    keywords,
  };
}

function toKeyword(entry: unknown): TaxonomyKeyword | null {
  if (typeof entry === "string" && entry.trim()) return { term: entry.trim().toLowerCase(), weight: 1 };
  if (typeof entry === "object" && entry !== null) {
    const record = entry as Record<string, unknown>;
    const term = typeof record.term === "string" ? record.term.trim().toLowerCase() : "";
    const weight = typeof record.weight === "number" && Number.isFinite(record.weight) ? record.weight : 1;
    return term ? { term, weight } : null;
  }
  return null;
}

function termPattern(term: string): string {
  const escaped = term.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/\s+/g, "[\\s_-]+");
  // Word start always; word end only for short terms, so "encrypt" also matches "encryption".
  const lead = /^\w/.test(term) ? "(?<![\\w])" : "";
  const tail = term.length <= 4 && /\w$/.test(term) ? "s?(?![\\w])" : "";
  return `${lead}${escaped}${tail}`;
}

/** Scores every category for the given texts. */
export function scoreGaps(texts: readonly WeightedText[], taxonomy: Taxonomy, termHits?: Map<string, number>): Map<string, number> {
  const scores = new Map<string, number>();
  const pattern = new RegExp(taxonomy.pattern.source, "gi");
  for (const { text, weight } of texts) {
    if (!text || weight <= 0) continue;
    const hits = new Map<TaxonomyTerm, number>();
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const term = matchedTerm(taxonomy, text, match.index, match[0]);
      if (term) hits.set(term, (hits.get(term) ?? 0) + 1);
      // Restart just after the match start so shorter terms inside a phrase still count.
      pattern.lastIndex = match.index + 1;
    }
    for (const [term, count] of hits) {
      const repeat = 1 + (Math.min(count, 3) - 1) * 0.25;
      termHits?.set(term.term, (termHits.get(term.term) ?? 0) + weight * repeat);
      for (const matcher of term.owners) {
        scores.set(matcher.id, (scores.get(matcher.id) ?? 0) + matcher.weight * weight * repeat);
      }
    }
  }
  return scores;
}

/**
 * Category ids for a text (or weighted texts), primary first, or ["unclassified"]. A plain string is
 * read as a failure title (the model's evidence when there is one); weighted texts use keywords alone.
 */
export function classifyGaps(input: string | readonly WeightedText[], taxonomy: Taxonomy, options: ClassifyOptions = {}): string[] {
  if (typeof input === "string") return classifyFailureGaps({ title: input }, taxonomy, options);
  return classifyByKeywords(input, taxonomy, options);
}

function classifyByKeywords(texts: readonly WeightedText[], taxonomy: Taxonomy, options: ClassifyOptions): string[] {
  // At most 3 ids, secondaries only at >= 45% of the best score: enough for a failure that really
  // spans two or three gaps, without filing every failure under every filter it brushes against.
  const { max = 3, ratio = 0.45, threshold = 1 } = options;
  const ranked = [...scoreGaps(texts, taxonomy).entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0]?.[1] ?? 0;
  if (best < threshold) return [UNCLASSIFIED];
  return ranked
    .filter(([, score]) => score >= best * ratio)
    .slice(0, max)
    .map(([id]) => id);
}

/** The texts keywords are matched in, and how much each counts (a title says most about the gap). */
export function keywordTexts(evidence: GapEvidence): WeightedText[] {
  const texts: WeightedText[] = [
    { text: evidence.title, weight: 3 },
    { text: evidence.rootCause ?? "", weight: 1 },
    { text: (evidence.model?.text ?? "").slice(0, 1500), weight: 0.5 },
    { text: (evidence.ideal?.text ?? "").slice(0, 800), weight: 0.25 },
  ];
  if (!evidence.rootCause && !evidence.model?.text && evidence.body) texts.push({ text: evidence.body.slice(0, 1500), weight: 0.5 });
  return texts;
}

/**
 * Category ids for one failure, primary first, or ["unclassified"] when neither a keyword nor any
 * word the model knows occurs in it. With a model: the categories whose probability is at least
 * `ratio` (default 0.2) of the most likely one's, at most `max` (default 3). That shows 1.6 ids per
 * failure on the labeled corpus, about as many as its labels give (1.5).
 */
export function classifyFailureGaps(evidence: GapEvidence, taxonomy: Taxonomy, options: ClassifyOptions = {}): string[] {
  const texts = keywordTexts(evidence);
  const model = taxonomy.model;
  if (!model) return classifyByKeywords(texts, taxonomy, options);
  const { max = 3, ratio = 0.2, threshold = 1 } = options;
  const hits = new Map<string, number>();
  const keywords = scoreGaps(texts, taxonomy, hits);
  const ids = taxonomy.categories.map((category) => category.id);
  const { logits, known } = gapLogits(model, withKeywordFeatures(gapFeatures(evidence), hits), ids, keywords);
  const bestKeyword = Math.max(0, ...keywords.values());
  if (!known && bestKeyword < threshold) return [UNCLASSIFIED];
  const probability = softmax(logits);
  const ranked = ids.map((id, i) => ({ id, p: probability[i] ?? 0 })).sort((a, b) => b.p - a.p);
  const best = ranked[0]?.p ?? 0;
  return ranked
    .filter(({ p }) => p >= best * ratio)
    .slice(0, max)
    .map(({ id }) => id);
}

/**
 * Each taxonomy term found becomes a feature too (`k:term`, half strength: measured best in CV), so
 * the model learns what a curated phrase like "security group" says beyond its category's total.
 */
export function withKeywordFeatures(features: Map<string, number>, hits: ReadonlyMap<string, number>): Map<string, number> {
  for (const [term, value] of hits) features.set(`k:${term}`, 0.5 * Math.log1p(value));
  return features;
}

/** Share (0..1) of failures whose gaps are ["unclassified"]. */
export function unclassifiedShare(failures: ReadonlyArray<{ gaps: readonly string[] }>): number {
  if (failures.length === 0) return 0;
  const unclassified = failures.filter((f) => f.gaps.length === 0 || f.gaps[0] === UNCLASSIFIED).length;
  return unclassified / failures.length;
}
