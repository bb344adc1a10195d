import { describe, expect, it } from "vitest";
import { SEVERITY_RANK as STORE_RANK, SEVERITY_WEIGHT as STORE_WEIGHT } from "@/lib/data/store";
import {
  bySeverity,
  clipSlug,
  failureLoad,
  GAP_ID_PATTERN,
  GRADED_SEVERITIES,
  isGradedSeverity,
  isSeverity,
  PLATFORM_PATTERN,
  SEVERITIES,
  SEVERITY_RANK,
  SEVERITY_WEIGHT,
  severityRank,
  SLUG_PATTERN,
  toSlug,
} from "@/lib/domain";

describe("lib/domain severities", () => {
  it("orders the severities most severe first, graded ones without unknown", () => {
    expect(SEVERITIES).toEqual(["critical", "high", "medium", "low", "unknown"]);
    expect(GRADED_SEVERITIES).toEqual(["critical", "high", "medium", "low"]);
    expect(SEVERITIES.map((s) => SEVERITY_RANK[s])).toEqual([0, 1, 2, 3, 4]);
  });

  it("weighs the failure load critical 8, high 4, medium 2, low 1, unknown 1", () => {
    expect(SEVERITY_WEIGHT).toEqual({ critical: 8, high: 4, medium: 2, low: 1, unknown: 1 });
    expect(failureLoad([{ severity: "critical" }, { severity: "low" }, { severity: "unknown" }])).toBe(10);
  });

  it("agrees with the store's copy (lib/data/store.ts) until the store imports it", () => {
    expect(STORE_RANK).toEqual(SEVERITY_RANK);
    expect(STORE_WEIGHT).toEqual(SEVERITY_WEIGHT);
  });

  it("sorts stored strings that are no severity after every severity", () => {
    expect(["odd", "low", "unknown", "critical"].sort(bySeverity)).toEqual(["critical", "low", "unknown", "odd"]);
    expect(severityRank("odd")).toBe(5);
    expect(isSeverity("unknown")).toBe(true);
    expect(isGradedSeverity("unknown")).toBe(false);
  });
});

describe("lib/domain slugs", () => {
  it("makes lowercase ASCII slugs and clips them at a word boundary", () => {
    expect(toSlug("Café Réport.md")).toBe("cafe-report");
    expect(clipSlug("aws-lambda-timeout-handling", 20)).toBe("aws-lambda-timeout");
  });

  it("takes from URLs what the patterns allow", () => {
    expect(SLUG_PATTERN.test("task_1.2-x")).toBe(true);
    expect(SLUG_PATTERN.test("-x")).toBe(false);
    expect(GAP_ID_PATTERN.test("secrets")).toBe(true);
    expect(GAP_ID_PATTERN.test("Secrets")).toBe(false);
    expect(PLATFORM_PATTERN.test("c# .net")).toBe(true);
    expect(PLATFORM_PATTERN.test("a/b")).toBe(false);
  });
});
