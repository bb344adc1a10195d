// Pairs the failures of two analyses: the same kind of mistake usually shares a knowledge gap and a
// similar title ("Hardcoded DB password" / "Hard-coded database password in source"). Pure and
// deterministic: greedy best-first matching over a pair score, so the same inputs give the same pairs.
//
// Bounded: small comparisons score every A×B pair; above ALIGN_LIMITS.exhaustivePairs the candidates
// of each A failure come from an index over B (same normalized title, then B titles sharing A's rarest
// title words), at most `candidatesPerFailure` are scored and the best `keepPerFailure` kept. Work
// and memory grow with |A|, never with |A|×|B| (two 10k-failure analyses took 235 s and 5 GB before).

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
  /** How the pairs were found and how much scoring it took (tests and the bench read this). */
  work: AlignmentWork;
}

export interface AlignmentWork {
  /** "exhaustive": every A×B pair scored; "indexed": candidates from the title index. */
  mode: "exhaustive" | "indexed";
  scoredPairs: number;
  /** Index postings visited while gathering candidates (0 when exhaustive). */
  postingsVisited: number;
}

export interface AlignLimits {
  /** Up to this many A×B pairs, score them all (exact best-first matching). */
  exhaustivePairs: number;
  /** Indexed mode: B failures scored per A failure. */
  candidatesPerFailure: number;
  /** Indexed mode: best-scoring candidates kept per A failure for the matching. */
  keepPerFailure: number;
  /** Indexed mode: A's rarest title words looked up. */
  wordsPerTitle: number;
  /** Indexed mode: postings read per looked-up word (a word in more B titles is read only this far). */
  postingsPerWord: number;
}

export const ALIGN_LIMITS: AlignLimits = {
  exhaustivePairs: 40_000,
  candidatesPerFailure: 24,
  keepPerFailure: 8,
  wordsPerTitle: 8,
  postingsPerWord: 100,
};

export interface AlignOptions {
  /** Minimum pair score to call two failures the same (default 0.34). */
  threshold?: number;
  limits?: Partial<AlignLimits>;
}

const STOPWORDS = new Set(
  "a an and are as at be by for from has have in into is it its no not of on or the to too uses using via was with without missing incorrect wrong issue".split(
    " ",
  ),
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
  const squashed = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
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
export function pairScore(
  a: AlignableFailure,
  b: AlignableFailure,
  title = titleSimilarity(a.title, b.title),
): { score: number; titleSimilarity: number; sharedGaps: string[] } {
  const gapsA = meaningfulGaps(a.gaps);
  const gapsB = meaningfulGaps(b.gaps);
  const sharedGaps = gapsA.filter((g) => gapsB.includes(g));
  const union = new Set([...gapsA, ...gapsB]).size;
  const gapOverlap = union ? sharedGaps.length / union : 0;
  const samePrimary = gapsA[0] !== undefined && gapsA[0] === gapsB[0] ? 1 : 0;
  const score = 0.65 * title + 0.2 * gapOverlap + 0.15 * samePrimary;
  return { score: Math.round(score * 1000) / 1000, titleSimilarity: title, sharedGaps };
}

/** A title reduced to what makes two titles "the same": its content words, in order. */
function titleKey(title: string): string {
  return titleTokens(title).join(" ");
}

/** A pair that can be taken into the matching: above the threshold and with some title in common. */
function acceptable(scored: { score: number; titleSimilarity: number }, threshold: number): boolean {
  // A title that shares nothing is never a pair on gaps alone: two different bugs in one category.
  return scored.score >= threshold && scored.titleSimilarity >= 0.2;
}

export function alignFailures<F extends AlignableFailure>(a: readonly F[], b: readonly F[], options: AlignOptions = {}): Alignment<F> {
  const threshold = options.threshold ?? 0.34;
  const limits = { ...ALIGN_LIMITS, ...options.limits };
  const featuresB = b.map((fb) => titleFeatures(fb.title));
  const { candidates, work } =
    a.length * b.length <= limits.exhaustivePairs
      ? exhaustiveCandidates(a, b, featuresB, threshold)
      : indexedCandidates(a, b, featuresB, threshold, limits);
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
    work,
  };
}

type Candidates<F extends AlignableFailure> = { candidates: AlignedPair<F>[]; work: AlignmentWork };

