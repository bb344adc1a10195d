// Runs before every request: optional read protection (FAULTLINE_READ_TOKEN), a fresh CSP nonce that
// Next.js applies to its own scripts, and the security headers.
import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, readAllowed, SECURITY_HEADERS } from "./lib/security/csp";

export function proxy(request: NextRequest) {
  const readToken = process.env.FAULTLINE_READ_TOKEN;
  // Writes carry the admin token and are checked by their routes; everything else needs the read token.
  const isWrite = request.method !== "GET" && request.method !== "HEAD";
  if (readToken && !isWrite && !readAllowed(request.headers, readToken)) {
    return new NextResponse("Authentication required.", {
      status: 401,
      headers: { "WWW-Authenticate": 'Basic realm="Faultline", charset="UTF-8"', ...SECURITY_HEADERS },
    });
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
