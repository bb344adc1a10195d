// Migrations on a database another process holds open (a server left running): the CLI used to print
// Prisma's "unknown variant `SocketTimeout`"; it now names the file, the cause and what to do.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateIfNeeded, pendingMigrations } from "@/lib/data/migrations";
import { setEnv } from "@/lib/env";
import { tempDir } from "./helpers";

const previous = process.env.DATABASE_URL;
afterEach(() => setEnv("DATABASE_URL", previous));

describe("migrating a database that is in use", () => {
  it("says the database is in use by another process and keeps the migrations pending", () => {
    const file = path.join(tempDir(), "busy.db");
    // A server's connection: WAL mode, a read transaction open.
    const held = new Database(file);
    held.pragma("journal_mode = WAL");
    held.exec("BEGIN");
    held.prepare("SELECT count(*) FROM sqlite_master").get();
    process.env.DATABASE_URL = `file:${file}`;
    try {
      expect(() => migrateIfNeeded(() => {})).toThrow(
        /busy\.db: the database is in use by another process \(a running Faultline server or ingest\)\. Stop it and run again/,
      );
    } finally {
      held.exec("ROLLBACK");
      held.close();
    }
    expect(pendingMigrations(file).length).toBeGreaterThan(0);
    // Once it is free, the same call applies them.
    migrateIfNeeded(() => {});
    expect(pendingMigrations(file)).toEqual([]);
    expect(fs.existsSync(file)).toBe(true);
  }, 120_000);
});
