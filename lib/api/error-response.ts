// An API error answer: `{error: {code, message}}` with the status the code maps to (lib/domain/api-error.ts),
// never stored by a cache. Plain Response (no next/server), so the request proxy may send it too.
import { apiErrorStatus, type ApiError, type ApiErrorCode } from "../domain/api-error";

export interface ErrorResponseOptions {
  /** The parameter or body field at fault. */
  field?: string | null;
  /** More headers (Retry-After, a cookie). */
  headers?: Record<string, string>;
  /** Members beside `error` (the upload's per-file `refused` list). */
  extra?: Record<string, unknown>;
}

export function errorResponse(code: ApiErrorCode, message: string, { field, headers, extra }: ErrorResponseOptions = {}): Response {
  const error: ApiError = field ? { code, message, field } : { code, message };
  return Response.json({ ...extra, error }, { status: apiErrorStatus(code), headers: { "Cache-Control": "no-store", ...headers } });
}
