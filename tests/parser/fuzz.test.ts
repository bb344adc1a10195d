// Random and hostile input: parseAnalysis must never throw and must always return a well-formed record.
// A seeded PRNG keeps every run identical.
import { describe, expect, it } from "vitest";
import { parseAnalysis, type ParsedAnalysis } from "@/lib/parser";
import { SEVERITIES } from "@/lib/parser/types";

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  "# ",
  "## ",
  "### ",
  "#### ",
  "\n",
  "\n\n",
  "**",
  "__",
  "`",
  "```",
  "```python\n",
  "~~~",
  "> ",
  "- ",
  "* ",
  "1. ",
  "  ",
  "|",
  "---",
  "[x](http://e.x)",
  "**Impact Level**: ",
  "Critical",
  "High",
  "Medium",
  "Low",
  "**MODEL_RESPONSE Issue**:",
  "**IDEAL_RESPONSE Fix**:",
  "# ❌ WRONG",
  "# ✅ CORRECT",
  "Training Quality Score: 8/10",
  "Total failures: 1 Critical",
  "Summary",
  "Failures",
  "\u202E",
  "\u0000",
  "\r\n",
  "\t",
  "🚨",
  "<div>",
  "</div>",
  "\\",
  "1/0",
  "9".repeat(30),
  "task 12345",
];

function soup(random: () => number, length: number): string {
  let out = "";
  while (out.length < length) out += TOKENS[Math.floor(random() * TOKENS.length)] ?? "";
  return out;
}

function expectWellFormed(record: ParsedAnalysis): void {
  expect(Array.isArray(record.failures)).toBe(true);
  expect(Array.isArray(record.warnings)).toBe(true);
  expect(Array.isArray(record.scores)).toBe(true);
  for (const failure of record.failures) {
    expect(SEVERITIES).toContain(failure.severity);
    expect(typeof failure.title).toBe("string");
    expect(Array.isArray(failure.model.code)).toBe(true);
    expect(Array.isArray(failure.ideal.code)).toBe(true);
    expect(failure.gaps.length).toBeGreaterThan(0);
    expect(Number.isInteger(failure.line)).toBe(true);
  }
  for (const warning of record.warnings) expect(typeof warning.code).toBe("string");
  expect(() => JSON.stringify(record)).not.toThrow();
}

describe("parseAnalysis on hostile input", () => {
  it("survives random bytes", () => {
    const random = prng(1);
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 4000) }, () => Math.floor(random() * 256)));
      expectWellFormed(parseAnalysis(bytes.toString("utf8")));
    }
  });

  it("survives markdown-ish token soups", () => {
    const random = prng(2);
    for (let i = 0; i < 120; i++) expectWellFormed(parseAnalysis(soup(random, 50 + Math.floor(random() * 3000))));
  });

  // remark dominates the cost and works per line, so the 10 MB case is long prose lines; dense
  // many-section input is covered at a smaller size below.
  it("survives a 10 MB document", { timeout: 60_000 }, () => {
    const paragraph = `${"The handler retries the request and logs the payload again. ".repeat(160)}\n\n`;
    const filler = paragraph.repeat(Math.ceil(10_000_000 / paragraph.length));
    const text = `# Big\n\n## Critical Failures\n\n### 1. Retry Storm\n\n**Impact Level**: High\n\n${filler}### 2. Last One\n\n**Issue**: x\n`;
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const record = parseAnalysis(text);
    expectWellFormed(record);
    expect(record.failures.map((f) => f.title)).toEqual(["Retry Storm", "Last One"]);
  });

  it("survives many repeated sections", { timeout: 60_000 }, () => {
    const section = "### 1. Repeated Failure\n\n**Impact Level**: High\n\nSome prose about the failure.\n\n";
    const record = parseAnalysis(`# Big\n\n## Critical Failures\n\n${section.repeat(1500)}`);
    expectWellFormed(record);
    expect(record.failures).toHaveLength(1);
    expect(record.warnings.filter((w) => w.code === "duplicate-section")).toHaveLength(1);
  });

  it("survives deep nesting, unclosed fences, NUL bytes and RTL overrides", () => {
    const inputs = [
      Array.from({ length: 120 }, (_, i) => `${"  ".repeat(i)}- level ${i}`).join("\n"),
      `${"> ".repeat(600)}deep quote`,
      "# T\n\n## Critical Failures\n\n### 1. X\n\n```python\nnever closed",
      "# T\u0000\n\n### 1. \u0000Nul\u0000 Title\n\n**Issue**: \u0000",
      "# \u202Eevil\u202C\n\n## Critical Failures\n\n### 1. \u202Egnirts\n\n**Impact Level**: High\n",
      "\uFEFF# Bom\r\n\r\n### 1. Crlf\r\n\r\n**Issue**: x",
    ];
    for (const input of inputs) expectWellFormed(parseAnalysis(input));
  });

  it("survives documents that are only headings or have no headings at all", () => {
    expectWellFormed(parseAnalysis("# a\n## b\n### c\n".repeat(2000)));
    expectWellFormed(parseAnalysis("just one line without newline"));
    expectWellFormed(parseAnalysis("\n\n\n"));
    expectWellFormed(parseAnalysis("---\n---\n***"));
  });
});
