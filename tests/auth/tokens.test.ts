// Reviewer secrets: 256-bit tokens and session ids, stored as SHA-256, compared in constant time,
// sessions that expire; the Origin check that guards cookie-authenticated writes.
import { timingSafeEqual } from "node:crypto";
import { describe, expect, it, vi, afterEach } from "vitest";
import {
  hashSecret,
  isExpired,
  looksLikeToken,
  matchesHash,
  nameProblem,
  newSessionId,
  newToken,
  secretsMatch,
  sessionExpiry,
  SESSION_DAYS,
  TOKEN_PREFIX,
} from "@/lib/auth/tokens";
import { checkSameOrigin } from "@/lib/auth/origin";
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, default: actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

import { clearedSessionCookie, cookieValue, sessionCookie, trustedUserName } from "@/lib/auth/reviewer";

describe("tokens", () => {
  it("are at least 128 bits of randomness, URL-safe, recognisable and never repeat", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
      const bytes = Buffer.from(token.slice(TOKEN_PREFIX.length), "base64url");
      expect(bytes.length * 8).toBeGreaterThanOrEqual(128);
      expect(looksLikeToken(token)).toBe(true);
    }
    expect(Buffer.from(newSessionId(), "base64url").length * 8).toBeGreaterThanOrEqual(128);
    expect(looksLikeToken("flr_short")).toBe(false);
    expect(looksLikeToken(`${newToken()}x`)).toBe(false);
  });

  it("are stored as a SHA-256 that does not contain the token, and only the token matches it", () => {
    const token = newToken();
    const hash = hashSecret(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token.slice(4, 20));
    expect(hashSecret(token)).toBe(hash);
    expect(matchesHash(token, hash)).toBe(true);
    expect(matchesHash(`${token}x`, hash)).toBe(false);
    expect(matchesHash(newToken(), hash)).toBe(false);
    expect(matchesHash(token, "abc")).toBe(false); // a malformed stored hash never matches
  });

  it("compare in constant time whatever the lengths (timingSafeEqual on equal-length digests)", async () => {
    const spy = vi.mocked(timingSafeEqual);
    spy.mockClear();
    expect(secretsMatch("abc", "abc")).toBe(true);
    expect(secretsMatch("abc", "abcd")).toBe(false);
    expect(secretsMatch("", "x".repeat(1000))).toBe(false);
    const token = newToken();
    expect(matchesHash(token, hashSecret(token))).toBe(true);
    // Every comparison went through timingSafeEqual, on two 32-byte digests (lengths never leak).
    expect(spy).toHaveBeenCalledTimes(4);
    for (const [a, b] of spy.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it("sessions expire after the session lifetime, not before", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const expires = sessionExpiry(now);
    expect(expires.getTime() - now.getTime()).toBe(SESSION_DAYS * 86_400_000);
    expect(isExpired(expires, new Date(expires.getTime() - 1))).toBe(false);
    expect(isExpired(expires, expires)).toBe(true);
    expect(isExpired(expires, new Date(expires.getTime() + 1))).toBe(true);
  });

  it("refuse hostile or empty reviewer names", () => {
    expect(nameProblem("alice")).toBeNull();
    expect(nameProblem("Zoë Müller-Smith")).toBeNull();
    for (const bad of ["", " alice", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "a\nb", "x".repeat(65), "-dash"]) {
      expect(nameProblem(bad), bad).not.toBeNull();
    }
  });
});

describe("session cookie", () => {
  it("is httpOnly, SameSite=Lax, path-wide, expiring, Secure on https; clearing it expires it", () => {
    const cookie = sessionCookie("abc", new Date("2026-01-15T00:00:00Z"), true);
    expect(cookie).toMatch(/^faultline_session=abc; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Expires=Thu, 15 Jan 2026 00:00:00 GMT");
    expect(cookie).toContain("Secure");
    expect(sessionCookie("abc", new Date(), false)).not.toContain("Secure");
    expect(clearedSessionCookie(false)).toContain("Max-Age=0");
  });

  it("is read from the Cookie header among others", () => {
    const headers = new Headers({ cookie: "theme=dark; faultline_session=s%3D1; other=x" });
    expect(cookieValue(headers, "faultline_session")).toBe("s=1");
    expect(cookieValue(new Headers(), "faultline_session")).toBeNull();
  });
});

describe("trusted user header", () => {
  afterEach(() => vi.unstubAllEnvs());
  it("is ignored unless FAULTLINE_TRUSTED_USER_HEADER names it", () => {
    const headers = new Headers({ "x-forwarded-user": "mallory" });
    vi.stubEnv("FAULTLINE_TRUSTED_USER_HEADER", "");
    expect(trustedUserName(headers)).toBeNull();
    vi.stubEnv("FAULTLINE_TRUSTED_USER_HEADER", "X-Forwarded-User");
    expect(trustedUserName(headers)).toBe("mallory");
    expect(trustedUserName(new Headers({ "x-forwarded-user": "  " }))).toBeNull();
    expect(trustedUserName(new Headers({ "x-forwarded-user": `ab${"c".repeat(100)}` }))?.length).toBe(64);
  });
});

describe("Origin check for cookie-authenticated writes", () => {
  afterEach(() => vi.unstubAllEnvs());
  const request = (headers: Record<string, string>, url = "http://faultline.test/api/annotations") =>
    new Request(url, { method: "POST", headers });

  it("accepts this site's origin and refuses a missing, null or foreign one with a message", () => {
    vi.stubEnv("FAULTLINE_PUBLIC_URL", "");
    expect(checkSameOrigin(request({ origin: "http://faultline.test", host: "faultline.test" }))).toEqual({ ok: true });
    for (const origin of [undefined, "null", "http://evil.test", "https://faultline.test", "http://faultline.test.evil.test"]) {
      const result = checkSameOrigin(request(origin ? { origin, host: "faultline.test" } : { host: "faultline.test" }));
      expect(result.ok, String(origin)).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^Refused: /);
    }
  });

  it("uses the public URL or the forwarded host and scheme behind a proxy", () => {
    vi.stubEnv("FAULTLINE_PUBLIC_URL", "");
    const behind = { host: "127.0.0.1:3000", "x-forwarded-host": "review.example", "x-forwarded-proto": "https" };
    expect(checkSameOrigin(request({ ...behind, origin: "https://review.example" })).ok).toBe(true);
    expect(checkSameOrigin(request({ ...behind, origin: "http://127.0.0.1:3000" })).ok).toBe(false);
    vi.stubEnv("FAULTLINE_PUBLIC_URL", "https://faultline.example/");
    expect(checkSameOrigin(request({ origin: "https://faultline.example" })).ok).toBe(true);
    expect(checkSameOrigin(request({ origin: "http://faultline.test", host: "faultline.test" })).ok).toBe(false);
  });
});
