// Turns SQLite and PostgreSQL failures into messages a user can act on, with the HTTP status that fits.
import { databasePath, isPostgres } from "../db-url";
import { env } from "../env";
import { describePgError } from "./postgres";
import { DatabaseReplacedError, DatabaseSetupError, DatabaseUnwritableError } from "./sqlite";

export interface DatabaseErrorDescription {
  status: number;
  message: string;
}

/** What was being done, so the message says what failed: never "upload" for a delete or an ingest. */
export type DatabaseAction = "ingest" | "upload" | "delete";

const FAILED: Record<DatabaseAction, string> = {
  ingest: "Ingest failed",
  upload: "Upload failed: nothing was stored",
  delete: "Delete failed: nothing was removed",
};

/**
 * A message naming what failed, the database file and DATABASE_URL, and what to do. Database
 * problems are 503 (the server is fine; its database is not), anything unexpected 500.
 */
export function describeDatabaseError(error: unknown, action: DatabaseAction): DatabaseErrorDescription {
  if (isPostgres()) {
    const described = describePgError(error);
    return described.unavailable
      ? { status: 503, message: `${FAILED[action]}. ${described.message}` }
      : { status: 500, message: `${FAILED[action]} because of ${described.message}` };
  }
  const code = (error as { code?: string })?.code ?? "";
  const text = (error as Error)?.message ?? String(error);
  const file = databasePath();
  const url = `DATABASE_URL=${env().DATABASE_URL ?? "<unset, default file:./data/faultline.db>"}`;
  const failed = FAILED[action];
  const unavailable = (why: string) => ({ status: 503, message: `${failed}. ${why}` });
  if (error instanceof DatabaseSetupError || error instanceof DatabaseReplacedError || error instanceof DatabaseUnwritableError) return unavailable(text);
  if (/BUSY|LOCKED/.test(code) || /database is (locked|busy)/i.test(text)) {
    return unavailable(`The database is busy: another process (an ingest?) is writing to ${file}. Try again in a moment.`);
  }
  if (/READONLY|PERM/.test(code) || /readonly database/i.test(text)) {
    return unavailable(`The database ${file} (${url}) cannot be written: the file or its folder is read-only. Make both writable.`);
  }
  if (/NOTADB/.test(code)) {
    return unavailable(`${file} (${url}) is not a SQLite database. Point DATABASE_URL at the right file, or move this one away and run \`npm run db:migrate\`.`);
  }
  if (/CORRUPT/.test(code)) {
    return unavailable(`The database ${file} (${url}) is damaged (${code}). Restore it from a backup, or move it away and run \`npm start\` to rebuild it from content/ (uploads would have to be sent again).`);
  }
  if (/FULL/.test(code)) return unavailable(`The disk holding ${file} (${url}) is full.`);
  if (/IOERR/.test(code)) return unavailable(`A disk error stopped the write to ${file} (${url}): ${code}. Check the disk and the file.`);
  if (/CANTOPEN/.test(code) || /does not exist|unable to open/i.test(text)) {
    return unavailable(`The database ${file} (${url}) cannot be opened: check that it and its folder exist and are writable, or run \`npm run db:migrate\`.`);
  }
  return { status: 500, message: `${failed} because of an unexpected database error on ${file} (${url}): ${code ? `${code}: ` : ""}${text}` };
}
