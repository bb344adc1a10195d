// Sign-in and sign-out over HTTP: a plain HTML form (works without JavaScript) or JSON. The token is
// exchanged for a random session id in an httpOnly, SameSite=Lax cookie; both writes check Origin
// (a cross-site form must not sign a browser in or out).
import "server-only";
import { errorResponse } from "../api/error-response";
import { clearedSessionCookie, cookieValue, SESSION_COOKIE, sessionCookie } from "./reviewer";
import { checkSameOrigin, expectedOrigin } from "./origin";
import { endSession, startSession } from "../reviews/reviewers";
import { signInHref } from "../routes/paths";

const MAX_FORM_BYTES = 4096;

/** Only a path on this site (never `//host` or a scheme): where to go after signing in. */
export function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) && !/[\u0000-\u001f]/.test(next) ? next : "/";
}

const secure = (request: Request) => expectedOrigin(request).startsWith("https:");
const wantsJson = (request: Request) => (request.headers.get("content-type") ?? "").startsWith("application/json");

function redirect(to: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: to, "Cache-Control": "no-store", ...headers } });
}

async function readFields(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > MAX_FORM_BYTES) throw new Error("too large");
  if (wantsJson(request)) {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export async function signIn(request: Request): Promise<Response> {
  const json = wantsJson(request);
  const origin = checkSameOrigin(request);
  if (!origin.ok) return errorResponse("forbidden", origin.message);
  let fields: Record<string, unknown>;
  try {
    fields = await readFields(request);
  } catch {
    return errorResponse("bad_request", 'Could not read the sign-in request (a form with `token`, or JSON {"token"}, under 4 KB).');
  }
  const next = safeNext(fields.next);
  const token = typeof fields.token === "string" ? fields.token.trim() : "";
  const session = token ? await startSession(token) : null;
  if (!session) {
    if (json)
      return token
        ? errorResponse("unauthorized", "That token is not valid (or was revoked).")
        : errorResponse("bad_request", "Missing field `token`.", { field: "token" });
    return redirect(signInHref(next, token ? "invalid" : "missing"));
  }
  const cookie = sessionCookie(session.sessionId, session.expiresAt, secure(request));
  if (json)
    return Response.json(
      { name: session.reviewer.name, expiresAt: session.expiresAt.toISOString() },
      { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } },
    );
  return redirect(next, { "Set-Cookie": cookie });
}

export async function signOut(request: Request): Promise<Response> {
  const origin = checkSameOrigin(request);
  if (!origin.ok) return errorResponse("forbidden", origin.message);
  const session = cookieValue(request.headers, SESSION_COOKIE);
  if (session) await endSession(session);
  const cookie = clearedSessionCookie(secure(request));
  if (wantsJson(request)) return Response.json({ signedOut: true }, { headers: { "Set-Cookie": cookie } });
  // The sign-in page, which is open even on a private instance (the home page may not be any more).
  return redirect("/sign-in", { "Set-Cookie": cookie });
}
