// The data version (migration 0017): one number that triggers on every table bump on each insert,
// update and delete. Read once per request to key the in-process caches and ETags (lib/cache/), so a
// committed write, by any process, is seen at the next request. One tiny query: on SQLite through a
// cached read-only connection (like the health check), elsewhere through the Prisma client.
import fs from "node:fs";
import Database from "better-sqlite3";
import { databasePath } from "../db-url";

const SQL = `SELECT "version" FROM "DataVersion" WHERE "id" = 1`;

let cached: { key: string; db: Database.Database; read: Database.Statement<[], { version: number }> } | null = null;

function sqliteVersion(): string | null {
  const file = databasePath();
  let key: string;
  try {
    key = `${file}:${fs.statSync(file).ino}`;
  } catch {
    return null;
  }
  try {
    if (cached?.key !== key) {
      cached?.db.close();
      cached = null;
      const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 1500 });
      cached = { key, db, read: db.prepare<[], { version: number }>(SQL) };
    }
    const row = cached.read.get();
    // The file's inode too: a replaced or restored database may count from a lower number again.
    return row ? `${key.slice(key.lastIndexOf(":") + 1)}.${row.version}` : null;
  } catch {
    // Unmigrated (no DataVersion yet), locked or unreadable: no version, so nothing is cached.
    cached?.db.close();
    cached = null;
    return null;
  }
}

/**
 * The version without waiting, where reading it needs no round trip (SQLite); null elsewhere. The
 * request proxy uses it for ETags, which must be decided before anything else runs.
 */
export function dataVersionNow(): string | null {
  const url = process.env.DATABASE_URL || "file:";
  return url.startsWith("file:") ? sqliteVersion() : null;
}

/**
 * The current data version as a token ("<inode>.<n>" on SQLite, "<n>" elsewhere), or null when it
 * cannot be read (then callers must not cache). Equal tokens mean the same data.
 */
export async function dataVersion(): Promise<string | null> {
  const url = process.env.DATABASE_URL || "file:";
  if (url.startsWith("file:")) return sqliteVersion();
  try {
    const { prisma } = await import("../db");
    const rows = await prisma.$queryRawUnsafe<{ version: number | bigint }[]>(SQL);
    return rows[0] ? String(rows[0].version) : null;
  } catch {
    return null;
  }
}
