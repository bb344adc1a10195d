// The data version (migration 0017): one number that triggers on every table bump on each insert,
// update and delete. Read once per request to key the in-process caches and ETags (lib/cache/), so a
// committed write, by any process, is seen at the next request. One tiny query: on SQLite through a
// cached read-only connection (like the health check), on PostgreSQL through the shared pg pool.
import fs from "node:fs";
import Database from "better-sqlite3";
import { databasePath } from "../db-url";
import { env } from "../env";

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

// The database's oid too, like the inode on SQLite: a dropped and recreated database counts from 1 again.
const PG_SQL = `SELECT v."version", d.oid::text AS "oid" FROM "DataVersion" v, pg_database d WHERE v."id" = 1 AND d.datname = current_database()`;

/**
 * The current data version as a token ("<inode>.<n>" on SQLite, "<oid>.<n>" on PostgreSQL), or null
 * when it cannot be read (then callers must not cache). Equal tokens mean the same data. On PostgreSQL
 * one round trip through the shared pool (lib/data/postgres.ts), which the request proxy uses too.
 */
export async function dataVersion(): Promise<string | null> {
  const url = env().DATABASE_URL ?? "file:";
  if (url.startsWith("file:")) return sqliteVersion();
  try {
    const { pgPool } = await import("./postgres");
    const { rows } = await pgPool().query<{ version: number | string; oid: string }>(PG_SQL);
    return rows[0] ? `${rows[0].oid}.${rows[0].version}` : null;
  } catch {
    return null;
  }
}
