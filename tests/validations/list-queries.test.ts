import { describe, expect, it } from "vitest";
import { analysisQuerySchema, BadRequestError, compareQuerySchema, failureQuerySchema, parseQuery } from "@/lib/validations/list-queries";
import { exportHref } from "@/lib/export/export-href";

const q = (text: string) => new URLSearchParams(text);

describe("parseQuery", () => {
  it("accepts repeated and comma-joined lists, case-insensitive severities", () => {
    expect(parseQuery(failureQuerySchema, q("severity=critical&severity=HIGH,low&gap=iam&page=2"))).toEqual({
      severity: ["critical", "high", "low"],
      gap: ["iam"],
      page: 2,
    });
  });

  it("names the parameter and the allowed values in its error", () => {
    expect(() => parseQuery(failureQuerySchema, q("severity=urgent"))).toThrow(
      /Parameter "severity": unknown severity "urgent" \(use critical, high/,
    );
    expect(() => parseQuery(failureQuerySchema, q("pageSize=201"))).toThrow(/"pageSize": must be at most 200/);
    expect(() => parseQuery(analysisQuerySchema, q("min=abc"))).toThrow(/"min": must be a number from 0 to 10/);
    expect(() => parseQuery(analysisQuerySchema, q("sort=size"))).toThrow(
      /"sort": "size" is not one of relevance, date, score, critical, title/,
    );
    expect(() => parseQuery(failureQuerySchema, q("platform=a/b"))).toThrow(/"platform": "a\/b" is not a platform name/);
  });

  it("takes several platforms, any of them, and a single one as before", () => {
    expect(parseQuery(failureQuerySchema, q("platform=AWS,cdk&platform=pulumi"))).toEqual({ platform: ["aws", "cdk", "pulumi"] });
    expect(parseQuery(analysisQuerySchema, q("platform=terraform"))).toEqual({ platform: ["terraform"] });
  });

  it("lower-cases platforms and tags but keeps gap ids and reviewer names as written", () => {
    expect(parseQuery(failureQuerySchema, q("tag=Flaky,flaky&reviewer=Ada, Bob"))).toEqual({ tag: ["flaky"], reviewer: ["Ada", "Bob"] });
    expect(() => parseQuery(failureQuerySchema, q("gap=IAM"))).toThrow(/"gap": "IAM" is not a knowledge-gap id/);
    expect(() => parseQuery(failureQuerySchema, q("reviewer=a\u0001b"))).toThrow(/"reviewer": ".*" is not a reviewer name/);
  });

  it("rejects unknown parameters so a typo never returns unfiltered data", () => {
    expect(() => parseQuery(failureQuerySchema, q("severtiy=critical"))).toThrow(BadRequestError);
    expect(() => parseQuery(failureQuerySchema, q("severtiy=critical"))).toThrow(/Unknown parameter "severtiy"/);
    expect(() => parseQuery(failureQuerySchema, q("severtiy=critical"))).toThrow(expect.objectContaining({ field: "severtiy" }));
    expect(() => parseQuery(failureQuerySchema, q("pageSize=201"))).toThrow(expect.objectContaining({ field: "pageSize" }));
  });

  it("requires both sides of a comparison", () => {
    expect(() => parseQuery(compareQuerySchema, q("a=x"))).toThrow(/"b": is required/);
    expect(parseQuery(compareQuerySchema, q("a=x&b=y&format=csv"))).toEqual({ a: "x", b: "y", format: "csv" });
  });
});

describe("exportHref", () => {
  it("forwards only the list's filters, never paging or view params", () => {
    expect(exportHref("failures", { severity: ["critical", "high"], gap: "iam", page: "3", diff: "unified", q: " " }, "csv")).toBe(
      "/api/failures?severity=critical%2Chigh&gap=iam&format=csv",
    );
    expect(exportHref("scores", { min: "7", audit: "no-score", sort: "load" }, "json")).toBe(
      "/api/scores?min=7&audit=no-score&sort=load&download=1",
    );
    // The outlier filter of /scores reaches its export (the download holds the rows on screen).
    expect(exportHref("scores", { outlier: "high-heavy" }, "csv")).toBe("/api/scores?outlier=high-heavy&format=csv");
  });
});
