/** The admin token the e2e servers run with (a throwaway value; never used outside tests). */
export const E2E_ADMIN_TOKEN = "e2e-admin-token-not-secret";

/** The read token of the second, private e2e server (a throwaway value; never used outside tests). */
export const E2E_READ_TOKEN = "e2e-read-token-not-secret";

/** The main e2e server's throwaway database; E2E_DB lets parallel runs from one checkout keep apart. */
export const E2E_DB = process.env.E2E_DB || "data/e2e.db";

/** The private server's throwaway database, beside the main one. */
export const E2E_PRIVATE_DB = E2E_DB.replace(/\.db$/, "-private.db");

/** The main server's port; the private server listens 1000 above it. */
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_PRIVATE_PORT = E2E_PORT + 1000;

/**
 * PostgreSQL (issue 18): with FAULTLINE_TEST_POSTGRES_URL set, two more servers (ports +1 and +1001)
 * share one throwaway database on that server (e2e/postgres.spec.ts); without it they don't start.
 * E2E_PG_DATABASE names the database (it must contain "e2e"); it is dropped and created again.
 */
export const E2E_POSTGRES_ADMIN_URL = process.env.FAULTLINE_TEST_POSTGRES_URL || "";
export const E2E_PG_DATABASE = process.env.E2E_PG_DATABASE || `faultline_e2e_${E2E_PORT}`;
export const E2E_PG_PORTS = [E2E_PORT + 1, E2E_PORT + 1001] as const;

/**
 * The whole chromium suite again on PostgreSQL (project "chromium-pg"): one more server, port +2, on
 * its own throwaway database (made by e2e/serve.ts, dropped by e2e/postgres-teardown.ts).
 */
export const PG_SUITE_PROJECT = "chromium-pg";
export const E2E_PG_SUITE_PORT = E2E_PORT + 2;
export const E2E_PG_SUITE_DATABASE = `${E2E_PG_DATABASE}_suite`;

/** The URL of a throwaway PostgreSQL database (default: the two servers' shared one; "" without FAULTLINE_TEST_POSTGRES_URL). */
export function e2ePostgresUrl(database = E2E_PG_DATABASE): string {
  if (!E2E_POSTGRES_ADMIN_URL) return "";
  const url = new URL(E2E_POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** e2e/fixtures/reviewer-diff-cases.md: a long block, several blocks per side, a prose-only failure. */
export const REVIEWER_FIXTURE = "/analyses/990000123";
