// Is the database usable right now? Checked on every page render (cheap: one stat and one indexed
// read on a cached read-only connection) so a missing, locked or unmigrated database shows a clear
// page naming the file, and the app recovers by itself once the file is back.
import fs from "node:fs";
import Database from "better-sqlite3";
import { databasePath } from "../db-url";

export type DatabaseHealth =
  | { ok: true }
  | { ok: false; problem: "missing" | "locked" | "unmigrated" | "unreadable"; path: string; message: string };

/** The heading a reader sees for each problem (page, 503 answer and API error alike). */
export const DATABASE_PROBLEM_TITLES = {
  missing: "The database is missing",
  locked: "The database is busy",
  unmigrated: "The database is not set up",
  unreadable: "The database cannot be read",
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
