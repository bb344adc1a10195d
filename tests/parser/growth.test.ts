// Every parser entry point stays linear on hostile input (issue 11, finding 5): each family of
// generated documents is parsed at 16, 32 and 64 KB, and the time may grow at most ~2.5x per
// doubling (a quadratic pattern grows 4x, the old task-id pattern ~16x). Timings are the minimum of
// three runs with a small floor, and a family that looks slow is measured again before failing, so a
// busy machine does not fail the test while a real super-linear pattern still does.
// remark itself is not linear on every input (runs of "[a](" openers, deep blockquotes): where the
// bare remark(+gfm) parse of the same documents grows faster than 2.5x, the parser may grow as fast
// as remark plus 30%, so that only the parser's own work is judged.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { classifyFailureGaps, createTaxonomy, parseAnalysis } from "@/lib/parser";
import { compileGapModel, gapModelSchema } from "@/lib/parser/gap-model";

const project = path.resolve(import.meta.dirname, "../..");
const taxonomy = createTaxonomy(
  JSON.parse(readFileSync(path.join(project, "content/knowledge-gaps.json"), "utf8")),
  compileGapModel(gapModelSchema.parse(JSON.parse(readFileSync(path.join(project, "content/knowledge-gaps.model.json"), "utf8")))),
);

const KB = 1024;
const SIZES = [16 * KB, 32 * KB, 64 * KB];
/** Allowed growth per doubling. */
const LIMIT = 2.5;
/** Times below this (ms) are noise; a 64 KB parse under ~3x of it cannot hide a quadratic term. */
const FLOOR_MS = 4;

const head = "# Model Response Failures Analysis\n\n## Critical Failures\n\n### 1. Hardcoded Password\n\n";
/** `unit` repeated to `size` bytes (whole units), after `prefix`. */
const fill = (prefix: string, unit: string, size: number, suffix = "") =>
  prefix + unit.repeat(Math.max(1, Math.floor((size - prefix.length - suffix.length) / unit.length))) + suffix;

/** Several hostile runs in one document, each its own paragraph with its share of `size`. */
const mix = (prefix: string, runs: ReadonlyArray<readonly [string, string, string?]>, size: number) =>
  prefix + runs.map(([lead, unit, tail = ""]) => fill(lead, unit, Math.floor((size - prefix.length) / runs.length) - 2, tail)).join("\n\n");

/** Document generators by pattern family: each returns a document of about `size` bytes. */
const families: Record<string, (size: number) => string> = {
  // The reported case, "Task" + spaces + "!" (418 bytes took 15.7 s), and its separator variants.
  "task id runs": (n) =>
    mix(
      "",
      [
        ["Task", " ", "!"],
        ["Task", " _-", "!"],
        ["Task ID", " :", "!"],
      ],
      n,
    ),
  "whitespace inside labels and headings": (n) =>
    mix(
      head,
      [
        ["**Root", " ", "Cause**: x"],
        ["**Severity**", " \t", ": High"],
        ["## 1.", " ", "Issue"],
        ["**Impact**", ":", " High"],
        ["Severity ", "- ", "High"],
      ],
      n,
    ),
  "trailing separators in titles": (n) =>
    mix(
      "",
      [
        ["### 1. Title", " -:", "x"],
        ["### 2. Title", "—", ""],
        ["**3. Title", " :", "**"],
      ],
      n,
    ),
  "bracket and link-opener runs": (n) =>
    mix(
      head,
      [
        ["", "["],
        ["", "[a]("],
        ["", "![a]("],
        ["[x](", "a"],
      ],
      n,
    ),
  "tag runs": (n) =>
    mix(
      head,
      [
        ["", "<a"],
        ["", "</b "],
        ["<!--", " a"],
      ],
      n,
    ),
  "emphasis runs": (n) =>
    mix(
      head,
      [
        ["", "**a"],
        ["", "**a "],
        ["", "_a"],
        ["", " *a"],
        ["", "`a"],
        ["", "\\"],
      ],
      n,
    ),
  "deep nested lists": (n) => {
    let doc = head;
    for (let depth = 0; doc.length < n; depth = (depth + 1) % 40) {
      doc += depth % 2 ? `${"   ".repeat(depth)}1. **Failure ${depth}**: x\n` : `${"  ".repeat(depth)}- **Issue**: item ${depth}\n`;
    }
    return doc;
  },
  // One line of n "> " marks nests n blockquotes: remark itself overflows its stack there (the
  // parser answers with a parser-error warning), so only many quoted lines are timed here.
  "blockquote runs": (n) =>
    mix(
      head,
      [
        ["", "> **Severity**: High\n"],
        ["", "> > x\n"],
      ],
      n,
    ),
  "long and unclosed fences": (n) =>
    mix(
      head,
      [
        ["```python\n", "x = 1  # comment\n", "```"],
        ["", "```a "],
        ["```\n", "    value:   \n"],
      ],
      n,
    ),
  "long single lines": (n) =>
    mix(
      `${head}**Issue**: `,
      [
        ["", "the bucket policy allows s3:* on arn:aws:s3:::b/* "],
        ["", "a"],
      ],
      n,
    ),
  "many headings": (n) => {
    let doc = "# Model Response Failures Analysis\n\n## Critical Failures\n\n";
    for (let i = 1; doc.length < n; i++) doc += `### ${i}. Missing Encryption on Bucket ${i}\n\n**Root Cause**: No KMS key.\n\n`;
    return doc;
  },
  "many bold items": (n) => {
    let doc = "# Model Response Failures Analysis\n\n## Failures\n\n";
    for (let i = 1; doc.length < n; i++) doc += `**${i}. Open Port ${i}**\n\nThe group allows 0.0.0.0/0.\n\n`;
    return doc;
  },
  "tables, scores and numbering": (n) =>
    mix(
      "# Analysis\n\n",
      [
        ["| Key | Value |\n| --- | --- |\n", "| Task ID |   |\n"],
        ["", "Score: 8/10 Training Quality Score 9 /", "10"],
        ["### ", "1.", " Title"],
      ],
      n,
    ),
};

