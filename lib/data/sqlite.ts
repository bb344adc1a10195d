// Opens the SQLite file directly (better-sqlite3) for the bulk paths Prisma is too slow for:
// ingest writes and the FTS5 search index. Settings shared by every connection live here.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath } from "../db-url";
import { env } from "../env";

export type Sqlite = Database.Database;

export class DatabaseSetupError extends Error {}

/** Opens (and creates the folder of) the database named by DATABASE_URL, in WAL mode. */
export function openSqlite(file = databasePath(), { readonly = false, busyTimeoutMs = 10_000 } = {}): Sqlite {
  const dir = path.dirname(file);
  if (!readonly) {
    try {
      makeDirectory(dir);
      fs.accessSync(dir, fs.constants.W_OK);
    } catch {
      throw new DatabaseSetupError(
        `Cannot write the database folder ${dir} (from DATABASE_URL=${env().DATABASE_URL ?? "<unset, default file:./data/faultline.db>"}). ` +
          `Point DATABASE_URL at a writable file, e.g. DATABASE_URL=file:./data/faultline.db`,
      );
    }
  } else if (!fs.existsSync(file)) {
    throw new DatabaseSetupError(`Database file ${file} does not exist (DATABASE_URL). Run \`npm run db:migrate\` or \`npm start\`.`);
  }
  let db: Sqlite;
  try {
    db = new Database(file, { readonly, timeout: busyTimeoutMs });
  } catch (error) {
    throw new DatabaseSetupError(`Cannot open the database ${file} (DATABASE_URL=${env().DATABASE_URL ?? "<unset>"}): ${(error as Error).message}`);
  }
  if (!readonly) {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  return db;
}

/** mkdir -p one level at a time: Node's recursive mkdir can spin forever under /proc-like paths. */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) fs.mkdirSync(folder);
}

export class DatabaseReplacedError extends Error {}

/** The database can no longer be written; its connection must not be closed (closing writes). */
export class DatabaseUnwritableError extends Error {}

/**
 * The database or its -wal/-shm companion can no longer be written (made immutable or read-only
 * while a writer runs). Checked before writing: SQLite maps the -shm file into memory, and a write
 * through that mapping after the file turned immutable kills the process with SIGBUS, no message.
 */
function assertWritable(file: string): void {
  for (const candidate of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.accessSync(candidate, fs.constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") continue;
      throw new DatabaseUnwritableError(
        `The database file ${candidate} can no longer be written (${code}: made immutable or read-only?) while this process was writing to ${file} ` +
          `(DATABASE_URL=${env().DATABASE_URL ?? "<unset>"}). Stopped before writing more; make it writable and run the command again.`,
      );
    }
  }
}

/**
 * Remembers which file (device and inode) `db` has open, and returns a check that throws when the
 * file at its path is now another one or gone: a connection keeps writing to the file it opened, so
 * after a replace or delete everything it writes is lost. Ingest checks before and after each batch.
 */
export function databaseFileGuard(db: Sqlite): () => void {
  const file = db.name;
  if (!file || file === ":memory:" || db.memory) return () => {};
  const opened = fs.statSync(file);
  return () => {
    const now = fs.statSync(file, { throwIfNoEntry: false });
    if (now && now.dev === opened.dev && now.ino === opened.ino) {
      assertWritable(file);
      return;
    }
    // Our write-ahead log is still at the path (<file>-wal): checkpoint it into the old file and
    // empty it, or the next connection to the new file would replay our pages into it.
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
    } catch {
      // Nothing more can be done for the old file; the error below still stops the writer.
    }
    const what = now ? `was replaced by another file (inode ${opened.ino} → ${now.ino})` : "was removed";
    throw new DatabaseReplacedError(
      `The database file ${file} ${what} while this process was writing to it (DATABASE_URL=${env().DATABASE_URL ?? "<unset>"}). ` +
        `What was written since it was opened went to the old file and is not in ${file}. Stopped; run the command again.`,
    );
  };
}
