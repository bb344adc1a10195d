// Faults: the database disappearing or being held by another writer must give a clear answer, and
// the app must recover by itself once the fault is gone.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import type { ApiErrorBody } from "../lib/domain/api-error";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN } from "./constants";

const dbFile = path.resolve(process.env.E2E_DB || "data/e2e.db");
const companions = ["", "-wal", "-shm"];

test.describe.configure({ mode: "serial" });

test("a missing database shows a page naming the file, and the app recovers when it is back", async ({ page }) => {
  await page.goto("/analyses");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const suffix of companions) if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, `${dbFile}${suffix}.away`);
  try {
    const response = await page.goto("/analyses");
    // Monitors and load balancers must see the outage: 503 with Retry-After, not a healthy 200.
    expect(response?.status()).toBe(503);
    expect(response?.headers()["retry-after"]).toMatch(/^\d+$/);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const alert = page.getByRole("alert").filter({ hasText: "database" });
    await expect(alert.getByRole("heading", { name: "The database is missing" })).toBeVisible();
    await expect(alert).toContainText(dbFile);
    await expect(alert).toContainText("npm run db:migrate");
  } finally {
    for (const suffix of companions)
      if (fs.existsSync(`${dbFile}${suffix}.away`)) fs.renameSync(`${dbFile}${suffix}.away`, dbFile + suffix);
  }
  await page.goto("/analyses");
  await expect(page.getByRole("alert").filter({ hasText: "database" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Model Response Failures Analysis/ }).first()).toBeVisible();
});

test("pages refuse methods they don't serve with 405, with the security headers", async ({ request }) => {
  for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
    const response = await request.fetch("/analyses?view=raw", { method, data: "x" });
    expect(response.status(), method).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, HEAD");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
    expect(await response.text()).not.toContain("Model Response Failures Analysis");
  }
});

test("an upload while another process holds the write lock says the database is busy, then works", async ({ request }) => {
  const holder = new Database(dbFile, { timeout: 5000 });
  holder.exec("BEGIN IMMEDIATE");
  const upload = () =>
    request.post("/api/analyses?name=locked-case.md", {
      data: "# Model Response Failures Analysis\n\nTask ID: 101777001\n\n## Critical Failures\n\n### 1. Lock test failure\n\n**Impact Level**: Critical\n",
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
    });
  try {
    const busy = await upload();
    expect(busy.status()).toBe(503);
    expect(((await busy.json()) as ApiErrorBody).error).toMatchObject({
      code: "database_unavailable",
      message: expect.stringMatching(/busy/),
    });
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
  const stored = await upload();
  expect(stored.status()).toBe(201);
  const body = (await stored.json()) as { items: { slug: string }[] };
  expect(body.items[0]?.slug).toBe("101777001");
  await deleteAnalyses(request, ["101777001"]);
});

test("reads keep working while another process writes (WAL)", async ({ page }) => {
  const holder = new Database(dbFile, { timeout: 5000 });
  holder.exec("BEGIN IMMEDIATE");
  holder.exec(`UPDATE "Analysis" SET title = title WHERE id = (SELECT min(id) FROM "Analysis")`);
  try {
    const response = await page.goto("/analyses");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("link", { name: /Model Response Failures Analysis/ }).first()).toBeVisible();
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
});
