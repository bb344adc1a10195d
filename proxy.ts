// Runs before every request: optional read protection (FAULTLINE_READ_TOKEN) for every method, 405 for
// methods pages don't serve, a fresh CSP nonce that Next.js applies to its own scripts, and the
// security headers — on every answer, refusals included; ETags by data version and 304 Not Modified.
import { NextResponse, type NextRequest } from "next/server";
import { cacheEnabled } from "./lib/cache";
import { noneMatch, taggable, versionEtag } from "./lib/cache/etag";
import { errorResponse } from "./lib/api/error-response";
import { apiErrorStatus, type ApiErrorCode } from "./lib/domain/api-error";
import { checkDatabaseHealth } from "./lib/data/health";
import { dataVersion } from "./lib/data/version";
import { env } from "./lib/env";
import { buildCsp, constantTimeEqual, readAllowed, SECURITY_HEADERS } from "./lib/security/csp";
import { databaseUnavailable } from "./lib/security/unavailable";
import { reviewerMayRead, shareAllows } from "./lib/reviews/read-access";

/** Pages (and their RSC payloads) are read with GET or HEAD only; the API routes declare their own. */
const PAGE_METHODS = ["GET", "HEAD"];

// Stored but revalidated on every use. Not "private": a 5xx would then be storable and a 304 at the
// same version would keep showing it; per-viewer pages are safe anyway, their tags hash the viewer.
const REVALIDATE = "no-cache";

export async function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const api = request.nextUrl.pathname.startsWith("/api/");
  const securityHeaders = { "Content-Security-Policy": csp, ...SECURITY_HEADERS };
  const sentence = (status: number, message: string, headers: Record<string, string>) =>
    new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...securityHeaders, ...headers } });
  // A page gets a sentence; the API its own error shape ({error: {code, message}}), as its handlers send.
  const refuse = (code: ApiErrorCode, message: string, headers: Record<string, string>) =>
    api ? errorResponse(code, message, { headers: { ...securityHeaders, ...headers } }) : sentence(apiErrorStatus(code), message, headers);

  // Every method needs the read credential when one is set: App Router pages render for any method,
  // so exempting writes would hand out every page. The admin token (which can write) may also read.
  // A reviewer's own token or sign-in session counts too, and the sign-in page and its form are open
  // (a personal token is a stronger credential than the shared read token).
  // A share link (/s/<token>, then its cookie) reads its one analysis or failure page, marked noindex.
  const readToken = env().FAULTLINE_READ_TOKEN;
  let shared = false;
  if (
    readToken &&
    !readAllowed(request.headers, readToken) &&
    !adminTokenPresented(request.headers) &&
    !isSignIn(request) &&
    !(await reviewerMayRead(request.headers))
  ) {
    shared =
      PAGE_METHODS.includes(request.method) && (isShareLink(request) || (await shareAllows(request.headers, request.nextUrl.pathname)));
    // The Basic challenge goes to page loads and scripts, not to a page's own background requests
    // (router prefetches, icons, fetch): a browser would prompt for those or stall its navigation.
    const mode = request.headers.get("sec-fetch-mode");
    const challenge: Record<string, string> =
      !mode || mode === "navigate" ? { "WWW-Authenticate": 'Basic realm="Faultline", charset="UTF-8"' } : {};
    if (!shared) return refuse("unauthorized", "Authentication required.", challenge);
  }
  // A path Next.js cannot decode (`/analyses/%ZZ`) would fail later in routing as a bare 500 without
  // these headers; it is the client's mistake, so say so here.
  if (!decodable(request.nextUrl.pathname)) return refuse("bad_request", "Bad request: the address has malformed percent-encoding.", {});
  if (!api && !PAGE_METHODS.includes(request.method)) {
    return sentence(405, `Method ${request.method} is not allowed here.`, { Allow: PAGE_METHODS.join(", ") });
  }
  // One indexed read: on SQLite a stat and a cached read-only connection, on PostgreSQL one pooled
  // round trip. Cheap enough for every request.
  const health = await checkDatabaseHealth();
  if (!health.ok) return databaseUnavailable(health, { api, headers: securityHeaders });

  // At an unchanged data version (and build), the same viewer asking the same way gets the same answer:
  // `If-None-Match` with its tag is answered 304 here, without rendering (lib/cache/etag.ts). The 304
  // carries no new CSP: the browser keeps the page it has with the nonce that page was sent with.
  const version = cacheEnabled() && taggable(request.method, request.nextUrl.pathname) ? await dataVersion() : null;
  const etag = version === null ? null : versionEtag(version, request.nextUrl.pathname + request.nextUrl.search, request.headers);
  if (etag && noneMatch(request.headers.get("if-none-match"), etag)) {
    return new NextResponse(null, { status: 304, headers: { ETag: etag, "Cache-Control": REVALIDATE, ...SECURITY_HEADERS } });
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (shared) response.headers.set("X-Robots-Tag", "noindex, nofollow");
  if (etag) {
    response.headers.set("ETag", etag);
    // Stored by the browser but revalidated on every use (the ETag makes that a cheap 304).
    response.headers.set("Cache-Control", REVALIDATE);
  }
  return response;
}

/** The sign-in page and the form it posts: reachable without the read token. */
function isSignIn(request: NextRequest): boolean {
  const path = request.nextUrl.pathname;
  return (path === "/sign-in" && PAGE_METHODS.includes(request.method)) || (path === "/api/session" && request.method === "POST");
}

/** A share link itself (`/s/<token>`): its route checks the token and sets the scoped cookie. */
function isShareLink(request: NextRequest): boolean {
  return /^\/s\/[A-Za-z0-9_-]{43}$/.test(request.nextUrl.pathname);
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The admin token as the write routes accept it (Bearer or x-faultline-token); they check it again. */
function adminTokenPresented(headers: Headers): boolean {
  const expected = env().FAULTLINE_ADMIN_TOKEN;
  if (!expected) return false;
  const auth = headers.get("authorization") ?? "";
  const given = auth.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : headers.get("x-faultline-token");
  return given !== null && constantTimeEqual(given, expected);
}

export const config = {
  // Static build assets carry no data; everything else (favicon and 404s included) gets the headers.
  matcher: [{ source: "/((?!_next/static|_next/image).*)" }],
};
