// Ingest under contention: two writers of the same bytes, the CLI killed half-way, two CLIs at once, --watch.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { assertConsistent, closeWorkspace, openWorkspace, report, stored, write } from "./helpers";

let dir: string;
let dbFile: string;
let db: Sqlite;
let content: string;

// The first call migrates a template database: slow when the machine is busy.
beforeEach(() => void ({ dir, dbFile, db, content } = openWorkspace()), 60_000);
afterEach(() => closeWorkspace({ dir, db }));

const run = (options: { prune?: boolean; paths?: string[] } = {}) =>
  ingest({ paths: options.paths ?? [content], prune: options.prune, db, workers: 0 });

describe("concurrent writers", () => {
  it("compare content hashes inside the write transaction: a second writer of the same bytes rewrites nothing", async () => {
    for (let i = 0; i < 3; i++)
      write(content, `doc-${i}.md`, report(`1031${String(i).padStart(5, "0")}`, [{ title: `Problem ${i}`, severity: "High" }]));
    const { AnalysisStore } = await import("@/lib/data/store");
    const { prepareAnalysis } = await import("@/lib/ingest/prepare");
    const { hashBytes, storedSourcePath } = await import("@/lib/ingest/source");
    // Both writers listed the database while it was empty and parsed everything.
    const docs = fs.readdirSync(content).map((name) => {
      const bytes = fs.readFileSync(path.join(content, name));
      return prepareAnalysis({ sourcePath: storedSourcePath(path.join(content, name)), contentHash: hashBytes(bytes), bytes });
    });
    const other = openSqlite(dbFile);
    try {
      expect(new AnalysisStore(db).writeBatch(docs).map((r) => r.status)).toEqual(["added", "added", "added"]);
      const before = db.prepare(`SELECT id, updatedAt FROM "Analysis" ORDER BY id`).all();
      expect(new AnalysisStore(other).writeBatch(docs).map((r) => r.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
      expect(db.prepare(`SELECT id, updatedAt FROM "Analysis" ORDER BY id`).all()).toEqual(before);
    } finally {
      other.close();
    }
    assertConsistent(db);
  });
});

describe("ingest CLI", () => {
  it("leaves a consistent database when killed half-way, and the next run finishes the job", async () => {
    for (let i = 0; i < 150; i++) {
      const failures = Array.from({ length: 12 }, (_, n) => ({
        title: `Problem ${n} of doc ${i}`,
        severity: ["Critical", "High", "Medium", "Low"][n % 4]!,
        model: "a = 1\n".repeat(40),
        ideal: "a = 2\n".repeat(40),
      }));
      write(content, `doc-${String(i).padStart(3, "0")}.md`, report(`1020${String(i).padStart(5, "0")}`, failures));
    }
    db.close();
    const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, FAULTLINE_WORKERS: "1" };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", content, "--workers", "0"], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    // Kill it (the node process itself, not a wrapper) as soon as the first documents are committed.
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("added")) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => resolve());
    });
    await new Promise((r) => child.on("exit", r));
    db = openSqlite(dbFile);
    assertConsistent(db);
    const partial = stored(db).length;
    expect(partial).toBeLessThan(150);
    const summary = await run();
    expect(summary.failed).toEqual([]);
    expect(summary.added + summary.unchanged).toBe(150);
    expect(summary.unchanged).toBe(partial);
    expect(stored(db)).toHaveLength(150);
    assertConsistent(db);
  }, 60_000);

  it("two ingests at once both finish and store each document once", async () => {
    for (let i = 0; i < 40; i++)
      write(content, `doc-${i}.md`, report(`1030${String(i).padStart(5, "0")}`, [{ title: `Problem ${i}`, severity: "High" }]));
    db.close();
    const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
    const start = () =>
      new Promise<{ code: number; added: number; updated: number }>((resolve) => {
        const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/ingest.ts", content, "--workers", "0"], {
          env,
          stdio: ["ignore", "pipe", "ignore"],
        });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("exit", (code) => {
          const [, added = "-1", updated = "-1"] = /(\d+) added, (\d+) updated/.exec(out) ?? [];
          resolve({ code: code ?? -1, added: Number(added), updated: Number(updated) });
        });
      });
    const runs = await Promise.all([start(), start()]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    // Hashes are compared inside the write transaction: the slower run finds the documents already
    // stored and rewrites none of them as "updated".
    expect(runs.map((r) => r.updated)).toEqual([0, 0]);
    expect(runs[0]!.added + runs[1]!.added).toBe(40);
    db = openSqlite(dbFile);
    expect(stored(db)).toHaveLength(40);
    assertConsistent(db);
  }, 60_000);

  it("--watch re-ingests a file as soon as it changes", async () => {
    write(content, "a.md", report("101040001", [{ title: "First version", severity: "High" }]));
    db.close();
    const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", content, "--watch", "--workers", "0"], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("Watching") && resolve());
        child.on("exit", (code) => reject(new Error(`watch exited early (${code})`)));
      });
      db = openSqlite(dbFile);
      expect(stored(db).map((r) => r.titles)).toEqual(["First version"]);
      write(content, "a.md", report("101040001", [{ title: "Second version", severity: "High" }]));
      write(content, "b.md", report("101040002", [{ title: "A new file", severity: "Low" }]));
      await expect
        .poll(() => stored(db).map((r) => r.titles), { timeout: 20_000, interval: 200 })
        .toEqual(["Second version", "A new file"]);
    } finally {
      child.kill("SIGTERM");
    }
  }, 40_000);
});