/** Minimum of up to three runs (one when a run is long enough to dwarf the noise), floored. */
function bestTime(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3 && best > 250; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return Math.max(FLOOR_MS, best);
}

function measure(inputs: readonly string[], run: (input: string) => void, warmUp = (inputs[0] ?? "").slice(0, 2048)): number[] {
  run(warmUp); // warm up the code paths
  return inputs.map((input) => bestTime(() => run(input)));
}

const growth = (times: number[]) => times.slice(1).map((t, i) => t / (times[i] ?? t));
const markdown = unified().use(remarkParse).use(remarkGfm);

/**
 * Fails when the two doublings together cost more than LIMIT² (or, where bare remark grows faster,
 * more than remark's growth + 30% per doubling), or one doubling more than 4x: a quadratic term
 * grows 16x over the span. A slow-looking family is measured up to four times before failing.
 */
function expectLinear(make: (size: number) => string, run: (input: string) => void, baseline = false): void {
  const inputs = SIZES.map(make);
  const warmUp = baseline ? undefined : make(1024);
  const span = (times: number[]) => (times[times.length - 1] ?? 0) / (times[0] ?? 1);
  const slow = (times: number[]) => span(times) > LIMIT ** 2 || growth(times).some((g) => g > 4);
  // Noise (a collection, another process) only ever adds time: a slow-looking family is measured
  // again, up to three more times, keeping each size's fastest run.
  let times = measure(inputs, run, warmUp);
  for (let i = 0; i < 3 && slow(times); i++) {
    const again = measure(inputs, run, warmUp);
    times = times.map((t, j) => Math.min(t, again[j] ?? t));
  }
  let allowed = LIMIT ** 2;
  let remark: number[] = [];
  if (baseline && slow(times)) {
    remark = measure(inputs, (doc) => markdown.parse(doc));
    allowed = Math.max(allowed, span(remark) * 1.3 ** 2);
  }
  const summary =
    `parse ${times.map((t) => t.toFixed(0)).join(" / ")} ms (growth ${growth(times)
      .map((g) => g.toFixed(2))
      .join(", ")})` +
    (remark.length ? `, remark ${remark.map((t) => t.toFixed(0)).join(" / ")} ms (allowed ${allowed.toFixed(2)} over 16→64 KB)` : "");
  expect(span(times), summary).toBeLessThanOrEqual(allowed);
  for (const g of growth(times)) expect(g, summary).toBeLessThanOrEqual(remark.length ? Math.max(4, allowed) : 4);
}

describe("parseAnalysis grows linearly", () => {
  it("parses the 418-byte task-id file at once", () => {
    const started = performance.now();
    const record = parseAnalysis(`Task${" ".repeat(400)}!`, { taxonomy });
    expect(record.failures).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each(Object.keys(families))("%s", { timeout: 60_000 }, (name) => {
    const make = families[name];
    if (!make) throw new Error(name);
    // Sanity: the generator makes what it says, at each size.
    expect(make(SIZES[2] ?? 0).length).toBeGreaterThan((SIZES[2] ?? 0) * 0.9);
    expectLinear(make, (doc) => parseAnalysis(doc, { taxonomy }), true);
  });
});

describe("classification grows linearly", () => {
  const sides = (text: string) => ({ text, code: [{ value: text }] });
  it.each([
    ["a long title", (n: number) => ({ title: fill("Security", " group", n) })],
    [
      "long sides",
      (n: number) => ({
        title: "Open Port",
        rootCause: fill("", "iam policy ", n),
        model: sides(fill("", "kms key ", n)),
        ideal: sides(fill("", "x ", n)),
      }),
    ],
    ["term-like runs", (n: number) => ({ title: fill("", "multi-", n), rootCause: fill("", "s3_", n) })],
  ] as const)("%s", { timeout: 60_000 }, (_name, make) => {
    expectLinear(
      (size) => JSON.stringify(make(size)),
      (input) => classifyFailureGaps(JSON.parse(input), taxonomy),
    );
  });
});
