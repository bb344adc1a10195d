// Which database DATABASE_URL names: `file:` → SQLite (the default, data/faultline.db), `postgres://`
// or `postgresql://` → PostgreSQL. The one place that reads the scheme; everything else asks here.
import path from "node:path";
import { env } from "./env";

export const DEFAULT_DATABASE_URL = "file:./data/faultline.db";

export type DatabaseProvider = "sqlite" | "postgres";

export function databaseUrl(): string {
  return env().DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** The provider for a DATABASE_URL; throws naming the variable for any other scheme. */
export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  throw new Error(
    `DATABASE_URL must be a SQLite file URL like "file:./data/faultline.db" or a PostgreSQL URL like ` +
      `"postgresql://user:password@host:5432/faultline" (got "${redactUrl(url)}")`,
  );
}

export function isPostgres(url = databaseUrl()): boolean {
  return databaseProvider(url) === "postgres";
}

/** Absolute path of the SQLite file named by DATABASE_URL (relative paths are taken from the cwd). */
export function databasePath(url = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    if (/^postgres(ql)?:\/\//i.test(url)) throw new Error(`DATABASE_URL names PostgreSQL (${describeDatabase(url)}), not a SQLite file`);
    throw new Error(`DATABASE_URL must be a SQLite file URL like "file:./data/faultline.db" (got "${redactUrl(url)}")`);
  }
  const file = url.slice("file:".length).replace(/^\/\//, "").split("?")[0] ?? "";
  if (!file) throw new Error(`DATABASE_URL has no file path (got "${url}")`);
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

export interface PostgresTarget {
  host: string;
  port: number;
  database: string;
  user: string;
}

/** Host, port, database and user of a PostgreSQL URL (never the password). */
export function postgresTarget(url = databaseUrl()): PostgresTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid PostgreSQL URL (got "${redactUrl(url)}")`);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
  return {
    host: decodeURIComponent(u.hostname) || u.searchParams.get("host") || "localhost",
    port: Number(u.port || 5432),
    database: database || decodeURIComponent(u.username) || "postgres",
    user: decodeURIComponent(u.username) || env().PGUSER || env().USER || "",
  };
}

/** The URL with any password replaced by "***": safe for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

/** What a reader is told the database is: the SQLite file, or "database D on host H:P (user U)". */
export function describeDatabase(url = databaseUrl()): string {
  if (url.startsWith("file:")) return databasePath(url);
  const t = postgresTarget(url);
  return `PostgreSQL database "${t.database}" on ${t.host}:${t.port}${t.user ? ` (user ${t.user})` : ""}`;
}
