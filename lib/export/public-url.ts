// Exports carry absolute links (a relative /analyses/x is not clickable in a spreadsheet): the
// public origin from FAULTLINE_PUBLIC_URL, else the host the request came to (X-Forwarded-* behind
// a proxy), as the sign-in origin check reads it.
import { expectedOrigin } from "../auth/origin";

/** The origin export links start with, e.g. `https://faultline.example`; no trailing slash. */
export function publicOrigin(request: Request): string {
  // A FAULTLINE_PUBLIC_URL that is no absolute URL throws here, naming it (lib/env.ts).
  const origin = expectedOrigin(request);
  try {
    const url = new URL(origin);
    if (url.protocol === "http:" || url.protocol === "https:") return url.origin;
  } catch {
    // fall through
  }
  // A malformed Host header: the address the server itself saw.
  return new URL(request.url).origin;
}

/** `path` (starting with "/") on `origin`. */
export function absoluteUrl(origin: string, path: string): string {
  return `${origin}${path}`;
}
