// Playwright's global teardown: drops the throwaway PostgreSQL database the two PostgreSQL e2e servers
// shared (e2e/serve.ts made it), open connections and all. Nothing to do without FAULTLINE_TEST_POSTGRES_URL.
import pg from "pg";
import { E2E_PG_DATABASE, E2E_POSTGRES_ADMIN_URL } from "./constants";

export default async function teardown(): Promise<void> {
  if (!E2E_POSTGRES_ADMIN_URL) return;
  const client = new pg.Client({ connectionString: E2E_POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${E2E_PG_DATABASE}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
