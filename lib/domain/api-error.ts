// The error shape of every JSON API answer, `{error: {code, message}}`: a code a script can branch on,
// each mapped to one HTTP status, and the sentence a person reads. Shared by the handlers that send it
// and the client components that show it.

/** Every error code the API sends, with its HTTP status. */
export const API_ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  database_unavailable: 503,
  service_unavailable: 503,
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

/** The `error` member of an error answer; `field` names the bad parameter or body field when there is one. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  field?: string;
}

export interface ApiErrorBody {
  error: ApiError;
}

/** The status an error code is sent with. */
export function apiErrorStatus(code: ApiErrorCode): number {
  return API_ERROR_STATUS[code];
}

/** The error of a parsed answer body, or null when it is not an error answer (or not JSON at all). */
export function apiErrorOf(body: unknown): ApiError | null {
  if (!body || typeof body !== "object" || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (!error || typeof error !== "object") return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === "string" && typeof message === "string" ? (error as ApiError) : null;
}
