// The e2e servers: each refuses anything but a throwaway data/e2e*.db database (or a throwaway
// PostgreSQL database whose name contains "e2e"), recreates it from content/ and e2e/fixtures/, then
// runs the same prepare-and-serve path as `npm start`. With E2E_AFTER set (the private server and the
// PostgreSQL servers), it first waits for the server at that URL to answer, so only one of them runs
// `next build`, and then serves the build that one made. With E2E_PG_CREATE=1 (the first PostgreSQL
// server) it drops and creates the database first; the second one joins it as it is.
import fs from "node:fs";
import pg from "pg";
import { databasePath, databaseUrl, isPostgres } from "../lib/db-url";
import { prepareApp, serve } from "../scripts/start";
import { E2E_POSTGRES_ADMIN_URL } from "./constants";

async function answered(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the server at ${url} did not answer in time`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Drops and creates the throwaway PostgreSQL database DATABASE_URL names, through the admin URL. */
async function recreatePostgres(database: string): Promise<void> {
  if (!E2E_POSTGRES_ADMIN_URL) throw new Error("E2E_PG_CREATE needs FAULTLINE_TEST_POSTGRES_URL (a database the harness may connect to)");
  const client = new pg.Client({ connectionString: E2E_POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  if (isPostgres()) {
    const database = decodeURIComponent(new URL(databaseUrl()).pathname.slice(1));
    if (!/^\w*e2e\w*$/.test(database))
      throw new Error(`e2e/serve.ts only runs on a throwaway PostgreSQL database named *e2e*, not "${database}"`);
    if (process.env.E2E_PG_CREATE === "1") await recreatePostgres(database);
  } else {
    const file = databasePath();
    if (!/[\\/]data[\\/]e2e[^\\/]*\.db$/.test(file))
      throw new Error(`e2e/serve.ts only runs on a throwaway data/e2e*.db database, not ${file}`);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  }
  const after = process.env.E2E_AFTER;
  if (after) await answered(after, Date.now() + 900_000);
  await prepareApp({ content: "content,e2e/fixtures", build: !after });
}

main().then(serve, (error: Error) => {
  console.error(`e2e server: ${error.message}`);
  process.exit(1);
});
