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
});
afterEach(() => {
  vi.unstubAllEnvs();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const goodFiles = (count: number) => {
  for (let i = 0; i < count; i++) write(content, `good-${String(i).padStart(2, "0")}.md`, report(`1060${String(i).padStart(5, "0")}`, [{ title: `Problem ${i}`, severity: "High" }]));
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
      if (goodStoredAt === null && stored(db).filter((r) => r.sourcePath.includes("good-") && !r.sourcePath.includes("poisoned")).length === 20) {
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
    expect(summary.failed).toEqual([{ sourcePath: expect.stringContaining("good-10-poisoned.md"), error: expect.stringMatching(/^parse-timeout: .*FAULTLINE_PARSE_TIMEOUT_MS/) }]);
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
    expect(summary.failed).toEqual([{ sourcePath: expect.stringContaining("good-01-hog.md"), error: expect.stringMatching(/^parser-error: .*out of memory/) }]);
    expect(stored(db)).toHaveLength(5);
    assertConsistent(db);
  }, 60_000);
});
