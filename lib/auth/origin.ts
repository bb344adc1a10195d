// CSRF defence for writes a browser authenticates by itself (the session cookie, a trusted proxy
// header): the request must say it comes from this very origin. Browsers send Origin on every POST,
// PATCH and DELETE; a missing or foreign Origin is refused. Bearer-token requests need no check.
import { env } from "../env";

/** The origin this server is reached at, as the browser sees it (behind a proxy: X-Forwarded-*). */
export function expectedOrigin(request: Request): string {
  const configured = env().FAULTLINE_PUBLIC_URL;
  if (configured) return new URL(configured).origin;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

export type OriginCheck = { ok: true } | { ok: false; message: string };

export function checkSameOrigin(request: Request): OriginCheck {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") {
    return { ok: false, message: "Refused: a signed-in write must come from this site (the request has no Origin header)." };
  }
  if (origin !== expectedOrigin(request)) {
    return { ok: false, message: `Refused: a signed-in write must come from this site, not ${origin}.` };
  }
  return { ok: true };
}
