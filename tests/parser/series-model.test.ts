// The series model: the committed weights decide like the rule they were searched against, and
// the explanation names each feature's part.
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL, judgeSeries, referenceRule, thresholdModel, type SeriesCandidate } from "@/lib/parser/series-model";

const candidate = (items: number, stating: number, least = 2): SeriesCandidate => ({
  recognizer: "list-series",
  items,
  stating,
  least,
  named: false,
  titles: [],
});

describe("series model", () => {
  it("the committed model is a fitted threshold with a note saying how it was chosen", () => {
    expect(DEFAULT_MODEL.features).toEqual(["share", "enough"]);
    expect(DEFAULT_MODEL.note).toMatch(/fit-series/);
  });

  it("a threshold of 0.6 decides like the reference rule", () => {
    const model = thresholdModel(0.6);
    for (let items = 0; items <= 12; items++)
      for (let stating = 0; stating <= items; stating++)
        for (const least of [1, 2]) {
          const c = candidate(items, stating, least);
          expect(judgeSeries(c, { model }).taken, `${stating}/${items} least ${least}`).toBe(referenceRule(c));
        }
  });

  it("explains the probability and each feature's part, and a collector sees every candidate", () => {
    expect(judgeSeries(candidate(4, 3), { model: thresholdModel(0.6) }).why).toMatch(
      /^p=1\.00: bias -80\.0, share 0\.75 \(\+37\.5\), enough 1\.00 \(\+50\.0\)$/,
    );
    const seen: SeriesCandidate[] = [];
    expect(judgeSeries(candidate(5, 1), { collect: (c) => seen.push(c) }).taken).toBe(false);
    expect(seen).toHaveLength(1);
  });
});
