import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { assertConsistent, closeWorkspace, openWorkspace, report, stored, write } from "./helpers";

let dir: string;
let db: Sqlite;
let content: string;

// The first call migrates a template database: slow when the machine is busy.
beforeEach(() => void ({ dir, db, content } = openWorkspace()), 60_000);
afterEach(() => closeWorkspace({ dir, db }));

const run = (options: { prune?: boolean; paths?: string[] } = {}) =>
  ingest({ paths: options.paths ?? [content], prune: options.prune, db, workers: 0 });

describe("ingest", () => {
  it("adds new files, keyed by task id, with their failures and the raw Markdown", async () => {
    const text = report("101004242", [
      { title: "Hardcoded secret", severity: "Critical" },
      { title: "Open security group", severity: "High" },
    ]);
    write(content, "a.md", text);
    write(content, "nested/b.md", report("101000777", [{ title: "Missing tags", severity: "Low" }]));
    const summary = await run();
    expect(summary).toMatchObject({ files: 2, added: 2, updated: 0, unchanged: 0 });
    const rows = stored(db);
    expect(rows.map((r) => r.slug).sort()).toEqual(["101000777", "101004242"]);
    expect(rows.find((r) => r.slug === "101004242")).toMatchObject({ failureCount: 2, titles: "Hardcoded secret|Open security group" });
    const raw = db
      .prepare<[], { raw: string }>(`SELECT raw FROM "Analysis" JOIN "AnalysisSource" ON analysisId = id WHERE slug = '101004242'`)
      .get();
    expect(raw?.raw).toBe(text);
  });

  it("stores the date a report states for itself, and none for one that states none", async () => {
    write(
      content,
      "dated.md",
      report("101004243", [{ title: "Dated", severity: "Low" }]).replace("\n", "\n\n**Analysis Date**: March 4, 2025\n"),
    );
    write(content, "undated.md", report("101004244", [{ title: "Undated", severity: "Low" }]));
    await run();
    const dates = db
      .prepare<[], { slug: string; documentDate: string | null }>(`SELECT slug, documentDate FROM "Analysis" ORDER BY slug`)
      .all();
    expect(dates).toEqual([
      { slug: "101004243", documentDate: "2025-03-04" },
      { slug: "101004244", documentDate: null },
    ]);
  });

  it("skips unchanged files without touching them and keeps their slugs", async () => {
    write(content, "a.md", report("101004242", [{ title: "Hardcoded secret", severity: "Critical" }]));
    await run();
    const before = db.prepare(`SELECT id, slug, updatedAt FROM "Analysis"`).all();
    const summary = await run();
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 1, slowest: [] });
    expect(db.prepare(`SELECT id, slug, updatedAt FROM "Analysis"`).all()).toEqual(before);
  });

  it("parses unchanged files again after a parser or taxonomy change, keeping slugs and ids", async () => {
    write(content, "a.md", report("101004242", [{ title: "Hardcoded secret", severity: "Critical" }]));
    const v1 = () => ingest({ paths: [content], db, workers: 0, parserVersion: "parser-v1" });
    expect(await v1()).toMatchObject({ added: 1 });
    const before = db.prepare(`SELECT id, slug FROM "Analysis"`).all();
    expect(await v1()).toMatchObject({ updated: 0, unchanged: 1 });
    // An upgraded parser must reach analyses whose bytes did not change (else old results live forever).
    expect(await ingest({ paths: [content], db, workers: 0, parserVersion: "parser-v2" })).toMatchObject({ updated: 1, unchanged: 0 });
    expect(db.prepare(`SELECT id, slug FROM "Analysis"`).all()).toEqual(before);
    expect(db.prepare(`SELECT parserVersion FROM "Analysis"`).get()).toEqual({ parserVersion: "parser-v2" });
    expect(await ingest({ paths: [content], db, workers: 0, parserVersion: "parser-v2" })).toMatchObject({ unchanged: 1 });
  });

  it("keeps each failure's labelled fields that no other column holds", async () => {
    const text = report("101004243", [{ title: "Hardcoded secret", severity: "Critical" }]).replace(
      "**Root Cause**: The model guessed.\n",
      "**Root Cause**: The model guessed.\n\n**Training Value**: Teaches secret handling.\n",
    );
    write(content, "a.md", text);
    await run();
    const row = db.prepare<[], { fieldsJson: string }>(`SELECT fieldsJson FROM "Failure"`).get();
    expect(JSON.parse(row!.fieldsJson)).toContainEqual({ label: "Training Value", text: "Teaches secret handling." });
  });

  it("replaces a changed file's failures and keeps its slug and id", async () => {
    const file = write(
      content,
      "a.md",
      report("101004242", [
        { title: "Hardcoded secret", severity: "Critical" },
        { title: "Old problem", severity: "Low" },
      ]),
    );
    await run();
    const [before] = stored(db);
    fs.writeFileSync(
      file,
      report("101004242", [
        { title: "Hardcoded secret", severity: "Critical" },
        { title: "New problem", severity: "Medium" },
        { title: "Third", severity: "High" },
      ]),
    );
    const summary = await run();
    expect(summary).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    const [after] = stored(db);
    expect(after).toMatchObject({ slug: before!.slug, failureCount: 3, titles: "Hardcoded secret|New problem|Third" });
    expect(db.prepare(`SELECT count(*) AS n FROM "Failure"`).get()).toEqual({ n: 3 });
    // The search index follows the change.
    const hits = db.prepare(`SELECT count(*) AS n FROM failure_fts WHERE failure_fts MATCH '"Old"'`).get();
    expect(hits).toEqual({ n: 0 });
    assertConsistent(db);
  });

  it("prunes analyses whose file is gone only with --prune, and only under the given paths", async () => {
    const a = write(content, "a.md", report("101000001", [{ title: "One", severity: "Low" }]));
    write(content, "b.md", report("101000002", [{ title: "Two", severity: "Low" }]));
    const other = path.join(dir, "other");
    write(other, "c.md", report("101000003", [{ title: "Three", severity: "Low" }]));
    await run({ paths: [content, other] });
    fs.rmSync(a);
    expect((await run()).pruned).toEqual([]);
    expect(stored(db)).toHaveLength(3);
    const summary = await run({ prune: true });
    expect(summary.pruned).toHaveLength(1);
    expect(
      stored(db)
        .map((r) => r.slug)
        .sort(),
    ).toEqual(["101000002", "101000003"]);
  });

  it("keeps the others going when one file fails, and leaves the failed file's analysis as it was", async () => {
    const bad = write(content, "bad.md", report("101000013", [{ title: "Fine at first", severity: "Low" }]));
    write(content, "good.md", report("101000014", [{ title: "Good one", severity: "High" }]));
    await run();
    // Make any write of a failure titled EXPLODE abort, then change both files.
    db.exec(
      `CREATE TEMP TRIGGER explode BEFORE INSERT ON "Failure" WHEN NEW.title LIKE '%EXPLODE%' BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`,
    );
    fs.writeFileSync(
      bad,
      report("101000013", [
        { title: "Replaced", severity: "Low" },
        { title: "EXPLODE", severity: "High" },
      ]),
    );
    write(
      content,
      "good.md",
      report("101000014", [
        { title: "Good one", severity: "High" },
        { title: "Better", severity: "Low" },
      ]),
    );
    write(content, "new.md", report("101000015", [{ title: "Brand new", severity: "Medium" }]));
    const summary = await run();
    expect(summary.failed).toEqual([
      { sourcePath: expect.stringContaining("bad.md"), error: expect.stringContaining("simulated write failure") },
    ]);
    expect(summary).toMatchObject({ added: 1, updated: 1 });
    const rows = Object.fromEntries(stored(db).map((r) => [r.slug, r.titles]));
    expect(rows).toEqual({ "101000013": "Fine at first", "101000014": "Good one|Better", "101000015": "Brand new" });
    assertConsistent(db);
  });

  it("stores a document even when parsing finds nothing, with its raw text and a warning", async () => {
    write(content, "empty.md", "");
    write(content, "binary.md", Buffer.from([0, 1, 2, 255, 254, 0, 10, 65]).toString("latin1"));
    write(content, "prose.md", "Just some notes, no failures here.\n");
    const summary = await run();
    expect(summary.added).toBe(3);
    const rows = db
      .prepare<[], { sourcePath: string; raw: string; warningCount: number }>(
        `SELECT sourcePath, raw, warningCount FROM "Analysis" JOIN "AnalysisSource" ON analysisId = id ORDER BY sourcePath`,
      )
      .all();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.warningCount).toBeGreaterThan(0);
    expect(rows.find((r) => r.sourcePath.endsWith("prose.md"))?.raw).toBe("Just some notes, no failures here.\n");
  });

  it("keeps the search index in step with pruning, and --rebuild-index restores the same matches", async () => {
    const a = write(
      content,
      "a.md",
      report("101000001", [{ title: "Rotating credentials", severity: "High", model: "password = 'hunter2'" }]),
    );
    write(content, "b.md", report("101000002", [{ title: "Open security group", severity: "Low" }]));
    await run();
    const matches = (q: string) =>
      db
        .prepare<[string], { rowid: number }>(`SELECT rowid FROM failure_fts WHERE failure_fts MATCH ? ORDER BY rowid`)
        .all(q)
        .map((r) => r.rowid);
    const hunter = matches('"hunter2"');
    expect(hunter).toHaveLength(1);
    expect(matches('"security"* AND "group"*')).toHaveLength(1);
    const { rebuildSearchIndex } = await import("@/lib/data/search-index");
    expect(rebuildSearchIndex(db)).toEqual({ analyses: 2, failures: 2 });
    expect(matches('"hunter2"')).toEqual(hunter);
    fs.rmSync(a);
    await run({ prune: true });
    expect(matches('"hunter2"')).toEqual([]);
    expect(db.prepare(`SELECT count(*) AS n FROM analysis_fts WHERE analysis_fts MATCH '"101000001"'`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM "AnalysisSource"`).get()).toEqual({ n: 1 });
    assertConsistent(db);
  });

  it("reports a missing path and still ingests the rest", async () => {
    write(content, "a.md", report("101000001", [{ title: "One", severity: "Low" }]));
    const summary = await run({ paths: [content, path.join(dir, "nope")] });
    expect(summary.added).toBe(1);
    expect(summary.failed).toEqual([{ sourcePath: path.join(dir, "nope"), error: "no such file or folder" }]);
  });

  it("takes a folder's links to Markdown files as the files, and skips dangling links and linked folders", async () => {
    const elsewhere = path.join(dir, "elsewhere");
    write(elsewhere, "real.md", report("101000002", [{ title: "Linked", severity: "High" }]));
    write(content, "own.md", report("101000003", [{ title: "Own", severity: "Low" }]));
    fs.symlinkSync(path.join(elsewhere, "real.md"), path.join(content, "linked.md"));
    fs.symlinkSync(path.join(dir, "missing.md"), path.join(content, "dangling.md"));
    fs.symlinkSync(elsewhere, path.join(content, "loop")); // a linked folder is not walked
    const summary = await run();
    expect(summary).toMatchObject({ files: 2, added: 2, failed: [] });
    expect(
      stored(db)
        .map((r) => r.slug)
        .sort(),
    ).toEqual(["101000002", "101000003"]);
  });

  it("gives a second document with the same task id its own stable slug", async () => {
    write(content, "a.md", report("101000099", [{ title: "One", severity: "Low" }]));
    write(content, "b.md", report("101000099", [{ title: "Two", severity: "Low" }]));
    await run();
    const slugs = stored(db).map((r) => r.slug);
    expect(new Set(slugs).size).toBe(2);
    expect(slugs).toContain("101000099");
    fs.writeFileSync(path.join(content, "b.md"), report("101000099", [{ title: "Two changed", severity: "Low" }]));
    await run();
    expect(stored(db).map((r) => r.slug)).toEqual(slugs);
  });
});
