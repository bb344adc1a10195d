// PostgreSQL connections: the settings every connection of the app starts with (the Prisma client's
// too), and for the paths that write SQL by hand (ingest, uploads, deletes, migrations, health) one pg
// pool per DATABASE_URL, shared by the process, plus the messages that name the host and database
// (never the password) when the server cannot be reached.
import pg from "pg";
import { databaseUrl, describeDatabase, postgresTarget } from "../db-url";
import { env } from "../env";

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

const globalForPg = globalThis as unknown as { faultlinePgPools?: Map<string, pg.Pool> };

/**
 * What every connection of the app to `url` starts with, the Prisma client's (lib/db.ts) and the pool
 * below alike: the session settings (FAULTLINE_PG_OPTIONS; by default no JIT and no parallel workers,
 * both costing more than these short queries take), a 5 s connect timeout, and idle connections that
 * never keep a command (ingest, migrate) from exiting.
 */
export function pgConnectionConfig(url: string): pg.PoolConfig {
  return { connectionString: url, connectionTimeoutMillis: 5000, allowExitOnIdle: true, options: env().FAULTLINE_PG_OPTIONS };
}

/** The pool for `url` (DATABASE_URL by default), created on first use. */
export function pgPool(url = databaseUrl()): pg.Pool {
  const pools = (globalForPg.faultlinePgPools ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ ...pgConnectionConfig(url), max: 4, idleTimeoutMillis: 10_000 });
    // An idle connection dropped by a server restart must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return pool;
}

/** Closes and forgets the pool for `url` (tests and one-shot commands). */
export async function closePgPool(url = databaseUrl()): Promise<void> {
  const pool = globalForPg.faultlinePgPools?.get(url);
  if (!pool) return;
  globalForPg.faultlinePgPools!.delete(url);
  await pool.end();
}

/** Runs `work` in one transaction on one pooled connection; rolls back when it throws. */
export async function inPgTransaction<T>(work: (client: PgClient) => Promise<T>, url = databaseUrl()): Promise<T> {
  const client = await connectPg(url);
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A pooled connection; a server that cannot be reached gives an error naming host and database. */
export async function connectPg(url = databaseUrl()): Promise<PgClient> {
  try {
    return await pgPool(url).connect();
  } catch (error) {
    throw new PostgresUnavailableError(unreachableMessage(error, url), error);
  }
}

export class PostgresUnavailableError extends Error {
  constructor(message: string, readonly original?: unknown) {
    super(message);
    this.code = (original as { code?: string })?.code;
  }
  readonly code?: string;
}

/** What went wrong reaching PostgreSQL, naming the host, port, database and user; never the password. */
export function unreachableMessage(error: unknown, url = databaseUrl()): string {
  const t = postgresTarget(url);
  const where = describeDatabase(url);
  const code = (error as { code?: string })?.code ?? "";
  const text = (error as Error)?.message ?? String(error);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `Cannot reach ${where}: the host "${t.host}" is unknown. Check the host name in DATABASE_URL.`;
  if (code === "ECONNREFUSED" || /ECONNREFUSED/.test(text)) {
    return `Cannot reach ${where}: nothing accepts connections on ${t.host}:${t.port}. Check that PostgreSQL is running (pg_isready -h ${t.host} -p ${t.port}) and the port in DATABASE_URL.`;
  }
  if (code === "ETIMEDOUT" || /timeout/i.test(text)) return `Cannot reach ${where}: the connection timed out. Check the network, a firewall, and the host and port in DATABASE_URL.`;
  if (code === "28P01" || code === "28000") return `PostgreSQL refused the login for ${where}: wrong user or password (or no pg_hba.conf entry). Check the credentials in DATABASE_URL.`;
  if (code === "3D000") return `${where} does not exist. Create it (createdb -h ${t.host} -p ${t.port} ${t.database}) or fix the database name in DATABASE_URL.`;
  if (code === "57P03") return `${where} is starting up or shutting down. Try again in a moment.`;
  return `Cannot use ${where}: ${code ? `${code}: ` : ""}${text.replace(/(postgres(ql)?:\/\/[^:/@]*):[^@/]*@/gi, "$1:***@")}`;
}

/** A write waited too long for another writer (ingest, upload, delete) to finish its batch. */
export class WriterBusyError extends Error {}

const CONNECTION = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|Connection terminated|timeout exceeded when trying to connect/i;

/** Errors that are the PostgreSQL server's or the connection's, not one document's. */
export function isPgDatabaseLevelError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? "";
  return (
    error instanceof WriterBusyError ||
    error instanceof PostgresUnavailableError ||
    /^(08|25|28|3D|53|57|58|XX)/.test(code) ||
    ["55P03", "40P01", "40001", "42501", "42P01"].includes(code) ||
    CONNECTION.test(String((error as Error)?.message ?? ""))
  );
}

/**
 * A PostgreSQL failure as a message a reader can act on (naming host and database, never the
 * password) and whether it is the database's problem (503) rather than a bug (500).
 */
export function describePgError(error: unknown, url = databaseUrl()): { unavailable: boolean; message: string } {
  const code = (error as { code?: string })?.code ?? "";
  const text = (error as Error)?.message ?? String(error);
  const where = describeDatabase(url);
  if (error instanceof WriterBusyError || error instanceof PostgresUnavailableError) return { unavailable: true, message: text };
  if (/^(08|28|3D|57)/.test(code) || CONNECTION.test(text)) return { unavailable: true, message: unreachableMessage(error, url) };
  if (code === "55P03" || code === "40P01" || code === "40001") return { unavailable: true, message: `${where} is busy: another writer holds the rows (an ingest?). Try again in a moment.` };
  if (code === "25006") return { unavailable: true, message: `${where} is read-only (a standby, or default_transaction_read_only). Point DATABASE_URL at the primary.` };
  if (code === "42501") return { unavailable: true, message: `The user in DATABASE_URL may not write to ${where} (${text}). Grant it the rights, or use the database's owner.` };
  if (code === "42P01") return { unavailable: true, message: `${where} has no Faultline tables yet. Run \`npm run db:migrate\` (or \`npm start\`).` };
  if (/^53/.test(code)) return { unavailable: true, message: `The PostgreSQL server of ${where} is out of resources (${code}: ${text}): disk full or too many connections?` };
  return { unavailable: false, message: `an unexpected database error on ${where}: ${code ? `${code}: ` : ""}${text}` };
}
