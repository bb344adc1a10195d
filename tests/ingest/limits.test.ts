// Per-document limits during ingest (issue 11, findings 5 and 6): a document that hangs the parser or
// exhausts its worker's memory is stopped, stored with its raw text and a warning, counted as failed,
// and the good documents around it are stored promptly.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { assertConsistent, freshDatabase, report, stored, tempDir, write } from "./helpers";

let dir: string;
let db: Sqlite;
let content: string;

beforeEach(() => {
  dir = tempDir();
  db = openSqlite(freshDatabase(dir));
  content = path.join(dir, "content");
  // Test hooks in the parse worker (lib/ingest/parse-worker.ts): a marker line hangs or exhausts memory.
  vi.stubEnv("FAULTLINE_TEST_HOOKS", "1");
}, 60_000);
afterEach(() => {
  vi.unstubAllEnvs();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const goodFiles = (count: number) => {
  for (let i = 0; i < count; i++)
    write(
      content,
      `good-${String(i).padStart(2, "0")}.md`,
      report(`1060${String(i).padStart(5, "0")}`, [{ title: `Problem ${i}`, severity: "High" }]),
    );
};

describe("ingest time and memory limits per document", () => {
  it("stores 20 good files promptly around one that hangs the parser, and stores the hanging one as failed with its raw text", async () => {
    vi.stubEnv("FAULTLINE_PARSE_TIMEOUT_MS", "6000");
    goodFiles(20);
    const poisoned = `# Model Response Failures Analysis\n\nTask ID: 106099999\n\n<!-- faultline-test: hang -->\n`;
    write(content, "good-10-poisoned.md", poisoned);
    const started = performance.now();
    let goodStoredAt: number | null = null;
    let finished = false;
    const poll = setInterval(() => {
      if (
        goodStoredAt === null &&
        stored(db).filter((r) => r.sourcePath.includes("good-") && !r.sourcePath.includes("poisoned")).length === 20
      ) {
        goodStoredAt = performance.now() - started;
      }
    }, 50);
    const summary = await ingest({ paths: [content], db, workers: 2 }).finally(() => {
      finished = true;
      clearInterval(poll);
    });
    const elapsed = performance.now() - started;
    console.log(JSON.stringify({ goodStoredAt, elapsed }));
    expect(finished).toBe(true);
    // The good ones were in the database well before the stuck document's time limit ran out.
    expect(goodStoredAt).not.toBeNull();
    expect(goodStoredAt!).toBeLessThan(elapsed - 2000);
    expect(summary).toMatchObject({ added: 20, updated: 0 });
    expect(summary.failed).toEqual([
      {
        sourcePath: expect.stringContaining("good-10-poisoned.md"),
        error: expect.stringMatching(/^parse-timeout: .*FAULTLINE_PARSE_TIMEOUT_MS/),
      },
    ]);
    const row = db
      .prepare<[], { raw: string; warningsJson: string; failureCount: number }>(
        `SELECT raw, warningsJson, failureCount FROM "Analysis" JOIN "AnalysisSource" ON analysisId = id WHERE sourcePath LIKE '%poisoned.md'`,
      )
      .get();
    expect(row?.raw).toBe(poisoned);
    expect(row?.failureCount).toBe(0);
    expect(JSON.parse(row!.warningsJson).map((w: { code: string }) => w.code)).toContain("parse-timeout");
    expect(stored(db)).toHaveLength(21);
    assertConsistent(db);
  }, 60_000);

  it("a document that exhausts its worker's memory is a parser-error; the replaced worker parses the rest", async () => {
    vi.stubEnv("FAULTLINE_PARSE_MEMORY_MB", "64");
    goodFiles(4);
    write(content, "good-01-hog.md", `# Analysis\n\n<!-- faultline-test: exhaust-memory -->\n`);
    const summary = await ingest({ paths: [content], db, workers: 1 });
    expect(summary.added).toBe(4);
    expect(summary.failed).toEqual([
      { sourcePath: expect.stringContaining("good-01-hog.md"), error: expect.stringMatching(/^parser-error: .*out of memory/) },
    ]);
    expect(stored(db)).toHaveLength(5);
    assertConsistent(db);
  }, 60_000);

  it("a document whose parse failed is parsed again by the next ingest although its bytes did not change, then counts as unchanged", async () => {
    vi.stubEnv("FAULTLINE_PARSE_MEMORY_MB", "64");
    const text = `${report("106100077", [{ title: "Open bucket", severity: "High" }])}\n<!-- faultline-test: exhaust-memory -->\n`;
    write(content, "flaky.md", text);
    const first = await ingest({ paths: [content], db, workers: 1 });
    expect(first.failed).toEqual([{ sourcePath: expect.stringContaining("flaky.md"), error: expect.stringMatching(/^parser-error/) }]);
    const [failed] = stored(db);
    expect(failed).toMatchObject({ failureCount: 0 });
    // The same bytes, on a run where the parse succeeds (the test hook is off): stored in full, same link.
    vi.stubEnv("FAULTLINE_TEST_HOOKS", "");
    const second = await ingest({ paths: [content], db, workers: 1 });
    expect(second).toMatchObject({ added: 0, updated: 1, unchanged: 0, failed: [] });
    expect(stored(db)).toEqual([{ ...failed, failureCount: 1, titles: "Open bucket" }]);
    const third = await ingest({ paths: [content], db, workers: 1 });
    expect(third).toMatchObject({ updated: 0, unchanged: 1 });
    assertConsistent(db);
  }, 60_000);
});

describe("a changed file whose parse fails keeps its previous analysis", () => {
  const seven = report(
    "106100001",
    Array.from({ length: 7 }, (_, i) => ({ title: `Failure ${i + 1}`, severity: "High" })),
  );

  it("CLI: the failed change keeps the 7-failure analysis, says so, warns on the analysis and exits non-zero; a later good version replaces it", async () => {
    const file = write(content, "a.md", seven);
    await ingest({ paths: [content], db, workers: 0 });
    fs.writeFileSync(file, `${seven}\n<!-- faultline-test: hang -->\n`);
    db.close();
    const { spawnSync } = await import("node:child_process");
    const env = {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, "test.db")}`,
      FAULTLINE_TEST_HOOKS: "1",
      FAULTLINE_PARSE_TIMEOUT_MS: "3000",
    };
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", content], { env, encoding: "utf8" });
    db = openSqlite(path.join(dir, "test.db"));
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/0 added, 0 updated, .* 1 failed/);
    expect(cli.stdout).toMatch(/failed {2}.*a\.md: parse-timeout: .*The previous analysis is kept\./);
    expect(stored(db)).toEqual([expect.objectContaining({ failureCount: 7, titles: expect.stringContaining("Failure 7") })]);
    const row = db
      .prepare<[], { raw: string; warningsJson: string; recordJson: string }>(
        `SELECT raw, warningsJson, recordJson FROM "Analysis" JOIN "AnalysisSource" ON analysisId = id`,
      )
      .get()!;
    expect(row.raw).toBe(seven);
    expect(JSON.parse(row.warningsJson).map((w: { code: string }) => w.code)).toEqual(["previous-analysis-kept"]);
    expect(JSON.parse(row.recordJson).failures).toHaveLength(7);
    // The next ingest tries the file again (the old hash is kept); a good version replaces the analysis.
    fs.writeFileSync(file, report("106100001", [{ title: "Only one now", severity: "Low" }]));
    const summary = await ingest({ paths: [content], db, workers: 0 });
    expect(summary).toMatchObject({ updated: 1, failed: [] });
    expect(stored(db)).toEqual([expect.objectContaining({ failureCount: 1 })]);
    expect(db.prepare(`SELECT warningsJson FROM "Analysis"`).get()).toEqual({ warningsJson: "[]" });
    assertConsistent(db);
  }, 90_000);

  it("a worker crash (parser-error) on a changed file keeps the previous analysis too; a new file that fails is stored empty, both counted failed", async () => {
    vi.stubEnv("FAULTLINE_PARSE_MEMORY_MB", "64");
    const file = write(content, "a.md", seven);
    await ingest({ paths: [content], db, workers: 0 });
    fs.writeFileSync(file, `${seven}\n<!-- faultline-test: exhaust-memory -->\n`);
    write(content, "b.md", "# New\n\n<!-- faultline-test: exhaust-memory -->\n");
    const summary = await ingest({ paths: [content], db, workers: 1 });
    expect(summary).toMatchObject({ added: 0, updated: 0 });
    expect(summary.failed).toEqual([
      {
        sourcePath: expect.stringContaining("a.md"),
        error: expect.stringMatching(/^parser-error: .*previous analysis is kept/),
        kept: true,
      },
      { sourcePath: expect.stringContaining("b.md"), error: expect.stringMatching(/^parser-error: /) },
    ]);
    expect(stored(db).map((r) => r.failureCount)).toEqual([7, 0]);
    // A failed analysis is not "previous work": its next failing version replaces it.
    fs.writeFileSync(path.join(content, "b.md"), "# New again\n\n<!-- faultline-test: exhaust-memory -->\n");
    const again = await ingest({ paths: [path.join(content, "b.md")], db, workers: 1 });
    expect(again.failed).toEqual([{ sourcePath: expect.stringContaining("b.md"), error: expect.not.stringContaining("kept") }]);
    expect(db.prepare(`SELECT raw FROM "AnalysisSource" JOIN "Analysis" ON id = analysisId WHERE sourcePath LIKE '%b.md'`).get()).toEqual({
      raw: expect.stringContaining("New again"),
    });
    assertConsistent(db);
  }, 90_000);
});

describe("the database file replaced or removed during an ingest", () => {
  const many = (count: number) => {
    for (let i = 0; i < count; i++) {
      const failures = Array.from({ length: 6 }, (_, n) => ({
        title: `Problem ${n} of doc ${i}`,
        severity: "High",
        model: "a = 1\n".repeat(30),
      }));
      write(content, `doc-${String(i).padStart(3, "0")}.md`, report(`1062${String(i).padStart(5, "0")}`, failures));
    }
  };

  it("stops with an error naming the file when it is replaced after the first batch, and when it is removed", async () => {
    many(12);
    const dbFile = path.join(dir, "test.db");
    const spare = freshDatabase(fs.mkdtempSync(path.join(dir, "spare-")));
    let swapped = false;
    const replaced = ingest({
      paths: [content],
      db,
      workers: 0,
      batchSize: 4,
      onProgress: (event) => {
        if (event.status === "added" && !swapped) {
          swapped = true;
          fs.renameSync(spare, dbFile);
        }
      },
    });
    await expect(replaced).rejects.toThrow(`The database file ${dbFile} was replaced by another file`);
    db.close();
    // Nothing of this ingest is in the file now at that path.
    db = openSqlite(dbFile);
    expect(stored(db)).toEqual([]);

    let removed = false;
    const gone = ingest({
      paths: [content],
      db,
      workers: 0,
      batchSize: 4,
      onProgress: () => {
        if (!removed) {
          removed = true;
          fs.rmSync(dbFile);
        }
      },
    });
    await expect(gone).rejects.toThrow(/The database file .*test\.db was removed .*run the command again/);
  });

  it("CLI: replacing the database mid-ingest exits non-zero with the file named, not 'N added'", async () => {
    many(150);
    db.close();
    const dbFile = path.join(dir, "test.db");
    const spare = freshDatabase(fs.mkdtempSync(path.join(dir, "spare-")));
    const { spawn } = await import("node:child_process");
    const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", content, "--workers", "1"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes("added") && fs.existsSync(spare)) fs.renameSync(spare, dbFile);
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    db = openSqlite(dbFile);
    expect(fs.existsSync(spare)).toBe(false); // the swap happened during the run
    expect(code).not.toBe(0);
    expect(stderr).toContain(`ingest: The database file ${dbFile} was replaced`);
    expect(stdout).not.toMatch(/Ingested .* added/);
    expect(stored(db)).toEqual([]);
  }, 120_000);
});

describe("parse pool", () => {
  it("keeps each worker's young generation to an eighth of its memory limit, so running out stops the worker, not the process", async () => {
    const { youngGenerationMb } = await import("@/lib/ingest/parse-pool");
    expect(youngGenerationMb(1024)).toBe(128); // the default limit keeps the measured speed-up
    expect(youngGenerationMb(4096)).toBe(128);
    expect(youngGenerationMb(64)).toBe(8);
    expect(youngGenerationMb(16)).toBe(4);
  });

  it("close() stops every worker, so an ingest leaves no thread behind", async () => {
    const { ParsePool } = await import("@/lib/ingest/parse-pool");
    const threads = () => process.getActiveResourcesInfo().filter((r) => r === "MessagePort").length;
    const before = threads();
    const pool = new ParsePool({ workers: 3 });
    const prepared = await Promise.all(
      ["# a", "# b", "# c"].map((text, i) =>
        pool.prepare({ sourcePath: `${i}.md`, contentHash: String(i), bytes: new Uint8Array(Buffer.from(text)) }),
      ),
    );
    expect(prepared.map((p) => p.record.title)).toEqual(["a", "b", "c"]);
    expect(threads()).toBeGreaterThan(before);
    await pool.close();
    expect(threads()).toBe(before);
  }, 60_000);

  it("a document answered while this thread was busy past the time limit (a long SQLite write) is parsed, not timed out", async () => {
    const { ParsePool } = await import("@/lib/ingest/parse-pool");
    const pool = new ParsePool({ workers: 1, timeoutMs: 1000 });
    const file = (text: string, i: number) => ({ sourcePath: `${i}.md`, contentHash: String(i), bytes: new Uint8Array(Buffer.from(text)) });
    const timedOut = (p: { record: { warnings: { code: string }[] } }) => p.record.warnings.some((w) => w.code === "parse-timeout");
    try {
      // A warm worker: its first parse (cold code) may itself run past 1 s on a loaded machine.
      let warm = await pool.prepare(file("# warm", 0));
      for (let i = 1; i < 5 && timedOut(warm); i++) warm = await pool.prepare(file("# warm", i));
      expect(timedOut(warm)).toBe(false);
      const answer = pool.prepare(file("# Quick one", 9));
      // Block outside the callback that delivered the warm answer (it would drain the worker's reply itself).
      await new Promise((resolve) => setImmediate(resolve));
      const until = performance.now() + 3000;
      while (performance.now() < until); // this thread blocked past the limit, as by a synchronous batch write
      const prepared = await answer;
      expect(timedOut(prepared)).toBe(false);
      expect(prepared.record.title).toBe("Quick one");
    } finally {
      await pool.close();
    }
  }, 60_000);
});
