import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  E2E_ADMIN_TOKEN,
  E2E_DB as DB,
  E2E_PG_PORTS,
  E2E_PG_SUITE_DATABASE,
  E2E_PG_SUITE_PORT,
  E2E_PORT as PORT,
  E2E_PRIVATE_DB,
  E2E_PRIVATE_PORT,
  E2E_READ_TOKEN,
  PG_SUITE_PROJECT,
  e2ePostgresUrl,
} from "./e2e/constants";

// Debian's Chromium when present (never `npx playwright install` here); else Playwright's own browser.
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    ...(chromium ? { executablePath: chromium } : {}),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};
const serverEnv = { HOST: "127.0.0.1", FAULTLINE_ADMIN_TOKEN: E2E_ADMIN_TOKEN, NEXT_TELEMETRY_DISABLED: "1" };

// PostgreSQL (issue 18): two servers on one throwaway database, only with FAULTLINE_TEST_POSTGRES_URL.
const PG_URL = e2ePostgresUrl();
if (!PG_URL) {
  console.warn(
    `!! e2e projects "postgres" and "${PG_SUITE_PROJECT}" SKIPPED: FAULTLINE_TEST_POSTGRES_URL is not set (no two-server journey, no suite on PostgreSQL)`,
  );
}
/** A server started by e2e/serve.ts on `port` (which waits for the main server's build, E2E_AFTER). */
const e2eServer = (port: number, env: Record<string, string>) => ({
  command: "npx tsx e2e/serve.ts",
  url: `http://127.0.0.1:${port}`,
  reuseExistingServer: false,
  timeout: 900_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
  env: { ...serverEnv, PORT: String(port), ...env },
});
const pgServers = PG_URL
  ? E2E_PG_PORTS.map((port, i) =>
      // The first makes the database (and waits for the main server's build), the second joins it.
      e2eServer(port, {
        DATABASE_URL: PG_URL,
        FAULTLINE_PROCESSES: "1",
        E2E_AFTER: `http://127.0.0.1:${i === 0 ? PORT : E2E_PG_PORTS[0]}`,
        ...(i === 0 ? { E2E_PG_CREATE: "1" } : {}),
      }),
    )
  : [];
// The chromium specs again against a server on its own throwaway PostgreSQL database (issue 18).
const pgSuiteServer = PG_URL
  ? [
      e2eServer(E2E_PG_SUITE_PORT, {
        DATABASE_URL: e2ePostgresUrl(E2E_PG_SUITE_DATABASE),
        E2E_AFTER: `http://127.0.0.1:${PORT}`,
        E2E_PG_CREATE: "1",
      }),
    ]
  : [];

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/port-${PORT}`, // parallel runs from one checkout must not clear each other's
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  globalTeardown: "./e2e/postgres-teardown.ts",
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: /(private|postgres)\.spec\.ts$/, use: { ...browser } },
    // The same specs on PostgreSQL (skipped without FAULTLINE_TEST_POSTGRES_URL), but faults.spec.ts:
    // it moves and locks the SQLite file (PostgreSQL's faults: tests/data/pg-*.test.ts). The specs ask
    // e2e/postgres-project.ts for the database their CLIs write to. links.spec.ts repeats each cold
    // load fewer times here (LINKS_PG_RUNS, default 3, against 20 on SQLite: the repetition tests the
    // browser's landing, not the engine) so .ci/run stays within its time budget.
    ...(PG_URL
      ? [
          {
            name: PG_SUITE_PROJECT,
            testIgnore: /(private|postgres|faults)\.spec\.ts$/,
            use: { ...browser, baseURL: `http://127.0.0.1:${E2E_PG_SUITE_PORT}` },
          },
        ]
      : []),
    // A private instance (FAULTLINE_READ_TOKEN set): share links and read protection.
    { name: "private", testMatch: /private\.spec\.ts$/, use: { ...browser, baseURL: `http://127.0.0.1:${E2E_PRIVATE_PORT}` } },
    // Two servers on one PostgreSQL database (e2e/postgres.spec.ts; skipped without FAULTLINE_TEST_POSTGRES_URL).
    { name: "postgres", testMatch: /postgres\.spec\.ts$/, use: { ...browser, baseURL: `http://127.0.0.1:${E2E_PG_PORTS[0]}` } },
  ],
  webServer: [
    {
      // Seeds a throwaway database from fixtures, builds when sources changed, then serves.
      command: "npx tsx e2e/serve.ts",
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 600_000, // ingest + a first `next build`: ~2 min on a quiet 2-core machine, far more under load
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv, PORT: String(PORT), DATABASE_URL: `file:./${DB}` },
    },
    {
      // The same app behind a read token, on its own database; it waits for the first server's build.
      command: "npx tsx e2e/serve.ts",
      url: `http://127.0.0.1:${E2E_PRIVATE_PORT}`, // 401 counts as up
      reuseExistingServer: false,
      timeout: 900_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...serverEnv,
        PORT: String(E2E_PRIVATE_PORT),
        DATABASE_URL: `file:./${E2E_PRIVATE_DB}`,
        FAULTLINE_READ_TOKEN: E2E_READ_TOKEN,
        E2E_AFTER: `http://127.0.0.1:${PORT}`,
      },
    },
    ...pgServers,
    ...pgSuiteServer,
  ],
});
