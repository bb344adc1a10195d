import { describe, expect, it } from "vitest";
import { auditCounts } from "@/lib/scores/count-audit";

const found = (critical: number, high: number, medium = 0, low = 0) => ({ critical, high, medium, low });

describe("auditCounts", () => {
  it("does not blame the document for items the parser could not grade", () => {
    // "declared 3 high, found 0" where the three are items left with unknown severity.
    const audit = auditCounts({ critical: null, high: 3, medium: null, low: null }, found(0, 0), 3);
    expect(audit.differences).toEqual([{ severity: "high", declared: 3, found: 0 }]);
    expect(audit.explainedByUngraded).toBe(true);
  });

  it("blames the document when its counts disagree with the items it lists", () => {
    expect(auditCounts({ critical: 2, high: 1, medium: null, low: null }, found(0, 1), 0).explainedByUngraded).toBe(false);
    // More found than declared: ungraded items cannot explain that.
    expect(auditCounts({ critical: 1, high: null, medium: null, low: null }, found(3, 0), 5).explainedByUngraded).toBe(false);
    // Too few ungraded items to cover the shortfall.
    expect(auditCounts({ critical: 2, high: 2, medium: null, low: null }, found(0, 0), 3).explainedByUngraded).toBe(false);
  });

  it("finds nothing when counts agree or none are declared", () => {
    expect(auditCounts({ critical: 1, high: 2, medium: 0, low: null }, found(1, 2, 0, 7), 4)).toEqual({
      differences: [],
      explainedByUngraded: false,
    });
    expect(auditCounts(null, found(1, 1), 0)).toEqual({ differences: [], explainedByUngraded: false });
  });
});
