import { describe, expect, it } from "vitest";
import { findOutliers, percentileRanks, scoreHistogram } from "@/lib/scores/outliers";

describe("percentileRanks", () => {
  it("spreads distinct values over 0..1 and gives ties the mean rank", () => {
    expect(percentileRanks([1, 2, 3])).toEqual([0, 0.5, 1]);
    expect(percentileRanks([5, 5, 9])).toEqual([0.25, 0.25, 1]);
    expect(percentileRanks([7])).toEqual([0.5]);
    expect(percentileRanks([])).toEqual([]);
  });

  it("agrees with counting smaller and equal values, in any order and with many ties", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => Math.floor(random() * 8) / 2);
      const counted = values.map((v) => {
        const less = values.filter((w) => w < v).length;
        const equal = values.filter((w) => w === v).length;
        return values.length === 1 ? 0.5 : (less + (equal - 1) / 2) / (values.length - 1);
      });
      expect(percentileRanks(values)).toEqual(counted);
    }
  });
});

describe("findOutliers", () => {
  const points = [
    { slug: "consistent-good", scoreNorm: 9, failureLoad: 2 },
    { slug: "consistent-bad", scoreNorm: 3, failureLoad: 40 },
    { slug: "middle", scoreNorm: 6, failureLoad: 12 },
    { slug: "high-but-heavy", scoreNorm: 9.5, failureLoad: 48 },
    { slug: "low-but-light", scoreNorm: 2, failureLoad: 1 },
  ];

  it("lists high scores with heavy failures and low scores with light ones, strongest first", () => {
    const outliers = findOutliers(points);
    expect(outliers.map((o) => [o.point.slug, o.kind])).toEqual([
      ["high-but-heavy", "high-score-heavy-failures"],
      ["low-but-light", "low-score-light-failures"],
    ]);
    expect(outliers[0]?.disagreement).toBe(1);
    expect(outliers[1]?.disagreement).toBe(-1);
  });

  it("finds nothing when there are too few scored analyses to rank", () => {
    expect(findOutliers(points.slice(0, 3))).toEqual([]);
  });
});

describe("scoreHistogram", () => {
  it("bins whole points and puts 10 in the last bin", () => {
    const bins = scoreHistogram([0, 0.5, 9.9, 10, 5]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toBe(2);
    expect(bins[5]).toBe(1);
    expect(bins[9]).toBe(2);
  });
});
