// Reviewing together, the later parts (issue 17): a reviewer finds a failure two reviewers disagree on
// with the disputed filter (and by reviewer, tag and "by me"); ticks an analysis reviewed and leaves an
// overall comment another reviewer sees; re-ingesting a changed version of the document keeps the
// annotation on the failure it no longer has, marked outdated, shown on the page and filterable, and
// shows the tick as given to the earlier version. The document is uploaded through the API (admin
// token) and uploaded again, changed, under the same name: that is a re-ingest of the same analysis.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN, E2E_DB } from "./constants";
import { e2eDatabaseUrl } from "./postgres-project";

const TASK = "101777001";
const NAME = "review-flow.md";
const failureItem = (n: number, title: string, severity: string) => `### ${n}. ${title}

**Impact Level**: ${severity}

**MODEL_RESPONSE Issue**:
\`\`\`hcl
resource "aws_s3_bucket" "b${n}" { acl = "public-read" }
\`\`\`

**IDEAL_RESPONSE Fix**:
\`\`\`hcl
resource "aws_s3_bucket" "b${n}" { acl = "private" }
\`\`\`

**Root Cause**: The model copied example ${n}.
`;
const report = (items: string[]) => `# Model Response Failures Analysis

This document analyzes the MODEL_RESPONSE for task ${TASK} (review flow journey).

## Failures

${items.join("\n")}
## Training Quality Score: 7/10
`;
const V1 = report([
  failureItem(1, "Review flow bucket is public", "Critical"),
  failureItem(2, "Review flow logging disabled", "High"),
  failureItem(3, "Review flow tags missing", "Low"),
]);
// Version 2 drops the logging failure and changes the first one's text.
const V2 = report([
  failureItem(1, "Review flow bucket is public", "Critical").replace("example 1", "an old example"),
  failureItem(3, "Review flow tags missing", "Low"),
]);

function addReviewer(name: string): string {
  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/reviewers.ts", "add", name], {
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(E2E_DB) },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return out.trim().split("\n").pop()!;
}

async function signedIn(browser: Browser, token: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Personal token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return page;
}

