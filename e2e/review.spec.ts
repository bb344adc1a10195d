// Reviewing together (issue 17): two reviewers, each in their own browser, sign in with personal
// tokens made by `npm run reviewers -- add`, annotate the same failure and see each other's verdict;
// hostile text in comments and tags stays text; signed-out readers see verdicts read-only; a write
// from another origin with the session cookie is refused; keys a/d act on the failure being read.
// Run with FAULTLINE_READ_TOKEN set (the server inherits it), the same journey runs on a private
// instance (reviewers read through their session) and the share-link journey runs too.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

const DB = process.env.E2E_DB || "data/e2e.db";
/** Set for the server too (Playwright passes the environment on): the instance is private. */
const READ = process.env.FAULTLINE_READ_TOKEN || "";
const READER = READ ? { httpCredentials: { username: "reader", password: READ } } : {};
const READ_HEADERS: Record<string, string> = READ ? { authorization: `Basic ${Buffer.from(`reader:${READ}`).toString("base64")}` } : {};
const SHOTS = process.env.E2E_SHOTS_DIR || path.join("test-results", "review-shots");

function addReviewer(name: string): string {
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/reviewers.ts", "add", name], {
    env: { ...process.env, DATABASE_URL: `file:./${DB}` },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const token = out.trim().split("\n").pop()!;
  expect(token).toMatch(/^flr_[A-Za-z0-9_-]{43}$/);
  return token;
}

async function signedIn(browser: Browser, token: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Personal token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return { context, page };
}

