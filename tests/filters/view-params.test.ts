import { describe, expect, it } from "vitest";
import {
  ANALYSIS_FORM_DEFAULTS,
  FAILURE_FORM_DEFAULTS,
  parseAnalysisFilters,
  parseDiffMode,
  parseFailureFilters,
} from "@/lib/filters/view-params";
import { formUrl } from "@/lib/filters/form-url";
import { analysesHref, failuresHref } from "@/lib/routes";

describe("parseFailureFilters", () => {
  it("reads comma-joined and repeated values and drops unknown ones", () => {
    const filters = parseFailureFilters({
      severity: ["critical,bogus", "HIGH"],
      gap: "networking,Not A Gap",
      sort: "sideways",
      page: "-2",
    });
    expect(filters).toMatchObject({ severities: ["critical", "high"], gaps: ["networking"], sort: "severity", page: 1 });
  });
});

describe("failuresHref", () => {
  it("round-trips the filter state and leaves defaults out", () => {
    const href = failuresHref({ severities: ["critical", "high"], gaps: ["networking"], q: "engine version", sort: "relevance", page: 1 });
    expect(href).toBe("/failures?severity=critical%2Chigh&gap=networking&q=engine+version");
    // With a query, relevance is the default and any other sort is written.
    expect(failuresHref({ q: "engine", sort: "severity" })).toBe("/failures?q=engine&sort=severity");
    expect(failuresHref({ sort: "severity", platforms: ["aws", "cdk"] })).toBe("/failures?platform=aws%2Ccdk");
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

describe("several platforms, any of them", () => {
  it("reads repeated and comma-joined platforms on both lists; a single one still works", () => {
    expect(parseFailureFilters({ platform: ["Pulumi,cdk", "bad/one"] }).platforms).toEqual(["pulumi", "cdk"]);
    expect(parseAnalysisFilters({ platform: "terraform" }).platforms).toEqual(["terraform"]);
    expect(parseAnalysisFilters({ gap: "secrets" }).gaps).toEqual(["secrets"]);
  });
});

describe("one canonical URL per view", () => {
  const form = (pairs: [string, string][]) => pairs;

  it("leaves default-valued fields out of what the filter form navigates to", () => {
    // What the /analyses form submits untouched: no `warnings=any&sort=date`.
    expect(
      formUrl(
        "/analyses",
        form([
          ["q", ""],
          ["warnings", "any"],
          ["sort", "date"],
          ["dir", ""],
        ]),
        ANALYSIS_FORM_DEFAULTS,
      ),
    ).toBe("/analyses");
    expect(
      formUrl(
        "/analyses",
        form([
          ["severity", "critical"],
          ["severity", "high"],
          ["warnings", "yes"],
          ["sort", "date"],
        ]),
        ANALYSIS_FORM_DEFAULTS,
      ),
    ).toBe("/analyses?severity=critical%2Chigh&warnings=yes");
    // With a query, relevance is the default sort; date is then a choice and is kept.
    expect(
      formUrl(
        "/analyses",
        form([
          ["q", "token"],
          ["sort", "relevance"],
          ["warnings", "any"],
        ]),
        ANALYSIS_FORM_DEFAULTS,
      ),
    ).toBe("/analyses?q=token");
    expect(
      formUrl(
        "/analyses",
        form([
          ["q", "token"],
          ["sort", "date"],
        ]),
        ANALYSIS_FORM_DEFAULTS,
      ),
    ).toBe("/analyses?q=token&sort=date");
    expect(
      formUrl(
        "/failures",
        form([
          ["sort", "severity"],
          ["page", "3"],
          ["platform", "aws"],
          ["platform", "aws"],
        ]),
        FAILURE_FORM_DEFAULTS,
      ),
    ).toBe("/failures?platform=aws");
  });

  it("writes the same URL from the page's own links", () => {
    expect(analysesHref({ q: "token", sort: "relevance", dir: "desc", warnings: "any", page: 1 })).toBe("/analyses?q=token");
    expect(analysesHref({ q: "token", sort: "date", dir: "desc" })).toBe("/analyses?q=token&sort=date");
    expect(parseAnalysisFilters({ q: "token" }).sort).toBe("relevance");
    expect(parseAnalysisFilters({}).sort).toBe("date");
  });
});

describe("parseDiffMode", () => {
  it("falls back to split", () => {
    expect(parseDiffMode({ diff: "unified" })).toBe("unified");
    expect(parseDiffMode({ diff: "sideways" })).toBe("split");
  });
});
