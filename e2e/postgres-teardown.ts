// Playwright's global teardown: drops the throwaway PostgreSQL databases e2e/serve.ts made (the one the
// two "postgres" servers share and the "chromium-pg" suite's), open connections and all. Nothing to do
// without FAULTLINE_TEST_POSTGRES_URL.
import pg from "pg";
import { E2E_PG_DATABASE, E2E_PG_SUITE_DATABASE, E2E_POSTGRES_ADMIN_URL } from "./constants";

export default async function teardown(): Promise<void> {
  if (!E2E_POSTGRES_ADMIN_URL) return;
  const client = new pg.Client({ connectionString: E2E_POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    for (const database of [E2E_PG_DATABASE, E2E_PG_SUITE_DATABASE])
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
