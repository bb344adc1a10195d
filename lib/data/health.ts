// Is the database usable right now? Checked on every page render (cheap: one stat and one indexed
// read on a cached read-only connection) so a missing, locked or unmigrated database shows a clear
// page naming the file, and the app recovers by itself once the file is back.
import fs from "node:fs";
import Database from "better-sqlite3";
import { databasePath, describeDatabase, isPostgres } from "../db-url";
import { pgPool, unreachableMessage } from "./postgres";

export type DatabaseHealth =
  | { ok: true }
  | { ok: false; problem: "missing" | "locked" | "unmigrated" | "unreadable" | "unreachable"; path: string; message: string };

/** The heading a reader sees for each problem (page, 503 answer and API error alike). */
export const DATABASE_PROBLEM_TITLES = {
  missing: "The database is missing",
  locked: "The database is busy",
  unmigrated: "The database is not set up",
  unreadable: "The database cannot be read",
  unreachable: "The database server cannot be reached",
} as const;

let cached: { key: string; db: Database.Database } | null = null;

function connection(file: string, stat: fs.Stats): Database.Database {
  const key = `${file}:${stat.ino}`;
  if (cached?.key !== key) {
    cached?.db.close();
    cached = { key, db: new Database(file, { readonly: true, fileMustExist: true, timeout: 1500 }) };
  }
  return cached.db;
}

export function checkDatabase(file = databasePath()): DatabaseHealth {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return {
      ok: false, problem: "missing", path: file,
      message: `The database file ${file} does not exist. Run \`npm run db:migrate\` and \`npm run ingest\` (or \`npm start\`), or point DATABASE_URL at the right file.`,
    };
  }
  try {
    connection(file, stat).prepare(`SELECT id FROM "Analysis" LIMIT 1`).get();
    return { ok: true };
  } catch (error) {
    const text = (error as Error).message;
    if (cached) {
      cached.db.close();
      cached = null;
    }
    if (/locked|busy/i.test(text)) {
      return { ok: false, problem: "locked", path: file, message: `The database ${file} is locked by another process. This page will work again once it is released.` };
    }
    if (/no such table/i.test(text)) {
      return { ok: false, problem: "unmigrated", path: file, message: `The database ${file} has no Faultline tables yet. Run \`npm run db:migrate\` (or \`npm start\`).` };
    }
    return { ok: false, problem: "unreadable", path: file, message: `The database ${file} cannot be read: ${text}` };
  }
}

/**
 * The same check for whichever database DATABASE_URL names. On PostgreSQL: one indexed read through
 * the shared pool, given up after 2 s; a server that is down, unknown, refusing the login or missing
 * the database gives a message naming host and database (never the password), and the next request
 * checks again, so the app recovers without a restart once the server is back.
 */
export async function checkDatabaseHealth(): Promise<DatabaseHealth> {
  if (!isPostgres()) return checkDatabase();
  const where = describeDatabase();
  try {
    const client = await pgPool().connect();
    try {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error("no answer in 2 s"), { code: "57014" })), 2000)));
      try {
        await Promise.race([client.query(`SELECT id FROM "Analysis" LIMIT 1`), timeout]);
      } finally {
        clearTimeout(timer);
      }
    } finally {
      client.release();
    }
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code === "42P01") {
      return { ok: false, problem: "unmigrated", path: where, message: `${where} has no Faultline tables yet. Run \`npm run db:migrate\` (or \`npm start\`).` };
    }
    if (code === "3D000") return { ok: false, problem: "missing", path: where, message: unreachableMessage(error) };
    if (code === "57014" || code === "55P03") {
      return { ok: false, problem: "locked", path: where, message: `${where} did not answer within 2 s (busy or locked). This page will work again once it does.` };
    }
    return { ok: false, problem: "unreachable", path: where, message: unreachableMessage(error) };
  }
}
