import { describe, expect, it } from "vitest";
import { analysesHref, failuresHref, parseAnalysisFilters, parseDiffMode, parseFailureFilters } from "@/lib/filters/view-params";

describe("parseFailureFilters", () => {
  it("reads comma-joined and repeated values and drops unknown ones", () => {
    const filters = parseFailureFilters({ severity: ["critical,bogus", "HIGH"], gap: "networking,Not A Gap", sort: "sideways", page: "-2" });
    expect(filters).toMatchObject({ severities: ["critical", "high"], gaps: ["networking"], sort: "severity", page: 1 });
  });
});

describe("failuresHref", () => {
  it("round-trips the filter state and leaves defaults out", () => {
    const href = failuresHref({ severities: ["critical", "high"], gaps: ["networking"], q: "engine version", sort: "severity", page: 1 });
    expect(href).toBe("/failures?severity=critical%2Chigh&gap=networking&q=engine+version");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseFailureFilters(params)).toMatchObject({ severities: ["critical", "high"], gaps: ["networking"], q: "engine version" });
  });
});

describe("parseAnalysisFilters", () => {
  it("swaps a reversed score range and picks each sort's natural direction", () => {
    expect(parseAnalysisFilters({ min: "9", max: "3", sort: "title" })).toMatchObject({ minScore: 3, maxScore: 9, dir: "asc" });
    expect(parseAnalysisFilters({ sort: "score", dir: "up", warnings: "maybe" })).toMatchObject({ dir: "desc", warnings: "any" });
  });

  it("keeps only non-default state in the URL", () => {
    expect(analysesHref({ sort: "score", dir: "desc", warnings: "any", page: 1 })).toBe("/analyses?sort=score");
    expect(analysesHref({ sort: "score", dir: "asc", warnings: "yes" })).toBe("/analyses?warnings=yes&sort=score&dir=asc");
  });
});

describe("parseDiffMode", () => {
  it("falls back to split", () => {
    expect(parseDiffMode({ diff: "unified" })).toBe("unified");
    expect(parseDiffMode({ diff: "sideways" })).toBe("split");
  });
});
