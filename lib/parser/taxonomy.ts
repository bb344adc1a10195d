// Knowledge-gap taxonomy: loads content/knowledge-gaps.json (editable without touching code) and
// classifies free text into category ids by weighted keyword / phrase matches.
// The only file-system access of lib/parser lives here, in loadTaxonomy.
import { readFileSync } from "node:fs";
import path from "node:path";

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
}

/**
 * One distinct term: its place in the alternation, its own pattern, and every category listing it
 * (a term may belong to several categories, e.g. "security group"; each of them scores it).
 */
export interface TaxonomyTerm {
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

const DEFAULT_PATH = path.join(process.cwd(), "content", "knowledge-gaps.json");
const cache = new Map<string, Taxonomy>();

/** Reads and validates the taxonomy JSON (cached per path). Throws when the file is unusable. */
export function loadTaxonomy(file: string = DEFAULT_PATH): Taxonomy {
  const cached = cache.get(file);
  if (cached) return cached;
  const taxonomy = createTaxonomy(JSON.parse(readFileSync(file, "utf8")) as unknown);
  cache.set(file, taxonomy);
  return taxonomy;
}

/** Builds a taxonomy from already-parsed JSON; keywords may be strings (weight 1) or {term, weight}. */
export function createTaxonomy(data: unknown): Taxonomy {
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
    terms.set(key, [...(terms.get(key) ?? []), { order, sticky: new RegExp(termPattern(term), "iy"), owners: byTerm.get(term) ?? [] }]);
  });
  return { categories, pattern, terms };
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
export function scoreGaps(texts: readonly WeightedText[], taxonomy: Taxonomy): Map<string, number> {
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
      for (const matcher of term.owners) {
        scores.set(matcher.id, (scores.get(matcher.id) ?? 0) + matcher.weight * weight * repeat);
      }
    }
  }
  return scores;
}

/** Category ids for a text (or weighted texts), primary first, or ["unclassified"]. */
export function classifyGaps(
  input: string | readonly WeightedText[],
  taxonomy: Taxonomy,
  options: ClassifyOptions = {},
): string[] {
  // At most 3 ids, secondaries only at >= 45% of the best score: enough for a failure that really
  // spans two or three gaps, without filing every failure under every filter it brushes against.
  const { max = 3, ratio = 0.45, threshold = 1 } = options;
  const texts = typeof input === "string" ? [{ text: input, weight: 1 }] : input;
  const ranked = [...scoreGaps(texts, taxonomy).entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0]?.[1] ?? 0;
  if (best < threshold) return [UNCLASSIFIED];
  return ranked
    .filter(([, score]) => score >= best * ratio)
    .slice(0, max)
    .map(([id]) => id);
}

/** Share (0..1) of failures whose gaps are ["unclassified"]. */
export function unclassifiedShare(failures: ReadonlyArray<{ gaps: readonly string[] }>): number {
  if (failures.length === 0) return 0;
  const unclassified = failures.filter((f) => f.gaps.length === 0 || f.gaps[0] === UNCLASSIFIED).length;
  return unclassified / failures.length;
}
