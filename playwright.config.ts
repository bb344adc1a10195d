import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./e2e/constants";

const PORT = Number(process.env.E2E_PORT || 3100);
// Each run gets a throwaway database; E2E_DB lets parallel runs from one checkout keep apart.
const DB = process.env.E2E_DB || "data/e2e.db";
// Debian's Chromium when present (never `npx playwright install` here); else Playwright's own browser.
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/port-${PORT}`, // parallel runs from one checkout must not clear each other's
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(chromium ? { executablePath: chromium } : {}),
          args: [
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    // Seeds a throwaway database from fixtures, builds when sources changed, then serves.
    command: "npx tsx e2e/serve.ts",
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 600_000, // ingest + a first `next build`: ~2 min on a quiet 2-core machine, far more under load
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(PORT), HOST: "127.0.0.1", DATABASE_URL: `file:./${DB}`, FAULTLINE_ADMIN_TOKEN: E2E_ADMIN_TOKEN, NEXT_TELEMETRY_DISABLED: "1" },
  },
});
