// Facet values are listed in one total order (count, label, value), so both engines show the same
// list whatever order their rows came back in (e2e picks "the first four gaps" on /scores).
import { describe, expect, it } from "vitest";
import { byCount, facetValues } from "../../lib/search/facets";

describe("facet order", () => {
  it("breaks equal counts by label, then by value, whatever order the rows came in", () => {
    const gapRows = [
      { id: "zeta", label: "Same" },
      { id: "alpha", label: "Same" },
      { id: "beta", label: "Beta" },
      { id: "many", label: "Many" },
    ];
    const counts = {
      severity: new Map<string, number>(),
      platform: new Map([
        ["web", 2],
        ["cli", 2],
        ["api", 5],
      ]),
      gap: new Map([
        ["zeta", 2],
        ["alpha", 2],
        ["beta", 2],
        ["many", 9],
      ]),
    };
    const none = { severities: [], gaps: [], platforms: [] };
    const forward = facetValues(counts, none, gapRows);
    const backward = facetValues(
      { ...counts, gap: new Map([...counts.gap].reverse()), platform: new Map([...counts.platform].reverse()) },
      none,
      [...gapRows].reverse(),
    );
    expect(forward.gap.map((g) => g.value)).toEqual(["many", "beta", "alpha", "zeta"]);
    expect(backward.gap).toEqual(forward.gap);
    expect(forward.platform.map((p) => p.value)).toEqual(["api", "cli", "web"]);
    expect(backward.platform).toEqual(forward.platform);
  });

  it("is a total order", () => {
    const v = (value: string, label: string, count: number) => ({ value, label, count, selected: false });
    expect(byCount(v("a", "X", 1), v("b", "X", 1))).toBeLessThan(0);
    expect(byCount(v("b", "X", 1), v("a", "X", 1))).toBeGreaterThan(0);
    expect(byCount(v("a", "X", 1), v("a", "X", 1))).toBe(0);
  });
});
