// Named behaviours of parseAnalysis, each on a small invented document.
import { describe, expect, it } from "vitest";
import { classifyGaps, createTaxonomy, parseAnalysis, unclassifiedShare } from "@/lib/parser";
import { loadGapsFile } from "@/lib/ingest/taxonomy-file";

const analysis = (body: string) => `# Model Response Failures Analysis\n\n${body}`;

describe("parseAnalysis", () => {
  it("takes the item's Impact Level over the section heading", () => {
    const record = parseAnalysis(
      analysis("## Critical Failures\n\n### 1. Slow Query\n\n**Impact Level**: Medium\n\n**MODEL_RESPONSE Issue**: No index.\n"),
    );
    expect(record.failures[0]?.severity).toBe("medium");
    expect(record.warnings.map((w) => w.code)).toContain("severity-mismatch");
  });

  it("falls back to the section heading, then to unknown", () => {
    const record = parseAnalysis(
      analysis("## High-Impact Failures\n\n### 1. A\n\n**Issue**: x\n\n## Other Problems\n\n### 2. B\n\n**Issue**: y\n"),
    );
    expect(record.failures.map((f) => f.severity)).toEqual(["high", "unknown"]);
  });

  it("maps level words and keeps the qualifier as the severity note", () => {
    const record = parseAnalysis(
      analysis(
        "## Failures\n\n### 1. A\n\n**Impact Level**: Trivial (Code Style)\n\n**Issue**: x\n\n### 2. B\n\n**Severity: MAJOR - Data loss**\n\n**Issue**: y\n",
      ),
    );
    expect(record.failures.map((f) => [f.severity, f.severityNote])).toEqual([
      ["low", "Code Style"],
      ["high", "Data loss"],
    ]);
  });

  it("strips numbering, emphasis, emoji and trailing colons from titles", () => {
    const record = parseAnalysis(
      analysis(
        "## Failures\n\n### 1. **Bucket Name (Global):**\n\n**Issue**: x\n\n### FAULT 2: 🚨 Open Port\n\n**Issue**: y\n\n### B14: Missing Alarm\n\n**Issue**: z\n",
      ),
    );
    expect(record.failures.map((f) => f.title)).toEqual(["Bucket Name (Global)", "Open Port", "Missing Alarm"]);
  });

  it("splits one block holding both sides into model and ideal code", () => {
    const record = parseAnalysis(
      analysis("## Failures\n\n### 1. Order\n\n**Issue**: x\n```yaml\n# ❌ WRONG\nA: 1\n\n# ✅ CORRECT\nA: 2\n```\n"),
    );
    const failure = record.failures[0];
    expect(failure?.model.code.map((c) => c.value)).toEqual(["# ❌ WRONG\nA: 1"]);
    expect(failure?.ideal.code.map((c) => c.value)).toEqual(["# ✅ CORRECT\nA: 2"]);
  });

  it("counts error output blocks for neither side", () => {
    const record = parseAnalysis(
      analysis(
        "## Failures\n\n### 1. Deploy\n\n**MODEL_RESPONSE Issue**:\n```\nError: access denied\n```\n\n**Deployment Error**:\n```bash\nfailed\n```\n",
      ),
    );
    expect(record.failures[0]?.model.code).toEqual([]);
    expect(record.failures[0]?.ideal.code).toEqual([]);
  });

  it("ignores recaps, recommendations and strengths", () => {
    const record = parseAnalysis(
      analysis(
        "## Critical Failures\n\n### 1. Real One\n\n**Issue**: x\n\n## Summary\n\n### 1. Real One Again\n\n**Issue**: x\n\n## Recommendations\n\n### 1. Do Better\n\n## Strengths\n\n### 1. Good Layout\n",
      ),
    );
    expect(record.failures.map((f) => f.title)).toEqual(["Real One"]);
  });

  it("takes the updated training quality score and ignores lint scores", () => {
    const record = parseAnalysis(
      analysis("**Original Training Quality Score**: 6/10\n\nLint Score: 10/10\n\n### Updated Training Quality Score: 8/10\n"),
    );
    expect(record.score).toEqual({ value: 8, max: 10 });
    // The lint score is kept with its label and kind, never taken as the training score.
    expect(record.scores.map((s) => [s.label, s.kind])).toEqual([
      ["Original Training Quality Score", "training"],
      ["Lint Score", "lint"],
      ["Updated Training Quality Score", "training"],
    ]);
  });

  it("reads an arithmetic score and a score on a 0-1 scale", () => {
    expect(parseAnalysis(analysis("## Training Score\n\n**Final Score**: 10 - 4 = **6/10**\n")).score).toEqual({ value: 6, max: 10 });
    expect(parseAnalysis(analysis("It deserves a training_quality score of 1.0 (EXCELLENT).\n")).score).toEqual({ value: 1, max: 1 });
  });

  it("finds the task id in the intro, metadata lines or title", () => {
    expect(parseAnalysis(analysis("This covers the work for task 101000875 (payments).\n")).taskId).toBe("101000875");
    expect(parseAnalysis("# Analysis - Task IAC-77\n").taskId).toBe("IAC-77");
    expect(parseAnalysis(analysis("Task ID: 42424242\nPlatform: Pulumi\n")).taskId).toBe("42424242");
    expect(parseAnalysis(analysis("The suffix synth101000954 was used.\n")).taskId).toBeNull();
  });

  it("reports summary counts that disagree with the items", () => {
    const record = parseAnalysis(
      analysis("## Summary\n\n- **Total failures**: 2 Critical, 1 Low\n\n## Critical Failures\n\n### 1. A\n\n**Impact Level**: Critical\n"),
    );
    expect(record.declaredCounts).toEqual({ critical: 2, high: 0, medium: 0, low: 1 });
    expect(record.warnings.find((w) => w.code === "count-mismatch")?.message).toContain("critical: declared 2, found 1");
  });

  it("returns no failures and a warning for documents that declare none", () => {
    const record = parseAnalysis(analysis("- **Total failures**: 0 Critical, 0 High, 0 Medium, 0 Low\n"));
    expect(record.failures).toEqual([]);
    expect(record.warnings.map((w) => w.code)).toContain("no-failures");
  });

  it("flags rubrics and chat replies as not an analysis", () => {
    const record = parseAnalysis("**model_failure**\n\nA failed response would show:\n\n* no outputs\n");
    expect(record.failures).toEqual([]);
    expect(record.warnings.map((w) => w.code)).toContain("not-an-analysis");
  });

  it("warns about unclosed fences, failures without sides and empty input", () => {
    const record = parseAnalysis(analysis("## Failures\n\n### 1. A\n\n**Root Cause**: y\n\n```python\nx = 1\n"));
    expect(record.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["unclosed-fence", "no-sides"]));
    expect(parseAnalysis("").warnings.map((w) => w.code)).toContain("empty-document");
  });

  it("numbers failures 1..n in document order and records their source line", () => {
    const record = parseAnalysis(analysis("## High Failures\n\n### 1. A\n\n**Issue**: x\n\n## Low Failures\n\n### 1. B\n\n**Issue**: y\n"));
    expect(record.failures.map((f) => [f.number, f.line])).toEqual([
      [1, 5],
      [2, 11],
    ]);
  });

  it("reads impacts, references, location and status", () => {
    const record = parseAnalysis(
      analysis(
        "## Failures\n\n### 1. A\n\n**FIX STATUS**: RESOLVED\n**Impact Level**: High\n\n**MODEL_RESPONSE Issue** (app.py, line 3):\n```python\nx = 1\n```\n\n**Security Impact**: Leaks data.\n\n**AWS Documentation Reference**: [Guide](https://example.com/guide)\n",
      ),
    );
    const failure = record.failures[0];
    expect(failure?.status).toBe("resolved");
    expect(failure?.location).toBe("app.py, line 3");
    expect(failure?.impacts).toEqual([{ label: "Security Impact", text: "Leaks data." }]);
    expect(failure?.references).toEqual([{ title: "Guide", url: "https://example.com/guide" }]);
  });

  it("never throws and reports internal errors as a parser-error record", () => {
    const nested = "> ".repeat(600) + "deep";
    const record = parseAnalysis(nested, { path: "deep.md" });
    expect(record.path).toBe("deep.md");
    expect(Array.isArray(record.failures)).toBe(true);
  });
});

