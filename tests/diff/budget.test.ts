// Diff budgets: pathological blocks once froze every view (one 8,000-word line per side: 73.6 s of
// word diff; 12,000 differing lines per side: 65 s and a 20 MB page). The work done is counted by
// wrapping jsdiff, so these tests measure operations and output size, never wall time.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DiffRow } from "@/lib/diff/align";

const calls = { words: 0, wordChars: 0, arrays: 0, arrayLines: 0, maxEdit: [] as (number | undefined)[] };
vi.mock("diff", async (importOriginal) => {
  const real = await importOriginal<typeof import("diff")>();
  return {
    ...real,
    diffWordsWithSpace: ((a: string, b: string, options?: { maxEditLength?: number }) => {
      calls.words++;
      calls.wordChars += a.length + b.length;
      return real.diffWordsWithSpace(a, b, options as never);
    }) as typeof real.diffWordsWithSpace,
    diffArrays: ((a: string[], b: string[], options?: { maxEditLength?: number }) => {
      calls.arrays++;
      calls.arrayLines += a.length + b.length;
      calls.maxEdit.push(options?.maxEditLength);
      return real.diffArrays(a, b, options as never);
    }) as typeof real.diffArrays,
  };
});

const { alignBounded, DIFF_BUDGET } = await import("@/lib/diff/align");
const { diffLimitMessage, singleBlockLimit } = await import("@/lib/diff/limit-message");

const words = (n: number, step: number) => Array.from({ length: n }, (_, i) => `w${(i * step) % 997}`).join(" ");
const htmlSize = (rows: DiffRow[]) =>
  rows.reduce((sum, row) => sum + ("left" in row ? row.left.html.length : 0) + ("right" in row ? row.right.html.length : 0), 0);

beforeEach(() => {
  Object.assign(calls, { words: 0, wordChars: 0, arrays: 0, arrayLines: 0, maxEdit: [] });
});

describe("diff budgets", () => {
  it("shows one 8,000-word line per side as a line diff, without running the word diff", () => {
    const { rows, limits } = alignBounded({ text: [words(8_000, 7)] }, { text: [words(8_000, 13)] });
    expect(calls.words).toBe(0);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe("change");
    expect(rows[0]?.kind === "change" && rows[0].left.html).not.toContain("<mark");
    expect(diffLimitMessage(limits)).toBe("Diff too large for word marks — showing a line diff for 1 changed line.");
  });

  it("diffs at most 2,000 lines per side of 12,000 differing lines, builds 1,000 rows and says so", () => {
    const left = Array.from({ length: 12_000 }, (_, i) => `left ${i} ${i * 7}`);
    const right = Array.from({ length: 12_000 }, (_, i) => `right ${i} ${i * 13}`);
    const { rows, limits } = alignBounded({ text: left }, { text: right });
    expect(calls.arrays).toBe(1);
    expect(calls.arrayLines).toBe(2 * DIFF_BUDGET.maxLines);
    expect(calls.maxEdit).toEqual([DIFF_BUDGET.maxEditLines]);
    expect(rows).toHaveLength(DIFF_BUDGET.maxRows);
    expect(calls.wordChars).toBeLessThanOrEqual(DIFF_BUDGET.wordDiffChars + 2 * DIFF_BUDGET.maxWordDiffChars);
    expect(htmlSize(rows)).toBeLessThan(300_000);
    expect(limits).toMatchObject({ unaligned: true, shownRows: 1_000, totalRows: 12_000 });
    expect(diffLimitMessage(limits)).toBe(
      "Diff too large — more than 400 lines differ, so the two sides are shown line by line without alignment. " +
        "Showing the first 1,000 of 12,000 lines; the raw Markdown has them all.",
    );
  });

  it("stops word marks once a block has word-diffed its budget of characters", () => {
    const left = Array.from({ length: 150 }, (_, i) => `resource "aws_s3_bucket" "b${i}" { acl = "private" ${"x".repeat(150)} }`);
    const right = left.map((line) => line.replace('"private"', '"public-read"'));
    const { rows, limits } = alignBounded({ text: left }, { text: right });
    expect(rows).toHaveLength(150);
    expect(limits.unaligned).toBe(false);
    expect(calls.wordChars).toBeLessThanOrEqual(DIFF_BUDGET.wordDiffChars + 2 * DIFF_BUDGET.maxWordDiffChars);
    expect(limits.unmarkedPairs).toBeGreaterThan(0);
    // The first changed lines still get their word marks.
    expect(rows[0]?.kind === "change" && rows[0].right.html).toContain('<mark class="diff-word-added">');
    expect(diffLimitMessage(limits)).toMatch(/^Diff too large for word marks — showing a line diff for \d+ changed lines\.$/);
  });

  it("caps a block without a counterpart at 1,000 lines", () => {
    expect(singleBlockLimit(500_000)).toEqual({
      shown: 1_000,
      message: "Showing the first 1,000 of 500,000 lines; the raw Markdown has them all.",
    });
    expect(singleBlockLimit(40)).toEqual({ shown: 40, message: null });
  });

  it("leaves ordinary diffs whole and says nothing", () => {
    const { rows, limits } = alignBounded({ text: ["a = 1", "b = 2", "c = 3"] }, { text: ["a = 1", "b = 3", "c = 3"] });
    expect(rows.map((r) => r.kind)).toEqual(["same", "change", "same"]);
    expect(diffLimitMessage(limits)).toBeNull();
  });
});
