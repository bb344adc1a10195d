// Applies the migrations when, and only when, some are missing from the database: SQLite through
// `prisma migrate deploy` (prisma/migrations), PostgreSQL through lib/data/pg-migrations.ts
// (prisma/postgres/migrations). `migrateDatabase` picks by DATABASE_URL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { databasePath, databaseUrl, isPostgres } from "../db-url";
import { childEnv } from "../env";
import { migratePostgres, pendingPgMigrations } from "./pg-migrations";
import { openSqlite } from "./sqlite";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

export function pendingMigrations(file = databasePath()): string[] {
  const wanted = fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (!fs.existsSync(file)) return wanted;
  const db = openSqlite(file);
  try {
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'`).get();
    if (!table) return wanted;
    const applied = new Set(
      db
        .prepare<[], { migration_name: string }>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .all()
        .map((r) => r.migration_name),
    );
    return wanted.filter((name) => !applied.has(name));
  } finally {
    db.close();
  }
}

/** Runs `prisma migrate deploy` if anything is pending; throws with Prisma's output when it fails. */
export function migrateIfNeeded(log: (line: string) => void = console.log): void {
  // openSqlite creates the folder and reports an unwritable path clearly, naming DATABASE_URL.
  openSqlite().close();
  const pending = pendingMigrations();
  if (!pending.length) return;
  log(`Applying ${pending.length} migration(s) to ${databasePath()}: ${pending.join(", ")}`);
  const prisma = path.resolve("node_modules/.bin/prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], { encoding: "utf8", env: childEnv({ PRISMA_HIDE_UPDATE_MESSAGE: "1" }) });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    // Another connection (a running server, an ingest) keeps the file in use: SQLite answers BUSY,
    // which the Prisma CLI reports as an opaque "unknown variant `SocketTimeout`". Say what to do.
    if (/SocketTimeout|SQLITE_BUSY|database is locked/.test(output)) {
      throw new Error(
        `cannot apply ${pending.join(", ")} to ${databasePath()}: the database is in use by another process ` +
          `(a running Faultline server or ingest). Stop it and run again; \`npm start\` applies migrations itself before it serves.`,
      );
    }
    throw new Error(`prisma migrate deploy failed for ${databasePath()}:\n${output}`);
  }
}

/** Applies missing migrations to the database DATABASE_URL names, whichever the provider. */
export async function migrateDatabase(log: (line: string) => void = console.log): Promise<void> {
  if (isPostgres()) await migratePostgres(databaseUrl(), log);
  else migrateIfNeeded(log);
}

/** Names of the migrations not yet applied to the database DATABASE_URL names. */
export async function pendingDatabaseMigrations(): Promise<string[]> {
  return isPostgres() ? pendingPgMigrations() : pendingMigrations();
}
