// Secrets for reviewers: personal tokens and session ids are 256 random bits, shown once and stored
// only as their SHA-256 (they are too random to guess, so a plain hash is enough); comparisons of
// secrets run in constant time. Pure functions, no I/O.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Personal tokens start with this, so a leaked one is recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = "flr_";
const SECRET_BYTES = 32;

/** A new personal reviewer token (256 bits of randomness, base64url). */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString("base64url");
}

/** A new session id for the sign-in cookie (256 bits). */
export function newSessionId(): string {
  return randomBytes(SECRET_BYTES).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Constant-time comparison of two secrets of any lengths (both are hashed to 32 bytes first). */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** Constant-time check that `given` hashes to `storedHash` (a hex SHA-256). */
export function matchesHash(given: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(given), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Looks like a token we issued (cheap shape check before any lookup). */
export function looksLikeToken(text: string): boolean {
  return /^flr_[A-Za-z0-9_-]{43}$/.test(text);
}

/** The sign-in session cookie's name. */
export const SESSION_COOKIE = "faultline_session";

export const SESSION_DAYS = 14;

export function sessionExpiry(now = new Date(), days = SESSION_DAYS): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

export function isExpired(expiresAt: Date, now = new Date()): boolean {
  return expiresAt.getTime() <= now.getTime();
}

/** Reviewer names people type and read: letters, digits, spaces, . _ - @ ; 1–64 characters. */
export const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;

export function nameProblem(name: string): string | null {
  if (!name.trim()) return "The name is empty.";
  if (name !== name.trim()) return "The name has leading or trailing spaces.";
  if (!NAME_PATTERN.test(name)) return "A name is 1–64 letters, digits, spaces or . _ @ - and starts with a letter or digit.";
  return null;
}