function exhaustiveCandidates<F extends AlignableFailure>(
  a: readonly F[],
  b: readonly F[],
  featuresB: TitleFeatures[],
  threshold: number,
): Candidates<F> {
  const candidates: AlignedPair<F>[] = [];
  let scoredPairs = 0;
  for (const fa of a) {
    const featuresA = titleFeatures(fa.title);
    for (const [j, fb] of b.entries()) {
      const scored = pairScore(fa, fb, featureSimilarity(featuresA, featuresB[j]!));
      scoredPairs++;
      if (acceptable(scored, threshold)) candidates.push({ a: fa, b: fb, ...scored });
    }
  }
  return { candidates, work: { mode: "exhaustive", scoredPairs, postingsVisited: 0 } };
}

/** The words and adjacent word pairs of a title that the index files it under. */
function lookupWords(title: string): string[] {
  const words = [...new Set(titleTokens(title))];
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return [...new Set([...words, ...pairs])];
}

/** The `n` entries of `touched` with the most hits (ties: earlier in B first), without a full sort. */
function mostHit(touched: number[], hits: Int32Array, n: number): number[] {
  let max = 0;
  for (const j of touched) max = Math.max(max, hits[j]!);
  const picked: number[] = [];
  // Counting down from the highest hit count; the few high counts are reached first.
  for (let count = max; count > 0 && picked.length < n; count = nextLower(touched, hits, count)) {
    const tier = touched.filter((j) => hits[j] === count).sort((x, y) => x - y);
    picked.push(...tier.slice(0, n - picked.length));
  }
  return picked;
}

function nextLower(touched: number[], hits: Int32Array, below: number): number {
  let next = 0;
  for (const j of touched) if (hits[j]! < below && hits[j]! > next) next = hits[j]!;
  return next;
}

function indexedCandidates<F extends AlignableFailure>(
  a: readonly F[],
  b: readonly F[],
  featuresB: TitleFeatures[],
  threshold: number,
  limits: AlignLimits,
): Candidates<F> {
  // B's index: normalized title → failures; title word and adjacent word pair → failures (in B order).
  // Word pairs ("bucket encryption") stay selective where single words are in thousands of titles.
  const byKey = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  b.forEach((fb, j) => {
    const key = titleKey(fb.title);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(j);
    for (const word of lookupWords(fb.title)) (byWord.get(word) ?? byWord.set(word, []).get(word)!).push(j);
  });
  const hits = new Int32Array(b.length);
  const candidates: AlignedPair<F>[] = [];
  let scoredPairs = 0;
  let postingsVisited = 0;
  for (const fa of a) {
    const featuresA = titleFeatures(fa.title);
    const touched: number[] = [];
    const hit = (j: number, weight: number) => {
      if (hits[j] === 0) touched.push(j);
      hits[j]! += weight;
      postingsVisited++;
    };
    // The same normalized title is the strongest hint: it outweighs any number of shared words.
    for (const j of (byKey.get(titleKey(fa.title)) ?? []).slice(0, limits.candidatesPerFailure)) hit(j, 1000);
    // Rare words say more than common ones ("kms" over "bucket"): look up the rarest first.
    const words = lookupWords(fa.title)
      .filter((w) => byWord.has(w))
      .sort((x, y) => byWord.get(x)!.length - byWord.get(y)!.length || (x < y ? -1 : 1))
      .slice(0, limits.wordsPerTitle);
    for (const word of words) {
      const posting = byWord.get(word)!;
      for (let p = 0; p < posting.length && p < limits.postingsPerWord; p++) hit(posting[p]!, 1);
    }
    const picked = mostHit(touched, hits, limits.candidatesPerFailure);
    for (const j of touched) hits[j] = 0;
    const kept: AlignedPair<F>[] = [];
    for (const j of picked) {
      const fb = b[j]!;
      const scored = pairScore(fa, fb, featureSimilarity(featuresA, featuresB[j]!));
      scoredPairs++;
      if (acceptable(scored, threshold)) kept.push({ a: fa, b: fb, ...scored });
    }
    kept.sort((x, y) => y.score - x.score || x.b.number - y.b.number);
    candidates.push(...kept.slice(0, limits.keepPerFailure));
  }
  return { candidates, work: { mode: "indexed", scoredPairs, postingsVisited } };
}