describe("prose kept as Markdown", () => {
  it("keeps code spans, list numbering, tables and a list under a label, without the label", () => {
    const record = parseAnalysis(
      analysis(
        [
          "## Failures",
          "",
          "### 1. Cache Never Expires",
          "",
          "**Issue**: The `ttl` option was read as seconds:",
          "",
          "3. The third step runs first.",
          "4. Then the `evict()` call.",
          "",
          "| Key | Value |",
          "| --- | ----- |",
          "| `ttl` | 0 |",
          "",
          "**Root Cause**: Units were never checked.",
          "",
          "- **Performance Impact**:",
          "  - Memory grows without bound.",
          "  - Reads return `stale` data.",
          "- **Fix**: Convert to milliseconds.",
          "",
        ].join("\n"),
      ),
    );
    const failure = record.failures[0];
    expect(failure?.model.text).toBe(
      "The `ttl` option was read as seconds:\n\n3. The third step runs first.\n4. Then the `evict()` call.\n\n| Key | Value |\n| --- | ----- |\n| `ttl` | 0 |",
    );
    expect(failure?.rootCause).toBe("Units were never checked.");
    expect(failure?.impacts).toEqual([
      { label: "Performance Impact", text: "- Memory grows without bound.\n- Reads return `stale` data." },
    ]);
    expect(failure?.ideal.text).toBe("Convert to milliseconds.");
  });
});

