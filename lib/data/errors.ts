// Turns SQLite failures into messages a user can act on, with the HTTP status that fits.
import { databasePath } from "../db-url";

export interface DatabaseErrorDescription {
  status: number;
  message: string;
}

export function describeDatabaseError(error: unknown): DatabaseErrorDescription {
  const code = (error as { code?: string })?.code ?? "";
  const text = (error as Error)?.message ?? String(error);
  const file = databasePath();
  if (/BUSY|LOCKED/.test(code) || /database is (locked|busy)/i.test(text)) {
    return { status: 503, message: `The database is busy: another process (an ingest?) is writing to ${file}. Try again in a moment.` };
  }
  if (/READONLY/.test(code) || /readonly database/i.test(text)) {
    return { status: 503, message: `The database ${file} is read-only, so nothing can be stored. Make the file writable (DATABASE_URL).` };
  }
  if (/CANTOPEN/.test(code) || /does not exist|unable to open/i.test(text)) {
    return { status: 503, message: `The database ${file} cannot be opened. Run \`npm run db:migrate\` or check DATABASE_URL.` };
  }
  return { status: 500, message: "The upload could not be stored because of an unexpected database error." };
}
