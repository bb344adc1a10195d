// Reviewing together (issue 17): two reviewers, each in their own browser, sign in with personal
// tokens made by `npm run reviewers -- add`, annotate the same failure and see each other's verdict;
// hostile text in comments and tags stays text; signed-out readers see verdicts read-only; a write
// from another origin with the session cookie is refused; keys a/d act on the failure being read.
// Run with FAULTLINE_READ_TOKEN set (the server inherits it), the same journey runs on a private
// instance (reviewers read through their session). Share links: e2e/private.spec.ts, on a second
// server that always runs behind a read token.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DB as DB } from "./constants";
import { addReviewer as addReviewerTo, signedIn } from "./reviewers";

/** Set for the server too (Playwright passes the environment on): the instance is private. */
const READ = process.env.FAULTLINE_READ_TOKEN || "";
const READER = READ ? { httpCredentials: { username: "reader", password: READ } } : {};
const READ_HEADERS: Record<string, string> = READ ? { authorization: `Basic ${Buffer.from(`reader:${READ}`).toString("base64")}` } : {};
function addReviewer(name: string): string {
  return addReviewerTo(DB, name);
}

const SHOTS = process.env.E2E_SHOTS_DIR || path.join("test-results", "review-shots");

/** Fails the test if any script the page did not ship runs (an alert, or a flag a payload sets). */
function watchForScript(page: Page, fired: string[]) {
  page.on("dialog", (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

const HOSTILE_COMMENT =
  "Severity is overstated. <img src=x onerror=\"window.__xss='img'\"> [click me](javascript:window.__xss='link') **bold**";
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
  // Nor may Bob change Alice's verdict through the API, from the right origin.
  const listed = (await (
    await b.context.request.get(`/api/annotations?analysis=${failure.analysis.slug}&failure=${failure.key}`, { headers: READ_HEADERS })
  ).json()) as {
    items: { id: number; reviewer: { name: string } }[];
  };
  const alices = listed.items.find((item) => item.reviewer.name === "alice");
  expect(alices, "Alice's annotation is listed").toBeTruthy();
  const same = await b.context.request.patch("/api/annotations", {
    headers: { origin: new URL(baseURL!).origin, "content-type": "application/json" },
    data: { id: alices!.id, verdict: "agree" },
  });
  expect(same.status()).toBe(403);

  // Signed out: everyone's verdicts, read-only, and a way to sign in.
  const anon = await browser.newContext(READER);
  const anonPage = await anon.newPage();
  watchForScript(anonPage, fired);
  await anonPage.goto(failure.url);
  const anonPanel = anonPage.locator(`[data-review-panel="${failure.key}"]`);
  await expect(anonPanel.locator("[data-annotation]")).toHaveCount(2);
  await expect(anonPanel.getByRole("link", { name: "Sign in to review" })).toBeVisible();
  await expect(anonPanel.locator("form")).toHaveCount(0);
  expect(
    (
      await anon.request.post("/api/annotations", { data: { analysis: failure.analysis.slug, failure: failure.key, verdict: "agree" } })
    ).status(),
  ).toBe(401);

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
  for (const page of [a.page, b.page, anonPage])
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
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
