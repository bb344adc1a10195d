// A failed database write as an API answer: the database's own trouble (locked, read-only, missing,
// full) is 503 database_unavailable with Retry-After; anything unexpected is a logged 500 internal.
import "server-only";
import { describeDatabaseError, type DatabaseAction } from "../data/errors";
import { RETRY_AFTER_SECONDS } from "../security/unavailable";
import { errorResponse } from "./error-response";

export function databaseErrorResponse(error: unknown, action: DatabaseAction): Response {
  const { status, message } = describeDatabaseError(error, action);
  if (status === 503) return errorResponse("database_unavailable", message, { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
  console.error(`${action} failed:`, error);
  return errorResponse("internal", message);
}
