// `npm run ingest -- --help` explains itself and touches no database; a mistyped option is refused
// with the usage, not taken for a path (or silently ignored while the default folder is ingested).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function run(...args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-cli-"));
  const db = path.join(dir, "never.db");
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${db}` },
    encoding: "utf8",
  });
  const created = fs.existsSync(db);
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...result, created };
}

describe("ingest command line", () => {
  it("prints its usage for --help and creates no database", () => {
    const r = run("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: npm run ingest -- \[PATH\.\.\.\]/);
    expect(r.stdout).toMatch(/--rebuild-index/);
    expect(r.created).toBe(false);
  });

  it("refuses an unknown option and a bad --workers with exit 2, naming them", () => {
    const unknown = run("--prnue");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--prnue'/);
    expect(unknown.created).toBe(false);
    const workers = run("--workers", "many");
    expect(workers.status).toBe(2);
    expect(workers.stderr).toMatch(/--workers wants a whole number.*"many"/);
  });
});
