// Never stale (issue 19): pages and API answers are cached by data version and revalidated by ETag,
// yet every write — an ingest run by another process, an upload, a reviewer's verdict, a delete — shows
// at the very next request. An unchanged page revalidates to 304 Not Modified, and the page the
// browser keeps still works (its scripts run under the nonce it was sent with).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN, E2E_DB } from "./constants";
import { e2eDatabaseUrl } from "./postgres-project";
import { addReviewer } from "./reviewers";

// A word no fixture uses, so the searches below find only these documents.
const WORD = "ocelotfresh";
const LIST = `/analyses?q=${WORD}`;
const slugs: string[] = [];

function report(title: string, failure: string): string {
  return (
    `# ${title}\n\nAn analysis for the freshness journey (${WORD}).\n\n## Failures\n\n` +
    `### 1. ${failure}\n\n**Impact Level**: High\n\n**MODEL_RESPONSE Issue**:\n\`\`\`python\nx = 1\n\`\`\`\n\n` +
    `**IDEAL_RESPONSE Fix**:\n\`\`\`python\nx = 2\n\`\`\`\n\n**Root Cause**: The model skipped the ${WORD} check.\n\n## Training Quality Score: 6/10\n`
  );
}

/** The site's keys answer once the page has hydrated (its scripts ran): open and close the help. */
async function scriptsRun(page: Page) {
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.press("Escape");
}

test.afterAll(async ({ request }) => deleteAnalyses(request, slugs));

test("ingest, upload, a verdict and a delete each show at the very next request; unchanged pages answer 304", async ({ page, request }) => {
  test.setTimeout(240_000);
  const ingestedTitle = `Ingested ${WORD} report`;
  const uploadedTitle = `Uploaded ${WORD} report`;

  // Nothing yet; asked again unchanged, the page and the API answer 304 to their ETags.
  await page.goto(LIST);
  await expect(page.getByRole("link", { name: ingestedTitle })).toHaveCount(0);
  const first = await request.get(LIST);
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^W\/".+"$/);
  expect((await request.get(LIST, { headers: { "if-none-match": etag } })).status()).toBe(304);
  const api = `/api/failures?q=${WORD}`;
  const apiEtag = (await request.get(api)).headers()["etag"]!;
  expect((await request.get(api, { headers: { "if-none-match": apiEtag } })).status()).toBe(304);
  // A page the browser keeps after a 304 still runs its scripts.
  await page.reload();
  await scriptsRun(page);

  // 1. Another process ingests a file into the same database: the next request shows it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-fresh-"));
  try {
    fs.writeFileSync(path.join(dir, "fresh-ingested.md"), report(ingestedTitle, `Ingested ${WORD} failure`));
    execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/ingest.ts", dir], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(E2E_DB) },
      stdio: "pipe",
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect((await request.get(LIST, { headers: { "if-none-match": etag } })).status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("link", { name: ingestedTitle })).toBeVisible();
  const ingested = (await (await request.get(`/api/analyses?q=${WORD}`)).json()) as { items: { slug: string }[] };
  slugs.push(...ingested.items.map((i) => i.slug));
  expect(slugs).toHaveLength(1);

  // 2. An upload: the list shows it at the next load.
  const posted = await request.post(`/api/analyses?name=fresh-uploaded.md`, {
    data: report(uploadedTitle, `Uploaded ${WORD} failure`),
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
  });
  expect(posted.status()).toBeLessThan(300);
  const uploadedSlug = ((await posted.json()) as { items: { slug: string }[] }).items[0]!.slug;
  slugs.push(uploadedSlug);
  await page.reload();
  await expect(page.getByRole("link", { name: uploadedTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: ingestedTitle })).toBeVisible();

  // 3. A reviewer's verdict: the failure is "reviewed" at the next request.
  const reviewed = `/failures?q=${WORD}&review=reviewed`;
  await page.goto(reviewed);
  await expect(page.getByRole("link", { name: new RegExp(`Uploaded ${WORD} failure`) })).toHaveCount(0);
  const failure = ((await (await request.get(`/api/failures?q=Uploaded+${WORD}`)).json()) as { items: { key: string }[] }).items[0]!;
  const token = addReviewer(E2E_DB, `fresh-${Date.now()}`);
  const verdict = await request.post("/api/annotations", {
    data: { analysis: uploadedSlug, failure: failure.key, verdict: "agree" },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(verdict.status()).toBeLessThan(300);
  await page.reload();
  await expect(page.getByRole("link", { name: new RegExp(`Uploaded ${WORD} failure`) })).toBeVisible();

  // 4. A delete: gone from the list at the next load, its page a 404.
  const deleted = await request.delete(`/api/analyses/${encodeURIComponent(uploadedSlug)}`, {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
  });
  expect(deleted.status()).toBe(200);
  await page.goto(LIST);
  await expect(page.getByRole("link", { name: uploadedTitle })).toHaveCount(0);
  await expect(page.getByRole("link", { name: ingestedTitle })).toBeVisible();
  expect((await request.get(`/analyses/${encodeURIComponent(uploadedSlug)}`)).status()).toBe(404);
});

test("a page answered from the page cache runs its scripts under a new nonce, and a write renders it again", async ({
  browser,
  request,
}, info) => {
  // `npm start` serves from one process per core, each with its own cache: load until one answers from
  // it, each time in a new browser context (a browser that has the page would revalidate it to a 304).
  const url = `${info.project.use.baseURL}/failures?severity=critical`;
  const nonces = new Set<string>();
  let kept: Page | null = null;
  const violations: string[] = [];
  for (let i = 0; i < 8 && !(kept && nonces.size > 1); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to execute/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(url);
    // (The browser hides a nonce from the attribute once it has used it; the property keeps it.)
    nonces.add(
      await page
        .locator("script[nonce]")
        .first()
        .evaluate((script) => (script as HTMLScriptElement).nonce ?? ""),
    );
    if (!kept && response?.headers()["x-faultline-cache"] === "hit") kept = page;
    else await context.close();
  }
  expect(kept).not.toBeNull();
  expect(nonces.size).toBeGreaterThan(1); // every answer, kept or rendered, has its own nonce
  await scriptsRun(kept!);
  expect(violations).toEqual([]);
  await kept!.context().close();

  // Kept answers of the list, by any process, until a write (an upload) changes the data version:
  // from then on every answer shows it.
  const title = `Cached ${WORD} report`;
  const answers = async () => {
    const all = [];
    for (let i = 0; i < 8; i++) all.push(await request.get(LIST));
    return all;
  };
  const before = await answers();
  expect(before.some((r) => r.headers()["x-faultline-cache"] === "hit")).toBe(true);
  for (const r of before) expect(await r.text()).not.toContain(title);
  const posted = await request.post(`/api/analyses?name=fresh-cached.md`, {
    data: report(title, `Cached ${WORD} failure`),
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
  });
  expect(posted.status()).toBeLessThan(300);
  slugs.push(((await posted.json()) as { items: { slug: string }[] }).items[0]!.slug);
  for (const r of await answers()) expect(await r.text()).toContain(title);
});
