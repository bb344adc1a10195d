import { describe, expect, it } from "vitest";
import { describeScoreSource, scoreSource } from "@/lib/scores/score-source";

describe("scoreSource", () => {
  const json = JSON.stringify([
    { value: 6, max: 10, label: "Original Training Quality Score", line: 552, kind: "training" },
    { value: 8, max: 10, label: "Lint Score", line: 600, kind: "lint" },
    { value: 8, max: 10, label: "Updated Training Quality Score", line: 619, kind: "training" },
  ]);

  it("names the training-quality line the score was read from, not another score with the same value", () => {
    expect(scoreSource(json, 8, 10)).toEqual({ label: "Updated Training Quality Score", line: 619 });
    expect(scoreSource(json, 6, 10)).toEqual({ label: "Original Training Quality Score", line: 552 });
  });

  it("falls back to a non-training entry with the same value and scale", () => {
    expect(scoreSource(JSON.stringify([{ value: 85, max: 100, label: "Quality", line: 3, kind: "other" }]), 85, 100)).toEqual({
      label: "Quality",
      line: 3,
    });
  });

  it("is null without a score, a matching entry or valid JSON", () => {
    expect(scoreSource(json, null, null)).toBeNull();
    expect(scoreSource(json, 7, 10)).toBeNull();
    expect(scoreSource(json, 8, 100)).toBeNull();
    expect(scoreSource("not json", 8, 10)).toBeNull();
    expect(scoreSource("[]", 8, 10)).toBeNull();
  });

  it("describes the source for a reader", () => {
    expect(describeScoreSource({ label: "Training Quality Score", line: 433 })).toBe("Training Quality Score, line 433");
    expect(describeScoreSource({ label: "Score", line: null })).toBe("Score");
    expect(describeScoreSource(null)).toBe("label not recorded");
  });
});
