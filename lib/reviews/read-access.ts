// For proxy.ts on an instance behind FAULTLINE_READ_TOKEN: a reviewer's own credential (their
// personal token as Bearer, or a live sign-in session cookie) also lets them read. One indexed lookup:
// on SQLite on a cached read-only connection (like lib/data/health.ts), on PostgreSQL through the
// shared pool (issue 18); any problem = no access.
import fs from "node:fs";
import Database from "better-sqlite3";
import { databasePath, isPostgres } from "../db-url";
import { hashSecret, looksLikeToken, SESSION_COOKIE } from "../auth/tokens";
import { pgPool } from "../data/postgres";

let cached: { key: string; db: Database.Database } | null = null;

function connection(): Database.Database | null {
  const file = databasePath();
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  const key = `${file}:${stat.ino}`;
  if (cached?.key !== key) {
    cached?.db.close();
    cached = { key, db: new Database(file, { readonly: true, fileMustExist: true, timeout: 1500 }) };
  }
  return cached.db;
}

function dropConnection(): void {
  if (cached) {
    cached.db.close();
    cached = null;
  }
}

/**
 * The first row `sql` (written with SQLite's `?` placeholders and quoted identifiers) gives on
 * whichever database DATABASE_URL names, or null; throws when the database cannot answer.
 */
async function firstRow<T>(sql: string, params: string[]): Promise<T | null> {
  if (isPostgres()) {
    let n = 0;
    const result = await pgPool().query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    );
    return (result.rows[0] as T | undefined) ?? null;
  }
  const db = connection();
  if (!db) return null;
  return (db.prepare<string[], T>(sql).get(...params) as T | undefined) ?? null;
}

function bearer(headers: Headers): string | null {
  const auth = headers.get("authorization") ?? "";
  return auth.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : null;
}

function sessionId(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}

/** A valid, unrevoked reviewer token as Bearer, or a session cookie that has not expired. */
export async function reviewerMayRead(headers: Headers, now = Date.now()): Promise<boolean> {
  const token = bearer(headers);
  const session = sessionId(headers, SESSION_COOKIE);
  if (!(token && looksLikeToken(token)) && !session) return false;
  try {
    if (token && looksLikeToken(token)) {
      const row = await firstRow<{ id: number }>(`SELECT "id" FROM "Reviewer" WHERE "tokenHash" = ? AND "revokedAt" IS NULL`, [
        hashSecret(token),
      ]);
      if (row) return true;
    }
    if (session) {
      const row = await firstRow<{ expiresAt: string | number | Date }>(
        `SELECT s."expiresAt" FROM "ReviewSession" s JOIN "Reviewer" r ON r."id" = s."reviewerId" WHERE s."idHash" = ? AND r."revokedAt" IS NULL`,
        [hashSecret(session)],
      );
      if (row && new Date(row.expiresAt).getTime() > now) return true;
    }
    return false;
  } catch {
    dropConnection();
    return false;
  }
}

/** The share-link cookie: set by /s/<token>, holding that token. */
export const SHARE_COOKIE = "faultline_share";

/**
 * Whether the share link in this request's cookie (live: not revoked, not expired) covers `pathname`:
 * a link to an analysis covers its page and everything under it (its failures' pages); a link to one
 * failure covers that failure's page only. Never an API.
 */
export async function shareAllows(headers: Headers, pathname: string, now = Date.now()): Promise<boolean> {
  const token = sessionId(headers, SHARE_COOKIE);
  if (!token || pathname.startsWith("/api/")) return false;
  try {
    const row = await firstRow<{
      slug: string;
      failureKey: string | null;
      expiresAt: string | number | Date;
      revokedAt: string | Date | null;
    }>(
      `SELECT a."slug", s."failureKey", s."expiresAt", s."revokedAt" FROM "ShareLink" s JOIN "Analysis" a ON a."id" = s."analysisId" WHERE s."tokenHash" = ?`,
      [hashSecret(token)],
    );
    if (!row || row.revokedAt !== null || new Date(row.expiresAt).getTime() <= now) return false;
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const base = `/analyses/${row.slug}`;
    if (row.failureKey !== null) return path === `${base}/failures/${row.failureKey}`;
    return path === base || path.startsWith(`${base}/`);
  } catch {
    dropConnection();
    return false;
  }
}
