// Pairs the failures of two analyses: the same kind of mistake usually shares a knowledge gap and a
// similar title ("Hardcoded DB password" / "Hard-coded database password in source"). Pure and
// deterministic: greedy best-first matching over a pair score, so the same inputs give the same pairs.

export interface AlignableFailure {
  number: number;
  title: string;
  /** Knowledge-gap ids, primary first. */
  gaps: readonly string[];
}

export interface AlignedPair<F extends AlignableFailure> {
  a: F;
  b: F;
  /** 0..1: how sure the pairing is (title similarity blended with gap overlap). */
  score: number;
  titleSimilarity: number;
  sharedGaps: string[];
}

export interface Alignment<F extends AlignableFailure> {
  shared: AlignedPair<F>[];
  onlyA: F[];
  onlyB: F[];
}

export interface AlignOptions {
  /** Minimum pair score to call two failures the same (default 0.34). */
  threshold?: number;
}

const STOPWORDS = new Set(
  "a an and are as at be by for from has have in into is it its no not of on or the to too uses using via was with without missing incorrect wrong issue".split(" "),
);

/** Lower-cased content words with a light plural/verb stem, so "Policies"/"policy" and "missing" drop out. */
export function titleTokens(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/hard[\s-]+coded/g, "hardcoded")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map((w) => w.replace(/(ies)$/, "y").replace(/(?<=[a-z]{3})(ing|ed|es|s)$/, ""));
}

function bigrams(text: string): string[] {
  const squashed = text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  const out: string[] = [];
  for (let i = 0; i < squashed.length - 1; i++) out.push(squashed.slice(i, i + 2));
  return out;
}

/** A multiset: how often each item occurs, and how many items in all. */
interface Bag {
  counts: Map<string, number>;
  size: number;
}

function bag(items: readonly string[]): Bag {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  return { counts, size: items.length };
}

/** Dice coefficient of two multisets: twice the shared items over all items. */
function dice(a: Bag, b: Bag): number {
  if (!a.size && !b.size) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let overlap = 0;
  for (const [x, n] of small.counts) overlap += Math.min(n, large.counts.get(x) ?? 0);
  return (2 * overlap) / (a.size + b.size);
}

/** What titleSimilarity compares, computed once per title. */
interface TitleFeatures {
  words: Bag;
  chars: Bag;
}

function titleFeatures(title: string): TitleFeatures {
  return { words: bag([...new Set(titleTokens(title))]), chars: bag(bigrams(title)) };
}

function featureSimilarity(a: TitleFeatures, b: TitleFeatures): number {
  return Math.round((0.6 * dice(a.words, b.words) + 0.4 * dice(a.chars, b.chars)) * 1000) / 1000;
}

/** 0..1 similarity of two failure titles: word overlap blended with character-bigram overlap. */
export function titleSimilarity(a: string, b: string): number {
  return featureSimilarity(titleFeatures(a), titleFeatures(b));
}

function meaningfulGaps(gaps: readonly string[]): string[] {
  return gaps.filter((g) => g !== "unclassified");
}

/** Score of pairing two failures: mostly the title, plus shared gaps (a shared primary gap counts most). */
export function pairScore(a: AlignableFailure, b: AlignableFailure, title = titleSimilarity(a.title, b.title)): { score: number; titleSimilarity: number; sharedGaps: string[] } {
  const gapsA = meaningfulGaps(a.gaps);
  const gapsB = meaningfulGaps(b.gaps);
  const sharedGaps = gapsA.filter((g) => gapsB.includes(g));
  const union = new Set([...gapsA, ...gapsB]).size;
  const gapOverlap = union ? sharedGaps.length / union : 0;
  const samePrimary = gapsA[0] !== undefined && gapsA[0] === gapsB[0] ? 1 : 0;
  const score = 0.65 * title + 0.2 * gapOverlap + 0.15 * samePrimary;
  return { score: Math.round(score * 1000) / 1000, titleSimilarity: title, sharedGaps };
}

export function alignFailures<F extends AlignableFailure>(a: readonly F[], b: readonly F[], options: AlignOptions = {}): Alignment<F> {
  const threshold = options.threshold ?? 0.34;
  const candidates: AlignedPair<F>[] = [];
  const featuresB = b.map((fb) => titleFeatures(fb.title));
  for (const fa of a) {
    const featuresA = titleFeatures(fa.title);
    for (const [j, fb] of b.entries()) {
      const scored = pairScore(fa, fb, featureSimilarity(featuresA, featuresB[j]!));
      // A title that shares nothing is never a pair on gaps alone: two different bugs in one category.
      if (scored.score >= threshold && scored.titleSimilarity >= 0.2) candidates.push({ a: fa, b: fb, ...scored });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.a.number - y.a.number || x.b.number - y.b.number);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const shared: AlignedPair<F>[] = [];
  for (const pair of candidates) {
    if (usedA.has(pair.a.number) || usedB.has(pair.b.number)) continue;
    usedA.add(pair.a.number);
    usedB.add(pair.b.number);
    shared.push(pair);
  }
  shared.sort((x, y) => x.a.number - y.a.number);
  return {
    shared,
    onlyA: a.filter((f) => !usedA.has(f.number)),
    onlyB: b.filter((f) => !usedB.has(f.number)),
  };
}
