// The Content-Security-Policy Faultline sends: scripts only with the per-request nonce (no
// 'unsafe-eval' outside `next dev`), nothing framed or framing, no plugins, same-origin everything.
export function buildCsp(nonce: string, { dev = false } = {}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React `style`) carry no script; Tailwind's sheet is same-origin.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-src 'none'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** Constant-time string comparison usable in any runtime (no node:crypto). */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** With FAULTLINE_READ_TOKEN set, reads need it: HTTP Basic (any user name) or a Bearer header. */
export function readAllowed(headers: Headers, token: string | undefined): boolean {
  if (!token) return true;
  const auth = headers.get("authorization") ?? "";
  if (auth.toLowerCase().startsWith("bearer ")) return constantTimeEqual(auth.slice(7).trim(), token);
  if (auth.toLowerCase().startsWith("basic ")) {
    try {
      const decoded = atob(auth.slice(6).trim());
      const password = decoded.slice(decoded.indexOf(":") + 1);
      return constantTimeEqual(password, token);
    } catch {
      return false;
    }
  }
  return false;
}
