// The series rules: later parts of a report that group, count, summarise fixes or describe the ideal
// response are not more failures; each rule keeps the same items when the document has no detailed
// series elsewhere.
import { describe, expect, it } from "vitest";
import { parseAnalysis } from "@/lib/parser";
import { SERIES_RULES } from "@/lib/parser/series-rules";

const titles = (markdown: string) => parseAnalysis(markdown).failures.map((f) => f.title);

const detailed =
  "# Failures\n\n## Issues\n\n### Issue 1: Open Port\n\n**Severity**: High\n\nPort 22 is open to the world.\n\n" +
  "### Issue 2: Plain Bucket\n\n**Severity**: Medium\n\nThe bucket is not encrypted.\n\n";

describe("series rules", () => {
  it("every rule has an id, a summary and an example", () => {
    const ids = SERIES_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SERIES_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(rule.summary.length).toBeGreaterThan(20);
      expect(rule.example.length).toBeGreaterThan(10);
    }
  });

  it("drops a tally of levels and headings naming a level's group", () => {
    const doc = `${detailed}## Failure Count\n\n- **Critical**: 0\n- **High**: 1\n\n## Assessment of Failures\n\n### High Impact Failures (Security):\n1. open port\n`;
    expect(titles(doc)).toEqual(["Open Port", "Plain Bucket"]);
  });

  it("keeps a level word inside a real title", () => {
    const doc =
      "# Failures\n\n## Issues\n\n### 1. Critical Path Without Retries\n\n**Issue**: no retry.\n\n### 2. Low Memory Limit\n\n**Issue**: 128 MB.\n";
    expect(titles(doc)).toEqual(["Critical Path Without Retries", "Low Memory Limit"]);
  });

  it("drops items of a fix summary that state nothing of their own, only when failures are detailed elsewhere", () => {
    const fixes = "## Required Fixes\n\n1. **Close the Port**\n2. **Encrypt the Bucket**\n";
    expect(titles(`${detailed}${fixes}`)).toEqual(["Open Port", "Plain Bucket"]);
    // Alone, the fix list is all the document says: kept.
    expect(titles(`# Failures\n\n${fixes.replace("Required Fixes", "Issues to Fix")}`)).toEqual(["Close the Port", "Encrypt the Bucket"]);
  });

  it("keeps fix-section items with sides of their own", () => {
    const doc = `${detailed}## Critical Issues Fixed\n\n### 3. Missing Alarm\n\n**Model Response**: no alarm.\n\n**Ideal Response**: an alarm on errors.\n`;
    expect(titles(doc)).toEqual(["Open Port", "Plain Bucket", "Missing Alarm"]);
  });

  it("drops a section about the ideal response alone when failures are listed elsewhere", () => {
    const ideal =
      "## Why the Ideal Response Is Better\n\n### 1. Proper Imports\n\n**Ideal Response**: per-module imports.\n\n**Model Response**: one import.\n\n";
    expect(titles(`# Comparison\n\n${ideal}${detailed.replace("# Failures\n\n", "")}`)).toEqual(["Open Port", "Plain Bucket"]);
  });
});
