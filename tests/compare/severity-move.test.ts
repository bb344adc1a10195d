import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

describe("severityMove", () => {
  it("tells more and less severe in B apart, and an unknown side from both", async () => {
    const { severityMove } = await import("@/lib/compare/compare-analyses");
    expect(severityMove("high", "critical")).toBe("worse");
    expect(severityMove("critical", "low")).toBe("better");
    expect(severityMove("medium", "medium")).toBe("same");
    expect(severityMove("unknown", "critical")).toBe("ungraded");
    expect(severityMove("low", "unknown")).toBe("ungraded");
  });
});

describe("rankClosest", () => {
  it("orders same task, then same platform, then gap overlap", async () => {
    const { rankClosest } = await import("@/lib/compare/closest");
    const ranked = rankClosest({ taskId: "t1", platform: "cdk", gapCount: 4 }, [
      { slug: "far", taskId: null, platform: "pulumi", sharedGaps: 4, gapCount: 4 },
      { slug: "near", taskId: null, platform: "cdk", sharedGaps: 1, gapCount: 8 },
      { slug: "nearer", taskId: null, platform: "cdk", sharedGaps: 3, gapCount: 3 },
      { slug: "twin", taskId: "t1", platform: "pulumi", sharedGaps: 0, gapCount: 2 },
    ]);
    expect(ranked.map((r) => r.slug)).toEqual(["twin", "nearer", "near", "far"]);
    expect(ranked[1]!.similarity).toBe(0.75);
    expect(
      rankClosest({ taskId: null, platform: null, gapCount: 0 }, [
        { slug: "x", taskId: null, platform: null, sharedGaps: 0, gapCount: 0 },
      ])[0],
    ).toMatchObject({
      sameTask: false,
      samePlatform: false,
      similarity: 0,
    });
  });
});
