import { describe, expect, it } from "vitest";
import { findOutliers, loadBounds, OUTLIER_RULES, outlierKind, percentileRanks, scoreHistogram } from "@/lib/scores/outliers";

describe("percentileRanks", () => {
  it("spreads distinct values over 0..1 and gives ties the mean rank", () => {
    expect(percentileRanks([1, 2, 3])).toEqual([0, 0.5, 1]);
    expect(percentileRanks([5, 5, 9])).toEqual([0.25, 0.25, 1]);
    expect(percentileRanks([7])).toEqual([0.5]);
    expect(percentileRanks([])).toEqual([]);
  });

  it("agrees with counting smaller and equal values, in any order and with many ties", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
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
    expect(outliers[0]).toMatchObject({ scorePercentile: 1, loadPercentile: 1 });
    expect(outliers[1]).toMatchObject({ scorePercentile: 0, loadPercentile: 0 });
  });

  it("judges scores by absolute thresholds: with a median of 8.5 an 8/10 is not a low score", () => {
    // Twenty analyses scored 8.5–9.5 with middling loads, and one 8/10 with the lightest load of all.
    const many = Array.from({ length: 20 }, (_, i) => ({ slug: `a${i}`, scoreNorm: 8.5 + (i % 3) * 0.5, failureLoad: 10 + i }));
    const points = [...many, { slug: "eight", scoreNorm: 8, failureLoad: 1 }];
    expect(findOutliers(points).map((o) => o.point.slug)).not.toContain("eight");
    // The same light load with a 5/10 is one.
    const low = findOutliers([...many, { slug: "five", scoreNorm: 5, failureLoad: 1 }]);
    expect(low.map((o) => [o.point.slug, o.kind])).toContainEqual(["five", "low-score-light-failures"]);
  });

  it("calls a high score heavy only in the top decile of failure load", () => {
    expect(OUTLIER_RULES).toEqual({ highScore: 8, lowScore: 5, heavyLoadPercentile: 0.9, lightLoadPercentile: 0.25 });
    expect(outlierKind({ scoreNorm: 8, loadPercentile: 0.9 })).toBe("high-score-heavy-failures");
    expect(outlierKind({ scoreNorm: 7.9, loadPercentile: 1 })).toBeNull();
    expect(outlierKind({ scoreNorm: 9, loadPercentile: 0.89 })).toBeNull();
    expect(outlierKind({ scoreNorm: 5, loadPercentile: 0.25 })).toBe("low-score-light-failures");
    expect(outlierKind({ scoreNorm: 5.5, loadPercentile: 0 })).toBeNull();
    // All loads equal: nobody is in the top decile or the bottom quarter.
    expect(findOutliers([9, 9.5, 10, 2, 3].map((scoreNorm) => ({ scoreNorm, failureLoad: 4 })))).toEqual([]);
  });

  it("gives the load bounds of heavy and light for the chart", () => {
    const points = Array.from({ length: 11 }, (_, i) => ({ scoreNorm: 7, failureLoad: i * 10 }));
    expect(loadBounds(points)).toEqual({ heavyFrom: 90, lightUpTo: 20 });
    expect(loadBounds([])).toEqual({ heavyFrom: null, lightUpTo: null });
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
