// The parse CLI: JSON Lines in input order, unreadable files named on stderr, non-zero exit.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

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
