// PostgreSQL connections for the paths that write SQL by hand (ingest, uploads, deletes, migrations,
// health): one pg pool per DATABASE_URL, shared by the process, plus the messages that name the host
// and database (never the password) when the server cannot be reached.
import pg from "pg";
import { databaseUrl, describeDatabase, postgresTarget } from "../db-url";

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

const globalForPg = globalThis as unknown as { faultlinePgPools?: Map<string, pg.Pool> };

/** The pool for `url` (DATABASE_URL by default), created on first use. */
export function pgPool(url = databaseUrl()): pg.Pool {
  const pools = (globalForPg.faultlinePgPools ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
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
