// Compare at scale: two analyses with thousands of similar failures must align with bounded work
// (two 10k-failure analyses once scored all 100M pairs: 235 s, 5 GB, the server died).
import { describe, expect, it } from "vitest";
import { ALIGN_LIMITS, alignFailures, type AlignableFailure } from "@/lib/compare/align-failures";

/** Deterministic pseudo-random numbers (LCG), so a failing run can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A vocabulary of made-up words ("kalomi", "torvepel"…): titles built from it share words by chance only. */
function vocabulary(size: number): string[] {
  const syllables = ["ka", "lo", "mi", "ve", "tor", "shi", "ran", "du", "pel", "qua", "zen", "bri"];
  // Word i spells i in base 12, three syllables at least: all distinct.
  return Array.from({ length: size }, (_, i) => {
    const digits: string[] = [];
    for (let n = i + 144; n > 0; n = Math.floor(n / 12)) digits.push(syllables[n % 12]!);
    return digits.join("");
  });
}

const GAPS = ["iam", "networking", "encryption", "secrets", "logging", "reliability"];

describe("alignFailures at scale", () => {
  it("pairs 6,000 reworded failures with their counterparts while scoring under 1% of the pairs", () => {
    const rnd = random(7);
    const words = vocabulary(3_000);
    const pick = () => words[Math.floor(rnd() * words.length)]!;
    const n = 6_000;
    const a: AlignableFailure[] = Array.from({ length: n }, (_, i) => ({
      number: i + 1,
      title: Array.from({ length: 4 + Math.floor(rnd() * 3) }, pick).join(" "),
      gaps: [GAPS[i % GAPS.length]!],
    }));
    // B: the same failures reworded (one word dropped, case changed) in another order, plus 1,000 others.
    const reworded = a.map((f) => {
      const titleWords = f.title.split(" ");
      titleWords.splice(Math.floor(rnd() * titleWords.length), 1);
      return { title: titleWords.join(" ").toUpperCase(), gaps: f.gaps, from: f.number };
    });
    const others = Array.from({ length: 1_000 }, () => ({ title: Array.from({ length: 5 }, pick).join(" "), gaps: ["cost"], from: 0 }));
    const shuffled = [...reworded, ...others]
      .map((f) => ({ f, key: rnd() }))
      .sort((x, y) => x.key - y.key)
      .map(({ f }) => f);
    const b = shuffled.map((f, i) => ({ number: i + 1, title: f.title, gaps: f.gaps, from: f.from }));

    const result = alignFailures(a, b);

    const expected = new Map(b.filter((f) => f.from).map((f) => [f.from, f.number]));
    const pairedRight = result.shared.filter((p) => expected.get(p.a.number) === p.b.number).length;
    expect(pairedRight).toBe(n);
    expect(result.onlyA).toEqual([]);
    expect(result.onlyB).toHaveLength(1_000);
    expect(result.work.mode).toBe("indexed");
    expect(result.work.scoredPairs).toBeLessThanOrEqual(n * ALIGN_LIMITS.candidatesPerFailure);
    expect(result.work.scoredPairs).toBeLessThan(0.01 * a.length * b.length);
  });

  it("keeps work linear when 10,000 × 10,000 titles share a tiny vocabulary, and still pairs identical titles", () => {
    const rnd = random(11);
    const words = ["bucket", "encryption", "policy", "role", "lambda", "timeout", "subnet", "secret", "logging", "queue", "backup", "port"];
    const title = () => Array.from({ length: 3 + Math.floor(rnd() * 3) }, () => words[Math.floor(rnd() * words.length)]).join(" ");
    const n = 10_000;
    const a = Array.from({ length: n }, (_, i) => ({ number: i + 1, title: title(), gaps: [GAPS[i % GAPS.length]!] }));
    const b = Array.from({ length: n }, (_, i) => ({ number: i + 1, title: title(), gaps: [GAPS[i % GAPS.length]!] }));
    // A few unmistakable twins among the noise.
    const twins: [number, string][] = [
      [17, "Quorvath zintel drift"],
      [4_242, "Mabrex olunda leak"],
      [9_999, "Sefrit wannoc stall"],
    ];
    for (const [k, twin] of twins) {
      a[k - 1] = { number: k, title: twin, gaps: ["iam"] };
      b[n - k] = { number: n - k + 1, title: twin.toLowerCase(), gaps: ["iam"] };
    }

    const result = alignFailures(a, b);

    expect(result.work.scoredPairs).toBeLessThanOrEqual(n * ALIGN_LIMITS.candidatesPerFailure);
    expect(result.work.postingsVisited).toBeLessThanOrEqual(
      n * (ALIGN_LIMITS.candidatesPerFailure + ALIGN_LIMITS.wordsPerTitle * ALIGN_LIMITS.postingsPerWord),
    );
    for (const k of [17, 4_242, 9_999]) expect(result.shared.find((p) => p.a.number === k)?.b.number).toBe(n - k + 1);
    // Every failure is accounted for exactly once.
    expect(result.shared.length + result.onlyA.length).toBe(n);
    expect(result.shared.length + result.onlyB.length).toBe(n);
  });

  it("scores every pair of small analyses, as before", () => {
    const a = Array.from({ length: 50 }, (_, i) => ({ number: i + 1, title: `Bucket ${i} not encrypted`, gaps: ["encryption"] }));
    const result = alignFailures(a, [...a].reverse());
    expect(result.work).toEqual({ mode: "exhaustive", scoredPairs: 2_500, postingsVisited: 0 });
    expect(result.shared.every((p) => p.a.title === p.b.title)).toBe(true);
  });
});
