// Applies prisma/postgres/migrations to a PostgreSQL database when some are missing. A small runner of
// its own instead of `prisma migrate deploy`: on 6.19.3 the CLI needs five workarounds around the pg
// adapter (../shared/notes/postgres.md) and takes 3-12 s; this takes milliseconds and adds what a team
// needs: each migration file runs whole in one transaction (PostgreSQL DDL is transactional, so a
// failed migration leaves nothing behind), and an advisory lock makes two servers starting at once
// apply them once. Applied migrations are recorded in Prisma's own `_prisma_migrations` table, with
// Prisma's checksum (sha256 of the file), so `prisma migrate status` agrees.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseUrl, describeDatabase } from "../db-url";
import { connectPg, type PgClient } from "./postgres";

export const PG_MIGRATIONS_DIR = path.resolve("prisma/postgres/migrations");
const LOCK_KEY = 4_171_001; // pg_advisory_lock key for "faultline migrations"

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function pgMigrationNames(dir = PG_MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

async function applied(client: PgClient): Promise<Set<string>> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!exists.rows[0]?.t) return new Set();
  const rows = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.rows.map((r) => r.migration_name));
}

export async function pendingPgMigrations(url = databaseUrl(), dir = PG_MIGRATIONS_DIR): Promise<string[]> {
  const client = await connectPg(url);
  try {
    const done = await applied(client);
    return pgMigrationNames(dir).filter((name) => !done.has(name));
  } finally {
    client.release();
  }
}

/** Applies the missing migrations in name order; returns their names. Throws naming the one that failed. */
export async function migratePostgres(url = databaseUrl(), log: (line: string) => void = console.log, dir = PG_MIGRATIONS_DIR): Promise<string[]> {
  const client = await connectPg(url);
  const done: string[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    await client.query(CREATE_TABLE);
    const have = await applied(client);
    const pending = pgMigrationNames(dir).filter((name) => !have.has(name));
    if (pending.length) log(`Applying ${pending.length} migration(s) to ${describeDatabase(url)}: ${pending.join(", ")}`);
    for (const name of pending) {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const started = new Date();
      await client.query("BEGIN");
      try {
        await client.query(sql); // one simple-protocol query: the file runs whole, $$ bodies and all
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [crypto.randomUUID(), crypto.createHash("sha256").update(sql).digest("hex"), name, started],
        );
        await client.query("COMMIT");
        done.push(name);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        const e = error as { message?: string; position?: string };
        const line = e.position ? ` (line ${sql.slice(0, Number(e.position)).split("\n").length})` : "";
        throw new Error(`Migration ${name} failed on ${describeDatabase(url)}${line}: ${e.message ?? String(error)}. Nothing of it was applied.`);
      }
    }
    // A migration that fills a column rewrites rows and a new index has no statistics: until a vacuum,
    // the planner may scan whole tables instead of reading the new indexes alone (measured on /scores at
    // 50,000 analyses after 0021). Servers with autovacuum off or slow would keep those plans for hours.
    if (done.length) {
      log(`Vacuuming ${describeDatabase(url)} after the migration(s)…`);
      await client.query("VACUUM (ANALYZE)");
    }
    return done;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => {});
    client.release();
  }
}
