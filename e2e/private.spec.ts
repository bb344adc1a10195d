// Scoped share links (issue 17), on the second e2e server, which always runs behind a read token
// (FAULTLINE_READ_TOKEN): a reviewer makes a link to one analysis; a guest with no credential opens
// that analysis and nothing else; revoking or expiring the link closes it again.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PRIVATE_DB as DB, E2E_READ_TOKEN as READ } from "./constants";
import { addReviewer, signedIn } from "./reviewers";

const READ_HEADERS: Record<string, string> = { authorization: `Basic ${Buffer.from(`reader:${READ}`).toString("base64")}` };
const SHOTS = process.env.E2E_SHOTS_DIR || path.join("test-results", "review-shots");

test("without the read token, lists, pages and APIs answer 401", async ({ request }) => {
  for (const p of ["/", "/analyses", "/failures", "/api/failures"]) expect((await request.get(p)).status(), p).toBe(401);
  expect((await request.get("/api/failures", { headers: READ_HEADERS })).status()).toBe(200);
});

test("a share link opens one analysis without the read token, nothing else, until revoked or expired", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const found = (await (await request.get("/api/failures?pageSize=50", { headers: READ_HEADERS })).json()).items as {
    analysis: { slug: string; title: string };
  }[];
  const slugs = [...new Set(found.map((f) => f.analysis.slug))];
  expect(slugs.length).toBeGreaterThan(1);
  const [shared, other] = slugs as [string, string];
  const carol = addReviewer(DB, "carol");

  // Carol makes a link to one analysis on /shares.
  const c = await signedIn(browser, carol, { viewport: { width: 1440, height: 900 } });
  await c.page.goto(`/shares?analysis=${shared}`);
  await c.page.getByRole("button", { name: "Make link" }).click();
  const url = (await c.page.locator("[data-share-url]").textContent())!.trim();
  expect(url).toMatch(/\/s\/[\w-]{43}$/);
  await expect(c.page.locator("[data-share]")).toHaveCount(1);

  // A guest with no credential at all opens it: that analysis, marked noindex, and nothing else.
  const guest = await browser.newContext();
  const page = await guest.newPage();
  const landed = await page.goto(url);
  expect(landed!.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(`/analyses/${shared}`);
  expect(landed!.headers()["x-robots-tag"]).toMatch(/noindex/);
  await expect(page.locator("h1")).toBeVisible();
  for (const path of [
    `/analyses/${other}`,
    "/analyses",
    "/failures",
    "/",
    "/api/failures",
    `/api/analyses/${shared}`,
    `/api/annotations?analysis=${shared}`,
  ]) {
    expect((await guest.request.get(path)).status(), path).toBe(401);
  }

  // The list shows its use; revoking it closes the page again.
  await c.page.reload();
  const row = c.page.locator("[data-share]").first();
  await expect(row).toContainText("1 open");
  await c.page.screenshot({ path: path.join(SHOTS, "share-links-desktop.png"), fullPage: true });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect((await guest.request.get(`/analyses/${shared}`)).status()).toBe(401);
  expect((await guest.request.get(url)).status()).toBe(410);

  // An expired link (its expiry moved into the past, as time would) opens nothing either.
  const made = await c.context.request.post("/api/shares", {
    headers: { origin: new URL(page.url()).origin, "content-type": "application/json" },
    data: { analysis: shared, days: 1 },
  });
  expect(made.status()).toBe(201);
  const fresh = (await made.json()) as { id: number; url: string };
  const guest2 = await browser.newContext();
  expect((await (await guest2.newPage()).goto(fresh.url))!.status()).toBe(200);
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(DB);
  db.prepare(`UPDATE "ShareLink" SET expiresAt = ? WHERE id = ?`).run("2000-01-01T00:00:00.000+00:00", fresh.id);
  db.close();
  expect((await guest2.request.get(`/analyses/${shared}`)).status()).toBe(401);
  expect((await guest2.request.get(fresh.url)).status()).toBe(410);
  await Promise.all([c.context.close(), guest.close(), guest2.close()]);
});
