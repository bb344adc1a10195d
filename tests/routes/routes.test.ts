// Links are a promise: every URL the app emits, pinned byte for byte (including how each one encodes
// a slug or key that needs it). A change here breaks links people have shared.
import { describe, expect, it } from "vitest";
import {
  analysesHref,
  analysisHref,
  apiAnalysisHref,
  apiAnnotationsHref,
  apiCompareOptionsHref,
  apiLocateHref,
  apiShareHref,
  compareHref,
  compareSideHref,
  compareWithHref,
  failureFragment,
  failureHref,
  failuresHref,
  gapsHref,
  scoresForGapHref,
  scoresHref,
  shareHref,
  sharesHref,
  signInHref,
  toQueryString,
} from "@/lib/routes";
import { parseAnalysisFilters, parseFailureFilters } from "@/lib/filters/view-params";
import { parseScoreFilters } from "@/lib/filters/trainer-params";

const odd = "a b/ü?#&,"; // a slug or key no store makes, to pin the encoding

describe("analysis and failure pages", () => {
  it("analysisHref", () => {
    expect(analysisHref("aws-lambda")).toBe("/analyses/aws-lambda");
    expect(analysisHref("aws-lambda", { diff: "split", view: "failures" })).toBe("/analyses/aws-lambda");
    expect(analysisHref("aws-lambda", { diff: "unified" })).toBe("/analyses/aws-lambda?diff=unified");
    expect(analysisHref("aws-lambda", { view: "raw", diff: "unified" })).toBe("/analyses/aws-lambda?view=raw&diff=unified");
    expect(analysisHref("aws-lambda", {}, "#L12")).toBe("/analyses/aws-lambda#L12");
    expect(analysisHref("x", {}, failureFragment("missing-tags"))).toBe("/analyses/x#failure-missing-tags");
    expect(analysisHref(odd)).toBe("/analyses/a%20b%2F%C3%BC%3F%23%26%2C");
  });

  it("failureHref (and a diff line as its hash)", () => {
    expect(failureHref("aws-lambda", "missing-tags")).toBe("/analyses/aws-lambda/failures/missing-tags");
    expect(failureHref("aws-lambda", 7)).toBe("/analyses/aws-lambda/failures/7");
    expect(failureHref("aws-lambda", "k", { diff: "split" })).toBe("/analyses/aws-lambda/failures/k");
    expect(failureHref("aws-lambda", "k", { diff: "unified" }, "#k-m1-L3")).toBe("/analyses/aws-lambda/failures/k?diff=unified#k-m1-L3");
    expect(failureHref(odd, odd)).toBe("/analyses/a%20b%2F%C3%BC%3F%23%26%2C/failures/a%20b%2F%C3%BC%3F%23%26%2C");
    expect(failureFragment(3)).toBe("#failure-3");
  });
});

describe("list views", () => {
  it("failuresHref leaves defaults out", () => {
    expect(failuresHref({})).toBe("/failures");
    expect(failuresHref(parseFailureFilters({}))).toBe("/failures");
    expect(failuresHref({ severities: ["critical", "high"], gaps: ["networking"], q: "engine version", sort: "relevance", page: 1 })).toBe(
      "/failures?severity=critical%2Chigh&gap=networking&q=engine+version",
    );
    expect(failuresHref({ platforms: ["aws", "c# .net"], sort: "recent", page: 3 })).toBe(
      "/failures?platform=aws%2Cc%23+.net&sort=recent&page=3",
    );
    expect(failuresHref(parseFailureFilters({ gap: "iam", review: "disputed", mine: "reviewed", tag: "x", reviewer: "ann" }))).toBe(
      "/failures?gap=iam&review=disputed&mine=reviewed&tag=x&reviewer=ann",
    );
  });

  it("analysesHref leaves defaults out, dir only when not the sort's own", () => {
    expect(analysesHref({})).toBe("/analyses");
    expect(analysesHref(parseAnalysisFilters({}))).toBe("/analyses");
    expect(analysesHref({ warnings: "yes" })).toBe("/analyses?warnings=yes");
    expect(
      analysesHref(parseAnalysisFilters({ q: "iam", severity: "critical", min: "2", max: "8", sort: "score", dir: "asc", page: "2" })),
    ).toBe("/analyses?q=iam&severity=critical&min=2&max=8&sort=score&dir=asc&page=2");
    expect(analysesHref({ q: "iam", sort: "relevance", dir: "desc" })).toBe("/analyses?q=iam");
  });

  it("scoresHref", () => {
    expect(scoresHref(parseScoreFilters({}))).toBe("/scores");
    expect(scoresHref(parseScoreFilters({ gap: "secrets", sort: "load", audit: "count-mismatch", page: "2" }))).toBe(
      "/scores?gap=secrets&audit=count-mismatch&sort=load&page=2",
    );
    expect(scoresForGapHref("secrets")).toBe("/scores?gap=secrets");
    expect(scoresForGapHref(odd)).toBe("/scores?gap=a%20b%2F%C3%BC%3F%23%26%2C");
  });

  it("gapsHref", () => {
    expect(gapsHref("failures")).toBe("/gaps");
    expect(gapsHref("analyses")).toBe("/gaps?sort=analyses");
  });

  it("toQueryString", () => {
    expect(toQueryString({ a: undefined, b: null, c: "", d: [], e: 1 }, { e: 1 })).toBe("");
    expect(toQueryString({ s: ["x", "y"], n: 2, t: "a b" })).toBe("?s=x%2Cy&n=2&t=a+b");
  });
});

