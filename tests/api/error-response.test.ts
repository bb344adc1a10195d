// Every API error code is sent with its own HTTP status, in one shape: {error: {code, message}}.
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/error-response";
import { API_ERROR_CODES, apiErrorOf, apiErrorStatus } from "@/lib/domain/api-error";

const EXPECTED: Record<string, number> = {
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
};

describe("errorResponse", () => {
  it("sends each code with its status and the message as given", async () => {
    expect([...API_ERROR_CODES].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const code of API_ERROR_CODES) {
      expect(apiErrorStatus(code), code).toBe(EXPECTED[code]);
      const response = errorResponse(code, `Message for ${code}.`);
      expect(response.status, code).toBe(EXPECTED[code]);
      expect(response.headers.get("cache-control"), code).toBe("no-store");
      expect(await response.json(), code).toEqual({ error: { code, message: `Message for ${code}.` } });
    }
  });

  it("names the field at fault inside the error, keeps members beside it, and adds headers", async () => {
    const response = errorResponse("bad_request", "Parameter `days`: at least 1 day.", {
      field: "days",
      headers: { "Retry-After": "5" },
      extra: { refused: [] },
    });
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({
      refused: [],
      error: { code: "bad_request", message: "Parameter `days`: at least 1 day.", field: "days" },
    });
    expect(await errorResponse("not_found", "No analysis.", { field: null }).json()).toEqual({
      error: { code: "not_found", message: "No analysis." },
    });
  });
});

describe("apiErrorOf", () => {
  it("reads the error of an error answer and nothing else", () => {
    expect(apiErrorOf({ error: { code: "conflict", message: "Taken." } })).toEqual({ code: "conflict", message: "Taken." });
    for (const body of [null, undefined, "text", {}, { items: [] }, { error: "old shape" }, { error: { message: "no code" } }]) {
      expect(apiErrorOf(body)).toBeNull();
    }
  });
});