describe("summary", () => {
  it("keeps metadata lines out of the summary but reads them as fields", () => {
    const record = parseAnalysis(
      "# Model Response Failures Analysis\n\nTask ID: 123456789\nPlatform: terraform\nLanguage: hcl\n\nThe model left the bucket public.\n\n## Failures\n\n### 1. Public bucket\n\n**Impact Level**: High\n",
    );
    expect(record.summary).toBe("The model left the bucket public.");
    expect(record.taskId).toBe("123456789");
    expect(record.platform).toBe("terraform");
  });
});

describe("knowledge gaps", () => {
  it("classifies failures with the taxonomy from content/knowledge-gaps.json", () => {
    const { taxonomy } = loadGapsFile("content/knowledge-gaps.json");
    expect(taxonomy.categories).toHaveLength(14);
    expect(classifyGaps("Hardcoded Database Password in Source Code", taxonomy)[0]).toBe("secrets");
    expect(classifyGaps("Incorrect CIDR Block Calculation for Subnets", taxonomy)[0]).toBe("networking");
    expect(classifyGaps("zzz qqq", taxonomy)).toEqual(["unclassified"]);
  });

  it("uses a taxonomy passed as an option", () => {
    const taxonomy = createTaxonomy([{ id: "widgets", label: "Widgets", description: "", keywords: [{ term: "widget", weight: 2 }] }]);
    const record = parseAnalysis(analysis("## Failures\n\n### 1. Broken Widget\n\n**Issue**: x\n"), { taxonomy });
    expect(record.failures[0]?.gaps).toEqual(["widgets"]);
    expect(unclassifiedShare(record.failures)).toBe(0);
  });
});

describe("the document's own date", () => {
  const doc = (head: string) => `# Model Failures\n\n${head}\n\n## Failures\n\n### 1. Missing tags\n\n**Issue**: none set\n`;

  it("reads a Date / Analysis Date line or front matter, in ISO or worded form, as YYYY-MM-DD", () => {
    expect(parseAnalysis(doc("**Date**: 2025-08-07")).date).toBe("2025-08-07");
    expect(parseAnalysis(doc("**Analysis Date**: September 04, 2025, 6:16 PM IST")).date).toBe("2025-09-04");
    expect(parseAnalysis(doc("- Report date: 4th March 2024")).date).toBe("2024-03-04");
    expect(parseAnalysis(`---\ndate: 2025-07-25\n---\n${doc("")}`).date).toBe("2025-07-25");
  });

  it("leaves it out when the document states none, or states something that is not a date", () => {
    expect(parseAnalysis(doc("")).date).toBeUndefined();
    expect(parseAnalysis(doc("**Date**: TBD")).date).toBeUndefined();
    expect(parseAnalysis(doc("**Date**: 2025-02-30")).date).toBeUndefined();
    expect(parseAnalysis(doc("**Last update**: 2025-01-01")).date).toBeUndefined();
  });
});