test.describe.serial("review flow", () => {
  // Sign-ins, uploads and several pages per journey on a loaded 2-core machine.
  test.describe.configure({ timeout: 240_000 });
  const tokens: Record<string, string> = {};
  let keys: Record<string, string> = {};

  test.beforeAll(async ({ request }) => {
    tokens.ann = addReviewer("rf-ann");
    tokens.ben = addReviewer("rf-ben");
    const upload = await request.post(`/api/analyses?name=${NAME}`, {
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
      data: V1,
    });
    expect(upload.status(), await upload.text()).toBeLessThan(300);
    const failures = (await (await request.get(`/api/failures?analysis=${TASK}&pageSize=10`)).json()) as {
      items: { key: string; title: string }[];
    };
    keys = Object.fromEntries(failures.items.map((f) => [f.title.replace("Review flow ", ""), f.key]));
    expect(Object.keys(keys).sort()).toEqual(["bucket is public", "logging disabled", "tags missing"]);
  });

  test.afterAll(async ({ request }) => {
    await deleteAnalyses(request, [TASK]);
  });

  test("the disputed filter finds a failure two reviewers annotated, one disagreeing", async ({ browser, request }) => {
    const post = (token: string, data: object) =>
      request.post("/api/annotations", { headers: { authorization: `Bearer ${token}` }, data: { analysis: TASK, ...data } });
    expect((await post(tokens.ann!, { failure: keys["logging disabled"], verdict: "agree", tags: ["Logging"] })).status()).toBe(201);
    expect(
      (
        await post(tokens.ben!, {
          failure: keys["logging disabled"],
          verdict: "disagree",
          comment: "Logging is on by default here.",
          tags: ["false-positive"],
        })
      ).status(),
    ).toBe(201);
    expect((await post(tokens.ann!, { failure: keys["bucket is public"], verdict: "agree" })).status()).toBe(201);

    const page = await signedIn(browser, tokens.ann!);
    await page.goto(`/failures?q=${encodeURIComponent('"review flow"')}`);
    await expect(page.getByTestId("result-count")).toHaveText(/^3 failures/);
    const review = page.locator('[data-review-facet="review"]');
    // Counts under the other filters (the search): 2 reviewed, 1 not, 1 disputed.
    await expect(review.getByLabel(/Reviewed by anyone/)).toBeVisible();
    await expect(review.locator("label", { hasText: "Disputed by a reviewer" })).toContainText("1");
    await review.getByLabel(/Disputed by a reviewer/).check();
    await page.waitForURL(/review=disputed/);
    await expect(page.getByTestId("result-count")).toHaveText(/^1 failure match/);
    await expect(page.getByTestId("failure-hit")).toHaveCount(1);
    await expect(page.getByTestId("failure-hit")).toContainText("Review flow logging disabled");

    // By tag (as written, any case) and reviewer: the same failure; "not reviewed by me" is the third.
    await page.goto(`/failures?q=${encodeURIComponent('"review flow"')}&tag=false-positive`);
    await expect(page.getByTestId("failure-hit")).toHaveCount(1);
    await page.goto(`/failures?q=${encodeURIComponent('"review flow"')}&reviewer=rf-ben`);
    await expect(page.getByTestId("failure-hit")).toContainText("Review flow logging disabled");
    await page.goto(`/failures?q=${encodeURIComponent('"review flow"')}`);
    await page
      .locator('[data-review-facet="mine"]')
      .getByLabel(/Not reviewed by me/)
      .check();
    await page.waitForURL(/mine=unreviewed/);
    await expect(page.getByTestId("failure-hit")).toHaveCount(1);
    await expect(page.getByTestId("failure-hit")).toContainText("Review flow tags missing");
    await page.context().close();
  });

  test("a reviewer ticks the analysis reviewed and leaves an overall comment another reviewer sees", async ({ browser }) => {
    const ann = await signedIn(browser, tokens.ann!);
    await ann.goto(`/analyses/${TASK}`);
    const box = ann.locator("[data-analysis-review]");
    await expect(box).toContainText("Nobody has marked this analysis reviewed yet.");
    await box.getByLabel("Reviewed").check();
    await expect(box.locator("[data-reviewed-by]")).toHaveText(/Marked reviewed by rf-ann/);
    await box.getByPlaceholder(/Overall comment/).fill("Solid report; **logging** item is doubtful. <img src=x onerror=alert(1)>");
    await box.getByRole("button", { name: "Add comment" }).click();
    const mine = box.locator('[data-analysis-comment="rf-ann"]');
    await expect(mine.locator("strong", { hasText: "logging" })).toBeVisible();
    await expect(mine.locator("img")).toHaveCount(0);
    // An edit keeps the earlier text.
    await mine.getByRole("button", { name: "Edit" }).click();
    await box.getByPlaceholder(/Overall comment/).fill("Solid report; logging item is disputed.");
    await box.getByRole("button", { name: "Save comment" }).click();
    await expect(mine).toContainText("logging item is disputed");
    await expect(mine.locator("details summary")).toHaveText("Edited 1 time");
    await ann.reload();
    await expect(ann.locator("[data-analysis-review]").getByLabel("Reviewed")).toBeChecked();
    await ann.context().close();

    const ben = await signedIn(browser, tokens.ben!);
    await ben.goto(`/analyses/${TASK}`);
    const seen = ben.locator("[data-analysis-review]");
    await expect(seen.locator("[data-reviewed-by]")).toHaveText(/Marked reviewed by rf-ann/);
    await expect(seen.locator('[data-analysis-comment="rf-ann"]')).toContainText("logging item is disputed");
    await expect(seen.getByLabel("Reviewed")).not.toBeChecked();
    await expect(seen.locator('[data-analysis-comment="rf-ann"]').getByRole("button", { name: "Edit" })).toHaveCount(0);

    // /analyses: reviewed by anyone includes it; "marked reviewed by me" (ben) does not.
    await ben.goto(`/analyses?q=${TASK}&review=reviewed`);
    await expect(ben.getByRole("link", { name: /review flow|Model Response Failures/i }).first()).toBeVisible();
    await expect(ben.getByTestId("result-count")).toHaveText(/^1 analysis/);
    await ben.goto(`/analyses?q=${TASK}&mine=reviewed`);
    await expect(ben.getByTestId("result-count")).toHaveText(/^0 analyses/);
    await ben.context().close();
  });

  test("re-ingesting a changed document keeps the annotation, marked outdated, shown and filterable", async ({ browser, request }) => {
    const again = await request.post(`/api/analyses?name=${NAME}`, {
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
      data: V2,
    });
    expect(again.status(), await again.text()).toBeLessThan(300);
    const failures = (await (await request.get(`/api/failures?analysis=${TASK}`)).json()) as { items: unknown[] };
    expect(failures.items).toHaveLength(2);

    // Kept, marked outdated (API), with both verdicts.
    const outdated = (await (await request.get(`/api/annotations?analysis=${TASK}&outdated=only`)).json()) as {
      items: { failureKey: string; outdated: boolean; reviewer: { name: string } }[];
    };
    expect(outdated.items.map((a) => [a.failureKey, a.reviewer.name]).sort()).toEqual([
      [keys["logging disabled"], "rf-ann"],
      [keys["logging disabled"], "rf-ben"],
    ]);

    const ann = await signedIn(browser, tokens.ann!);
    await ann.goto(`/analyses/${TASK}`);
    const progress = ann.locator("[data-review-progress]");
    await progress.getByText(/2 outdated annotations/).click();
    await expect(progress.locator("[data-outdated-annotation]")).toHaveCount(2);
    await expect(progress).toContainText("Review flow logging disabled");
    // The tick was for the earlier version: shown as such, not counted.
    const box = ann.locator("[data-analysis-review]");
    await expect(box.locator("[data-stale-reviews]")).toContainText("rf-ann");
    await expect(box.getByLabel("Reviewed")).not.toBeChecked();
    await expect(box.locator('[data-analysis-comment="rf-ann"]')).toContainText("logging item is disputed");

    // Filterable: /analyses?review=outdated lists it, with its count in the facet.
    await ann.goto(`/analyses?q=${TASK}`);
    const review = ann.locator('[data-review-facet="review"]');
    await expect(review.locator("label", { hasText: "Outdated annotations" })).toContainText("1");
    await review.getByLabel(/Outdated annotations/).check();
    await ann.waitForURL(/review=outdated/);
    await expect(ann.getByTestId("result-count")).toHaveText(/^1 analysis/);
    await ann.goto(`/analyses?q=${TASK}&review=reviewed`);
    await expect(ann.getByTestId("result-count")).toHaveText(/^0 analyses/);
    // The export says so too.
    const csv = await (await request.get(`/api/analyses?q=${TASK}&format=csv`)).text();
    expect(csv).toContain("review_outdated_annotations");
    expect(csv.split("\n")[1]).toMatch(/,rf-ann,/);
    await ann.context().close();
  });
});
