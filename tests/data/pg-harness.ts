// PostgreSQL test databases: with FAULTLINE_TEST_POSTGRES_URL set (e.g. postgresql://127.0.0.1:5432/postgres,
// a database the harness may connect to and a role that may CREATE DATABASE), each test file gets its
// own throwaway database, migrated, and drops it afterwards. Without it, the PostgreSQL suites skip.
import crypto from "node:crypto";
import pg from "pg";
import { migratePostgres } from "@/lib/data/pg-migrations";
import { closePgPool } from "@/lib/data/postgres";

export const POSTGRES_TEST_URL = process.env.FAULTLINE_TEST_POSTGRES_URL ?? "";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates a throwaway database; returns its URL. */
export async function createPostgresDatabase(prefix = "faultline_test"): Promise<string> {
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(POSTGRES_TEST_URL, name);
  try {
    await migratePostgres(url, () => {});
  } catch (error) {
    // The caller gets no URL to drop: drop it here, or every failed run leaves a database behind.
    await dropPostgresDatabase(url);
    throw error;
  }
  return url;
}

/** Closes this process's pools to it and drops it (even with connections left open). */
export async function dropPostgresDatabase(url: string): Promise<void> {
  await closePgPool(url);
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
