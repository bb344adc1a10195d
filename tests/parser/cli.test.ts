// The parse CLI: JSON Lines in input order, unreadable files named on stderr, non-zero exit;
// --explain prints why each candidate item or series was taken or dropped.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnalysis } from "@/lib/parser";

const project = path.resolve(import.meta.dirname, "../..");
const fixture = (name: string) => path.join("tests/parser/fixtures", name, "input.md");

describe("scripts/parse.ts", () => {
  it("prints one JSON record per readable file, in order, and fails on a missing file", { timeout: 60_000 }, () => {
    const missing = "tests/parser/fixtures/does-not-exist.md";
    const run = spawnSync("npx", ["tsx", "scripts/parse.ts", fixture("bold-h3-titles"), missing, fixture("crlf")], {
      cwd: project,
      encoding: "utf8",
    });
    const lines = run.stdout.split("\n").filter((line) => line.trim());
    expect(lines).toHaveLength(2);
    const records = lines.map((line) => JSON.parse(line) as { path: string; failures: unknown[] });
    expect(records.map((r) => r.path)).toEqual([fixture("bold-h3-titles"), fixture("crlf")]);
    expect(records[0]?.failures).toHaveLength(2);
    expect(run.stderr).toContain(missing);
    expect(run.status).not.toBe(0);
  });

  it("exits 0 when every file is readable, even without failures", { timeout: 60_000 }, () => {
    const run = spawnSync("npx", ["tsx", "scripts/parse.ts", fixture("rubric")], { cwd: project, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout.trim()).failures).toEqual([]);
  });
});

describe("parse --explain", () => {
  it("prints each candidate's recognizer, taken or dropped, and the failures kept", { timeout: 60_000 }, () => {
    const run = spawnSync(
      "npx",
      ["tsx", "scripts/parse.ts", "--explain", fixture("numbered-failures-in-framed-group"), fixture("heading-series")],
      { cwd: project, encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    const [first = "", second = ""] = run.stdout.split(/^== /m).filter(Boolean);
    // Not JSON: one block per file, named.
    expect(first).toMatch(/^tests\/parser\/fixtures\/numbered-failures-in-framed-group\/input\.md\n/);
    expect(first).toContain('line 5 ## "Summary of Issues" is a group');
    expect(first).toMatch(
      /line 9 ### "Issue #1: Retry loop never backs off" taken: fields state a problem or fix: model \(Problem\), ideal \(Fix\)/,
    );
    expect(first).toMatch(/"Final Thoughts" dropped: not numbered/);
    expect(first).toContain("failures kept: 2");
    expect(second).toMatch(/"Deployment Notes" skipped: a section that holds no failures/);
    expect(second).toMatch(/heading-series: 2 sibling headings under the document, 2 stating a problem: taken/);
    expect(second).toContain("2. line 7 [unknown] Missing eviction on plan downgrade");
  });
});

describe("parseAnalysis explain option", () => {
  const read = (name: string) => readFileSync(path.join(project, fixture(name)), "utf8");

  it("reports dropped series with the signals counted, and does not change the record", () => {
    const text = "Notes from the review.\n\n**Deployment Went Fine**\n- Took four minutes.\n\n**Logs Look Tidy**\n- Nothing to add.\n";
    const lines: string[] = [];
    const explained = parseAnalysis(text, { explain: (line) => lines.push(line) });
    expect(explained).toEqual(parseAnalysis(text));
    expect(explained.failures).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^title-lines: 2 bold title lines with a body, 0 stating a problem: dropped/));
  });

  it("names the list series and each item's evidence", () => {
    const lines: string[] = [];
    parseAnalysis(read("list-series-plain-labels"), { explain: (line) => lines.push(line) });
    expect(lines).toContainEqual(
      'list-series: line 4: 3 list items, 3 stating a problem: taken (p=1.00: bias -80.0, share 1.00 (+50.0), enough 1.00 (+50.0)): "Retry Policy", "Message Ordering", "Poison Messages"',
    );
  });
});
