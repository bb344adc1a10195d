// Real datetimes: an analysis's createdAt/updatedAt are the ISO 8601 text Prisma writes, whether the store
// wrote them by hand or migration 0018 turned an older integer-milliseconds row into text.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { freshDatabase, report, tempDir, write } from "../ingest/helpers";

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
const MIGRATION = path.resolve("prisma/migrations/0018_real_timestamps/migration.sql");

let dir: string;
let db: Sqlite;

beforeEach(() => {
  dir = tempDir();
  db = openSqlite(freshDatabase(dir));
}, 60_000);
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const times = () => db.prepare(`SELECT typeof("createdAt") AS kind, "createdAt", "updatedAt" FROM "Analysis"`).all() as { kind: string; createdAt: string; updatedAt: string }[];

describe("analysis timestamps", () => {
  it("are written by ingest as the ISO text Prisma writes, at the time of the write", async () => {
    const before = Date.now();
    write(path.join(dir, "content"), "a.md", report("101000001", [{ title: "Open bucket", severity: "High" }]));
    await ingest({ paths: [path.join(dir, "content")], db, workers: 0 });
    const [row] = times();
    expect(row?.kind).toBe("text");
    expect(row?.createdAt).toMatch(ISO);
    expect(row?.updatedAt).toBe(row?.createdAt);
    const at = Date.parse(row!.createdAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it("stored as integer milliseconds by an older version become the same instant as text, to the millisecond", async () => {
    write(path.join(dir, "content"), "a.md", report("101000002", [{ title: "Open bucket", severity: "High" }]));
    await ingest({ paths: [path.join(dir, "content")], db, workers: 0 });
    const ms = Date.UTC(2025, 0, 2, 3, 4, 5, 67);
    db.prepare(`UPDATE "Analysis" SET "createdAt" = ?, "updatedAt" = ?`).run(ms, ms + 1);
    db.exec(fs.readFileSync(MIGRATION, "utf8"));
    expect(times()).toEqual([{ kind: "text", createdAt: "2025-01-02T03:04:05.067+00:00", updatedAt: "2025-01-02T03:04:05.068+00:00" }]);
    db.exec(fs.readFileSync(MIGRATION, "utf8")); // a second run changes nothing
    expect(times()[0]?.createdAt).toBe("2025-01-02T03:04:05.067+00:00");
  });
});
