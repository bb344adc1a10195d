// Several app servers on one PostgreSQL database (issue 18): two `next start` servers on different
// ports share one throwaway database (made by e2e/serve.ts, dropped by e2e/postgres-teardown.ts). An
// upload in the browser on one is found (search, filters, facets) on the other at its next request;
// a reviewer's verdict saved on one shows on the other; a delete on the other is gone from the first.
// Each server keeps an in-process cache keyed by the data version that database triggers bump, and
// answers ETags by it: before every write the other server has the page cached (and a tag for it),
// so the journey proves nothing stays stale across processes. Runs as the Playwright project
// "postgres", only with FAULTLINE_TEST_POSTGRES_URL set (CI sets it); skipped, loudly, without it.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN, E2E_PG_PORTS, e2ePostgresUrl } from "./constants";

const PG_URL = e2ePostgresUrl();
const [A, B] = E2E_PG_PORTS.map((port) => `http://127.0.0.1:${port}`) as [string, string];
const WORD = "pangolinshared";
const TITLE = `Shared ${WORD} analysis`;
const FAILURE = `Shared ${WORD} bucket left public`;
const LIST = `/analyses?q=${WORD}`;

const REPORT = `# ${TITLE}

This document analyzes the MODEL_RESPONSE for task 101999018 (two servers, one PostgreSQL database, ${WORD}).

## Failures

### 1. ${FAILURE}

**Impact Level**: Critical

**MODEL_RESPONSE Issue**:
\`\`\`typescript
const bucket = new aws.s3.Bucket("data", { acl: "public-read" });
\`\`\`

**IDEAL_RESPONSE Fix**:
\`\`\`typescript
const bucket = new aws.s3.Bucket("data", { acl: "private" });
\`\`\`

**Root Cause**: The model copied the ${WORD} example.

### 2. Shared ${WORD} logging disabled

**Impact Level**: Low

**MODEL_RESPONSE Issue**:
\`\`\`typescript
const trail = undefined;
\`\`\`

**IDEAL_RESPONSE Fix**:
\`\`\`typescript
const trail = new aws.cloudtrail.Trail("t", {});
\`\`\`

**Root Cause**: Logging was left out.

## Training Quality Score: 6/10
`;

/** A reviewer made the way an admin makes one (`npm run reviewers -- add`), on the shared database. */
function addReviewer(name: string): string {
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/reviewers.ts", "add", name], {
    env: { ...process.env, DATABASE_URL: PG_URL },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const token = out.trim().split("\n").pop()!;
  expect(token).toMatch(/^flr_[A-Za-z0-9_-]{43}$/);
  return token;
}

/** The ETag `url` answers with now; asked again with it, the same server must answer 304 while nothing changed. */
async function etagOf(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  const etag = response.headers()["etag"]!;
  expect(etag, url).toMatch(/^W\/".+"$/);
  expect((await request.get(url, { headers: { "if-none-match": etag } })).status(), url).toBe(304);
  return etag;
}

