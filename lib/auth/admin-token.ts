// Write access: requests must carry FAULTLINE_ADMIN_TOKEN (Bearer or x-faultline-token), compared in
// constant time. With no token configured, writes are disabled.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/** A refusal says why by its API error code: no or a wrong token (unauthorized), writes disabled (forbidden). */
export type WriteAccess = { ok: true } | { ok: false; code: "unauthorized" | "forbidden"; message: string };

export function adminTokenConfigured(): boolean {
  return Boolean(env().FAULTLINE_ADMIN_TOKEN);
}

/** The token a request presents, if any. */
export function presentedToken(headers: Headers): string | null {
  const auth = headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return headers.get("x-faultline-token");
}

export function tokensMatch(given: string, expected: string): boolean {
  // Hash both so the comparison is constant-time whatever their lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export function checkWriteAccess(headers: Headers): WriteAccess {
  const expected = env().FAULTLINE_ADMIN_TOKEN;
  if (!expected) {
    return { ok: false, code: "forbidden", message: "Uploads are disabled: the server has no FAULTLINE_ADMIN_TOKEN set." };
  }
  const given = presentedToken(headers);
  if (!given || !tokensMatch(given, expected)) return { ok: false, code: "unauthorized", message: "Unauthorized." };
  return { ok: true };
}
