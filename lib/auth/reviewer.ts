// Who is making a request, for reviewing: one of
//   - the name in FAULTLINE_TRUSTED_USER_HEADER, only when that variable is set (the team's
//     authenticating proxy sets the header; it must strip it from clients);
//   - a Bearer token: the admin token (FAULTLINE_ADMIN_TOKEN, acting as "admin") or a reviewer's own;
//   - the sign-in session cookie.
// `via` says whether the browser attached the credential by itself (cookie, header): such writes
// must pass the Origin check (lib/auth/origin.ts).
import { presentedToken, tokensMatch } from "./admin-token";
import { looksLikeToken, SESSION_COOKIE } from "./tokens";
import { namedIdentity, reviewerBySession, reviewerByToken, type ReviewerIdentity } from "../reviews/reviewers";
import { env } from "../env";

export { SESSION_COOKIE };

export type Viewer = { reviewer: ReviewerIdentity; via: "bearer" | "cookie" | "header" } | null;

/** The value of one cookie in a Cookie header. */
export function cookieValue(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}

/** The trusted header's user name, when the header is configured and present (≤ 64 chars, no controls). */
export function trustedUserName(headers: Headers): string | null {
  const header = env().FAULTLINE_TRUSTED_USER_HEADER;
  if (!header) return null;
  const value = headers.get(header)?.trim();
  if (!value) return null;
  const name = value.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 64);
  return name || null;
}

export async function resolveViewer(headers: Headers): Promise<Viewer> {
  const headerName = trustedUserName(headers);
  if (headerName) return { reviewer: await namedIdentity(headerName, "header"), via: "header" };
  const token = presentedToken(headers);
  if (token) {
    const admin = env().FAULTLINE_ADMIN_TOKEN;
    if (admin && tokensMatch(token, admin)) return { reviewer: await namedIdentity("admin", "admin"), via: "bearer" };
    if (looksLikeToken(token)) {
      const reviewer = await reviewerByToken(token);
      if (reviewer) return { reviewer, via: "bearer" };
    }
  }
  const session = cookieValue(headers, SESSION_COOKIE);
  if (session) {
    const reviewer = await reviewerBySession(session);
    if (reviewer) return { reviewer, via: "cookie" };
  }
  return null;
}

/** Set-Cookie for a new session: httpOnly, SameSite=Lax, Secure on https, expiring with the session. */
export function sessionCookie(value: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(secure ? ["Secure"] : [])].join("; ");
}
