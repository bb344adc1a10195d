// Shared setup for ingest tests: a migrated throwaway database per test and report documents.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { comparable, FACET_RECOUNTS } from "../data/facet-recount";

let template: string | null = null;

// Folders a test file made under the system's temp folder, removed after its last test (vitest runs
// this hook after the file's own): a test that fails half-way (or forgets) leaves nothing behind, and
// neither does the migrated template.
const madeDirs = new Set<string>();
afterAll(() => {
  for (const dir of madeDirs) fs.rmSync(dir, { recursive: true, force: true });
  madeDirs.clear();
  template = null;
});

/** A freshly migrated database file (migrations run once per test file, then copied). */
export function freshDatabase(dir: string): string {
  if (!template) {
    template = path.join(tempDir("faultline-template-"), "template.db");
    execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${template}` },
      stdio: "pipe",
    });
    const db = openSqlite(template);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("journal_mode = DELETE");
    db.close();
  }
  const file = path.join(dir, "test.db");
  fs.copyFileSync(template, file);
  return file;
}

/** A test's own folder, migrated database (open) and content folder beside it. */
export interface IngestWorkspace {
  dir: string;
  dbFile: string;
  db: Sqlite;
  content: string;
}

export function openWorkspace(): IngestWorkspace {
  const dir = tempDir();
  const dbFile = freshDatabase(dir);
  return { dir, dbFile, db: openSqlite(dbFile), content: path.join(dir, "content") };
}

export function closeWorkspace({ dir, db }: Pick<IngestWorkspace, "dir" | "db">): void {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

export function tempDir(prefix = "faultline-test-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  madeDirs.add(dir);
  return dir;
}

export function report(taskId: string, failures: { title: string; severity: string; model?: string; ideal?: string }[]): string {
  const items = failures.map(
    (f, i) =>
      `### ${i + 1}. ${f.title}\n\n**Impact Level**: ${f.severity}\n\n**MODEL_RESPONSE Issue**:\n\`\`\`python\n${f.model ?? "x = 1"}\n\`\`\`\n\n` +
      `**IDEAL_RESPONSE Fix**:\n\`\`\`python\n${f.ideal ?? "x = 2"}\n\`\`\`\n\n**Root Cause**: The model guessed.\n`,
  );
  return `# Model Response Failures Analysis\n\nThis document analyzes the MODEL_RESPONSE for task ${taskId}.\n\n## Failures\n\n${items.join("\n")}\n## Training Quality Score: 7/10\n`;
}

export function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

export interface StoredAnalysis {
  slug: string;
  sourcePath: string;
  failureCount: number;
  titles: string;
}

export function stored(db: Sqlite): StoredAnalysis[] {
  return db
    .prepare<[], StoredAnalysis>(
      `SELECT a.slug, a.sourcePath, a.failureCount,
              coalesce((SELECT group_concat(title, '|') FROM (SELECT title FROM "Failure" f WHERE f.analysisId = a.id ORDER BY number)), '') AS titles
       FROM "Analysis" a ORDER BY a.sourcePath`,
    )
    .all();
}

/** Every analysis's denormalized failure count matches its Failure rows, and SQLite says the file is sound. */
export function assertConsistent(db: Sqlite): void {
  const bad = db
    .prepare(`SELECT a.slug FROM "Analysis" a WHERE a.failureCount <> (SELECT count(*) FROM "Failure" f WHERE f.analysisId = a.id)`)
    .all();
  if (bad.length) throw new Error(`inconsistent analyses: ${JSON.stringify(bad)}`);
  const sourceless = db
    .prepare(`SELECT a.slug FROM "Analysis" a LEFT JOIN "AnalysisSource" s ON s.analysisId = a.id WHERE s.analysisId IS NULL`)
    .all();
  if (sourceless.length) throw new Error(`analyses without their raw Markdown: ${JSON.stringify(sourceless)}`);
  // The pre-counted facets always equal a live recount of the rows they summarize.
  for (const { table, stored, live } of FACET_RECOUNTS) {
    const want = comparable(db.prepare(live).all() as Record<string, unknown>[]);
    const have = comparable(db.prepare(stored).all() as Record<string, unknown>[]);
    if (JSON.stringify(want) !== JSON.stringify(have))
      throw new Error(`${table} is stale: ${JSON.stringify({ live: want, stored: have })}`);
  }
  const check = db.pragma("integrity_check", { simple: true });
  if (check !== "ok") throw new Error(`integrity_check: ${String(check)}`);
}
