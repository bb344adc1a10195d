import { describe, expect, it } from "vitest";
import { alignFailures, pairScore, titleSimilarity, titleTokens } from "@/lib/compare/align-failures";

describe("titleSimilarity", () => {
  it("is 1 for identical titles and symmetric", () => {
    expect(titleSimilarity("Hardcoded Database Password", "Hardcoded Database Password")).toBe(1);
    expect(titleSimilarity("IAM policy too broad", "Overly broad IAM policies")).toBe(
      titleSimilarity("Overly broad IAM policies", "IAM policy too broad"),
    );
  });

  it("sees through spelling variants and plurals", () => {
    expect(titleTokens("Hard-coded IAM Policies")).toEqual(titleTokens("hardcoded IAM policy"));
    expect(titleSimilarity("Hard-coded database password", "Hardcoded DB Password in Source Code")).toBeGreaterThan(0.4);
  });

  it("is low for unrelated titles", () => {
    expect(titleSimilarity("Missing VPC flow logs", "Lambda timeout too short")).toBeLessThan(0.2);
  });
});

describe("alignFailures", () => {
  const a = [
    { number: 1, title: "Hardcoded database password", gaps: ["secrets-management"] },
    { number: 2, title: "API Gateway authorization set to NONE", gaps: ["authentication"] },
    { number: 3, title: "Wrong CIDR calculation", gaps: ["networking"] },
  ];
  const b = [
    { number: 1, title: "Missing API Gateway authorization", gaps: ["authentication"] },
    { number: 2, title: "Database password hard-coded in stack", gaps: ["secrets-management"] },
    { number: 3, title: "S3 bucket without encryption", gaps: ["encryption"] },
  ];

  it("pairs the same mistakes, whatever their order, and leaves the rest on each side", () => {
    const result = alignFailures(a, b);
    expect(result.shared.map((p) => [p.a.number, p.b.number])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(result.shared[0]?.sharedGaps).toEqual(["secrets-management"]);
    expect(result.onlyA.map((f) => f.number)).toEqual([3]);
    expect(result.onlyB.map((f) => f.number)).toEqual([3]);
  });

  it("never pairs on a shared gap alone", () => {
    const result = alignFailures(
      [{ number: 1, title: "Missing VPC flow logs", gaps: ["networking"] }],
      [{ number: 1, title: "Lambda timeout too short", gaps: ["networking"] }],
    );
    expect(result.shared).toEqual([]);
  });

  it("uses each failure at most once", () => {
    const result = alignFailures(
      [{ number: 1, title: "Bucket not encrypted", gaps: ["encryption"] }],
      [
        { number: 1, title: "Bucket not encrypted", gaps: ["encryption"] },
        { number: 2, title: "Bucket not encrypted at rest", gaps: ["encryption"] },
      ],
    );
    expect(result.shared).toHaveLength(1);
    expect(result.shared[0]?.b.number).toBe(1);
    expect(result.onlyB.map((f) => f.number)).toEqual([2]);
  });

  it("scores a shared primary gap above an unclassified one", () => {
    const withGap = pairScore({ number: 1, title: "x y", gaps: ["iam"] }, { number: 1, title: "x y", gaps: ["iam"] });
    const without = pairScore({ number: 1, title: "x y", gaps: ["unclassified"] }, { number: 1, title: "x y", gaps: ["unclassified"] });
    expect(withGap.score).toBeGreaterThan(without.score);
    expect(without.sharedGaps).toEqual([]);
  });
});