/** Fails the test if any script the page did not ship runs (an alert, or a flag a payload sets). */
function watchForScript(page: Page, fired: string[]) {
  page.on("dialog", (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

const HOSTILE_COMMENT = "Severity is overstated. <img src=x onerror=\"window.__xss='img'\"> [click me](javascript:window.__xss='link') **bold**";
const HOSTILE_TAG = "<script>window.__xss='tag'</script>";

test("two reviewers annotate the same failure and each sees the other's verdict", async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const alice = addReviewer("alice");
  const bob = addReviewer("bob");
  const found = await (await request.get("/api/failures?pageSize=1&severity=critical", { headers: READ_HEADERS })).json();
  const failure = found.items[0] as { key: string; url: string; severity: string; analysis: { slug: string } };
  const fired: string[] = [];

  // Alice signs in: her name and sign-out are in the header.
  const a = await signedIn(browser, alice);
  watchForScript(a.page, fired);
  await expect(a.page.getByTestId("signed-in-as")).toContainText("Reviewing as alice");
  await a.page.goto(failure.url);
  const aPanel = a.page.locator(`[data-review-panel="${failure.key}"]`);
  await expect(aPanel).toContainText("No verdicts yet.");
  await aPanel.getByLabel("Disagree", { exact: true }).check();
  await aPanel.getByLabel("Severity should be").selectOption("high");
  await aPanel.getByPlaceholder("Comment (Markdown, optional)").fill(HOSTILE_COMMENT);
  await aPanel.getByPlaceholder("Tags, comma separated").fill(`${HOSTILE_TAG}, needs-second-look`);
  await aPanel.getByRole("button", { name: "Save verdict" }).click();
  const alicesVerdict = aPanel.locator("[data-annotation]").filter({ hasText: "alice" });
  await expect(alicesVerdict).toContainText("Disagree");
  await expect(alicesVerdict).toContainText("proposes high");

  // Bob, in another browser, sees Alice's verdict and adds his own.
  const b = await signedIn(browser, bob);
  watchForScript(b.page, fired);
  await b.page.goto(failure.url);
  const bPanel = b.page.locator(`[data-review-panel="${failure.key}"]`);
  const seenByBob = bPanel.locator("[data-annotation]").filter({ hasText: "alice" });
  await expect(seenByBob).toContainText("Disagree");
  // Hostile text is shown as text: no image, no javascript: link, the tag's markup visible.
  await expect(seenByBob).toContainText("<img src=x onerror=");
  await expect(seenByBob.locator("img")).toHaveCount(0);
  await expect(seenByBob.getByText("click me")).not.toHaveAttribute("href", /javascript/i);
  await expect(seenByBob.locator("strong", { hasText: "bold" })).toBeVisible();
  await expect(seenByBob.getByRole("list", { name: "Tags" })).toContainText(HOSTILE_TAG);
  // Bob may not edit or delete Alice's verdict.
  await expect(seenByBob.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(seenByBob.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await bPanel.getByLabel("Agree", { exact: true }).check();
  await bPanel.getByPlaceholder("Comment (Markdown, optional)").fill("Looks right to me: see `line 3`.");
  await bPanel.getByRole("button", { name: "Save verdict" }).click();
  await expect(bPanel.locator("[data-annotation]").filter({ hasText: "bob" })).toContainText("Agree");

  // Alice sees Bob's verdict.
  await a.page.reload();
  await expect(aPanel.locator("[data-annotation]").filter({ hasText: "bob" })).toContainText("Agree");
  await expect(aPanel).toContainText("1 agree · 1 disagree");

  // Keys on the failure being read: Bob presses d, his verdict becomes Disagree (history kept).
  await b.page.locator(`#failure-${failure.key}`).focus();
  await b.page.keyboard.press("d");
  const bobs = bPanel.locator("[data-annotation]").filter({ hasText: "bob" });
  await expect(bobs).toContainText("Disagree");
  await expect(bobs).toContainText("Edited 1 time");

  // The session cookie does not make a write from another site: 403.
  const forged = await b.context.request.post("/api/annotations", {
    headers: { origin: "http://evil.example", "content-type": "application/json" },
    data: { analysis: failure.analysis.slug, failure: failure.key, verdict: "agree" },
  });
  expect(forged.status()).toBe(403);
  const same = await b.context.request.patch("/api/annotations", {
    headers: { origin: new URL(baseURL!).origin, "content-type": "application/json" },
    data: { id: 1, verdict: "agree" },
  });
  expect(same.status()).toBe(403); // annotation 1 is Alice's

  // Signed out: everyone's verdicts, read-only, and a way to sign in.
  const anon = await browser.newContext(READER);
  const anonPage = await anon.newPage();
  watchForScript(anonPage, fired);
  await anonPage.goto(failure.url);
  const anonPanel = anonPage.locator(`[data-review-panel="${failure.key}"]`);
  await expect(anonPanel.locator("[data-annotation]")).toHaveCount(2);
  await expect(anonPanel.getByRole("link", { name: "Sign in to review" })).toBeVisible();
  await expect(anonPanel.locator("form")).toHaveCount(0);
  expect((await anon.request.post("/api/annotations", { data: { analysis: failure.analysis.slug, failure: failure.key, verdict: "agree" } })).status()).toBe(401);

  // Screenshots of the annotated failure: desktop, phone, dark.
  for (const [name, options] of [
    ["desktop", { viewport: { width: 1440, height: 900 } }],
    ["phone", { viewport: { width: 390, height: 844 }, isMobile: true }],
    ["dark", { viewport: { width: 1440, height: 900 }, colorScheme: "dark" as const }],
  ] as const) {
    const shot = await signedIn(browser, alice, options);
    await shot.page.goto(failure.url);
    const panel = shot.page.locator(`[data-review-panel="${failure.key}"]`);
    await expect(panel.locator("[data-annotation]")).toHaveCount(2);
    await panel.scrollIntoViewIfNeeded();
    await shot.page.screenshot({ path: path.join(SHOTS, `annotated-failure-${name}.png`) });
    await shot.context.close();
  }

  // Nothing any reviewer wrote ran.
  for (const page of [a.page, b.page, anonPage]) expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(fired).toEqual([]);

  // Sign out ends the session.
  await a.page.getByRole("button", { name: "Sign out" }).click();
  await expect(a.page.getByRole("heading", { name: "Sign in to review" })).toBeVisible();
  await expect(a.page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  // On a private instance the session was the reviewer's way in: without it, 401.
  if (READ) expect((await a.context.request.get(failure.url)).status()).toBe(401);
  else {
    await a.page.goto(failure.url);
    await expect(aPanel.getByRole("link", { name: "Sign in to review" })).toBeVisible();
  }
  await Promise.all([a.context.close(), b.context.close(), anon.close()]);
});

test("a share link opens one analysis without the read token, nothing else, until revoked or expired", async ({ browser, request }) => {
  test.skip(!READ, "needs FAULTLINE_READ_TOKEN set for the server (run: FAULTLINE_READ_TOKEN=... npx playwright test e2e/review.spec.ts)");
  test.setTimeout(180_000);
  const found = (await (await request.get("/api/failures?pageSize=50", { headers: READ_HEADERS })).json()).items as { analysis: { slug: string; title: string } }[];
  const slugs = [...new Set(found.map((f) => f.analysis.slug))];
  expect(slugs.length).toBeGreaterThan(1);
  const [shared, other] = slugs as [string, string];
  const carol = addReviewer("carol");

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
  for (const path of [`/analyses/${other}`, "/analyses", "/failures", "/", "/api/failures", `/api/analyses/${shared}`, `/api/annotations?analysis=${shared}`]) {
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