test.describe("two servers, one PostgreSQL database", () => {
  test.skip(!PG_URL, "FAULTLINE_TEST_POSTGRES_URL is not set: no PostgreSQL server to run the two-server journey on");
  test.describe.configure({ timeout: 240_000 });

  let b: BrowserContext;
  let pageB: Page;
  let slug = "";

  test.beforeAll(async ({ browser }) => {
    b = await browser.newContext({ baseURL: B });
    pageB = await b.newPage();
  });
  test.afterAll(async () => {
    if (slug)
      await b.request.delete(`/api/analyses/${encodeURIComponent(slug)}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    await b.close();
  });

  test("an upload, a verdict and a delete on one server each show on the other at its next request", async ({ page, browser }) => {
    // Both servers serve the same fixtures from the one database.
    for (const [p, base] of [
      [page, A],
      [pageB, B],
    ] as const) {
      await p.goto("/analyses");
      expect(new URL(p.url()).origin).toBe(base);
      await expect(p.getByRole("link", { name: "Model Response Failures Analysis" }).first()).toBeVisible();
    }

    // Server B has the (empty) search cached and tagged before anything is written.
    await pageB.goto(LIST);
    await expect(pageB.getByRole("link", { name: TITLE })).toHaveCount(0);
    const listTag = await etagOf(b.request, LIST);
    const apiTag = await etagOf(b.request, `/api/failures?q=${WORD}`);

    // 1. An admin uploads the report in the browser on server A.
    await page.goto("/upload");
    await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "shared-pg.md", mimeType: "text/markdown", buffer: Buffer.from(REPORT) });
    await page.getByRole("button", { name: /Upload/ }).click();
    await expect(page.getByRole("list", { name: "Upload results" })).toContainText("shared-pg.md — added");
    slug = "101999018";

    // Server B: the old tags no longer match, and search, filters and facets find the new analysis.
    expect((await b.request.get(LIST, { headers: { "if-none-match": listTag } })).status()).toBe(200);
    expect((await b.request.get(`/api/failures?q=${WORD}`, { headers: { "if-none-match": apiTag } })).status()).toBe(200);
    await pageB.reload();
    await expect(pageB.getByRole("link", { name: TITLE })).toBeVisible();
    await expect(pageB.getByTestId("search-snippet").first().locator("mark").first()).toHaveText(new RegExp(WORD, "i"));
    await pageB.goto(`/failures?q=${WORD}&severity=critical`);
    await expect(pageB.getByTestId("failure-hit")).toHaveCount(1);
    await expect(pageB.getByTestId("failure-hit")).toContainText(FAILURE);
    const found = (await (await b.request.get(`/api/failures?q=${WORD}&severity=critical`)).json()) as {
      items: { key: string; url: string; analysis: { slug: string } }[];
    };
    expect(found.items).toHaveLength(1);
    const failure = found.items[0]!;
    expect(failure.analysis.slug).toBe(slug);

    // 2. A reviewer signs in on server A and saves a verdict; server B, which had the failure's page
    //    and the "reviewed" filter cached, shows both changed.
    await pageB.goto(`/failures?q=${WORD}&review=reviewed`);
    await expect(pageB.getByTestId("failure-hit")).toHaveCount(0);
    await pageB.goto(failure.url);
    const panelB = pageB.locator(`[data-review-panel="${failure.key}"]`);
    await expect(panelB).toContainText("No verdicts yet.");

    const name = `pg-reviewer-${Date.now()}`;
    const token = addReviewer(name);
    const reviewer = await browser.newContext({ baseURL: A });
    try {
      const r = await reviewer.newPage();
      await r.goto("/sign-in");
      await r.getByLabel("Personal token").fill(token);
      await r.getByRole("button", { name: "Sign in" }).click();
      await r.waitForURL((url) => url.pathname === "/");
      await r.goto(failure.url);
      const panelA = r.locator(`[data-review-panel="${failure.key}"]`);
      await panelA.getByLabel("Disagree", { exact: true }).check();
      await panelA.getByLabel("Severity should be").selectOption("high");
      await panelA.getByPlaceholder("Comment (Markdown, optional)").fill(`Seen from the other server (${WORD}).`);
      await panelA.getByRole("button", { name: "Save verdict" }).click();
      await expect(panelA.locator("[data-annotation]").filter({ hasText: name })).toContainText("Disagree");
    } finally {
      await reviewer.close();
    }
    await pageB.reload();
    const verdictB = panelB.locator("[data-annotation]").filter({ hasText: name });
    await expect(verdictB).toContainText("Disagree");
    await expect(verdictB).toContainText("proposes high");
    await expect(verdictB).toContainText(`Seen from the other server (${WORD}).`);
    await pageB.goto(`/failures?q=${WORD}&review=reviewed`);
    await expect(pageB.getByTestId("failure-hit")).toHaveCount(1);

    // 3. An admin deletes it from its page on server B; server A (list cached) no longer has it.
    await page.goto(LIST);
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
    await pageB.goto(`/analyses/${slug}`);
    await pageB.getByRole("button", { name: "Delete analysis…" }).click();
    const dialog = pageB.getByRole("dialog", { name: `Delete “${TITLE}”?` });
    await dialog.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
    await dialog.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(pageB.getByRole("status").filter({ hasText: `Deleted “${TITLE}”.` })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
    expect((await page.request.get(`/analyses/${slug}`)).status()).toBe(404);
    expect((await page.request.get(`/api/failures?q=${WORD}`)).ok()).toBe(true);
    expect(((await (await page.request.get(`/api/failures?q=${WORD}`)).json()) as { items: unknown[] }).items).toHaveLength(0);
    slug = "";
  });
});