describe("compare", () => {
  it("compareHref keeps commas readable", () => {
    expect(compareHref("one", "two")).toBe("/compare?a=one&b=two");
    expect(compareHref("one", "two", { open: "k1,k2", diff: "unified" })).toBe("/compare?a=one&b=two&open=k1,k2&diff=unified");
    expect(compareHref(odd, "b")).toBe("/compare?a=a+b%2F%C3%BC%3F%23%26,&b=b");
    expect(compareHref("one", "two", { open: "k1" }, "#pair-k1")).toBe("/compare?a=one&b=two&open=k1#pair-k1");
  });

  it("compareWithHref and compareSideHref encode as encodeURIComponent", () => {
    expect(compareWithHref("one")).toBe("/compare?a=one");
    expect(compareWithHref("one", "two")).toBe("/compare?a=one&b=two");
    expect(compareWithHref(odd, odd)).toBe("/compare?a=a%20b%2F%C3%BC%3F%23%26%2C&b=a%20b%2F%C3%BC%3F%23%26%2C");
    expect(compareSideHref("b", "two")).toBe("/compare?b=two");
    expect(compareSideHref("a", odd)).toBe("/compare?a=a%20b%2F%C3%BC%3F%23%26%2C");
  });
});

describe("sign-in, shares, API", () => {
  it("signInHref", () => {
    expect(signInHref("/analyses/x")).toBe("/sign-in?next=%2Fanalyses%2Fx");
    expect(signInHref(analysisHref("x", {}, failureFragment("k")))).toBe("/sign-in?next=%2Fanalyses%2Fx%23failure-k");
    expect(signInHref("/failures?q=a b", "invalid")).toBe("/sign-in?error=invalid&next=%2Ffailures%3Fq%3Da%20b");
    expect(signInHref("/", "missing")).toBe("/sign-in?error=missing&next=%2F");
  });

  it("shares", () => {
    expect(sharesHref("x", "k")).toBe("/shares?analysis=x&failure=k");
    expect(sharesHref(odd, odd)).toBe("/shares?analysis=a%20b%2F%C3%BC%3F%23%26%2C&failure=a%20b%2F%C3%BC%3F%23%26%2C");
    expect(shareHref("AbC_-1")).toBe("/s/AbC_-1");
  });

  it("API paths", () => {
    expect(apiAnalysisHref("x")).toBe("/api/analyses/x");
    expect(apiAnalysisHref(odd, "?format=json")).toBe("/api/analyses/a%20b%2F%C3%BC%3F%23%26%2C?format=json");
    expect(apiLocateHref("x", "failure-k")).toBe("/api/analyses/x/locate?fragment=failure-k");
    expect(apiAnnotationsHref("x", "k 1")).toBe("/api/annotations?analysis=x&failure=k%201");
    expect(apiShareHref(12)).toBe("/api/shares?id=12");
    expect(apiCompareOptionsHref(new URLSearchParams({ q: "a b", limit: "8" }))).toBe("/api/compare/options?q=a+b&limit=8");
  });
});
