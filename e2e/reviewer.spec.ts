// Reviewer journeys: narrow /failures by severity and knowledge gap (counts included), open a
// failure, switch the diff layout, share a diff line, navigate by keyboard. Link previews,
// accessibility and screenshots of the same pages: e2e/reviewer-pages.spec.ts.
import { expect, test, type Page } from "@playwright/test";
import { REVIEWER_FIXTURE as FIXTURE } from "./constants";
import { waitForPage } from "./settle";

/** The titles of the failures on a /failures results page. */
async function resultTitles(page: Page): Promise<string[]> {
  return page.getByTestId("failure-hit").getByRole("heading").allInnerTexts();
}

/** A facet checkbox's label as [value label, count], e.g. ["Networking", 23]. */
async function facetLabels(page: Page, group: string): Promise<[string, number][]> {
  const labels = await page.getByRole("group", { name: group }).locator("label").allInnerTexts();
  return labels.map((text) => {
    const match = /^([\s\S]*?)\s+(\d+)$/.exec(text.trim());
    return [match?.[1]?.trim() ?? text, Number(match?.[2] ?? NaN)];
  });
}

async function resultCount(page: Page): Promise<number> {
  const text = await page.getByTestId("result-count").innerText();
  return Number(/^(\d+)/.exec(text)?.[1] ?? NaN);
}

test("a reviewer filters /failures by severity and gap, and every result and count agrees", async ({ page }) => {
  await page.goto("/failures");
  await expect(page.getByRole("heading", { name: "Failures", level: 1 })).toBeVisible();
  await waitForPage(page);
  const total = await resultCount(page);
  const severityCounts = await facetLabels(page, "Severity");
  expect(severityCounts.reduce((sum, [, n]) => sum + n, 0)).toBe(total);

  await page
    .getByRole("group", { name: "Severity" })
    .getByRole("checkbox", { name: /critical/ })
    .check();
  await expect(page).toHaveURL(/[?&]severity=critical/);
  const criticalTotal = Number(severityCounts.find(([label]) => label === "critical")?.[1]);
  await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${criticalTotal} failures? match`));

  // The gap facet now counts critical failures only; pick the most common gap.
  const gaps = await facetLabels(page, "Knowledge gap");
  const [gapLabel, gapCount] = gaps[0]!;
  expect(gapCount).toBeGreaterThan(0);
  await page.getByRole("group", { name: "Knowledge gap" }).getByRole("checkbox", { name: gapLabel }).check();
  await expect(page).toHaveURL(/[?&]gap=[a-z-]+/);
  await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${gapCount} failures? match`));
  // …and the severity facet, counted without the severity filter, agrees for "critical".
  const narrowed = await facetLabels(page, "Severity");
  expect(narrowed.find(([label]) => label === "critical")?.[1]).toBe(gapCount);

  const hits = page.getByTestId("failure-hit");
  await expect(hits).toHaveCount(Math.min(gapCount, 25));
  for (const hit of await hits.all()) {
    await expect(hit.getByText("critical", { exact: true })).toBeVisible();
    await expect(hit.getByRole("link", { name: gapLabel, exact: true })).toBeVisible();
  }

  // A reload (or a pasted link) shows the same view.
  const before = await resultTitles(page);
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  // allInnerTexts does not wait: wait for the reloaded list to be revealed before reading it (CI read
  // it empty while React held the streamed list hidden).
  await waitForPage(page);
  await expect(hits).toHaveCount(before.length);
  expect(await resultTitles(page)).toEqual(before);
  await expect(page.getByRole("group", { name: "Severity" }).getByRole("checkbox", { name: /critical/ })).toBeChecked();

  // Open a failure from the results.
  const first = hits.first().getByRole("heading").getByRole("link");
  const title = (await first.innerText()).replace(/^#\d+\s*/, "");
  await first.click();
  await expect(page).toHaveURL(/\/analyses\/[^/]+\/failures\/[a-z0-9-]+$/); // the failure's stable key
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
});

test("full-text search narrows the explorer and says when nothing matches", async ({ page }) => {
  await page.goto("/failures");
  const search = page.getByRole("searchbox", { name: "Full-text search" });
  await search.fill("region");
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=region/);
  await expect(page.getByRole("link", { name: /Long Module With One Changed Line/ })).toBeVisible();

  await page.goto("/failures?q=zzzqqqnothing");
  await expect(page.getByText("No failures match these filters")).toBeVisible();
  await expect(page.getByRole("link", { name: "clear them all" })).toBeVisible();
});

test("the diff switches between split and unified, and the choice is in the URL", async ({ page }) => {
  await page.goto(`${FIXTURE}/failures/1`);
  await waitForPage(page);
  const modelLine = page.getByRole("link", { name: "MODEL line 10, copy link" });
  const idealLine = page.getByRole("link", { name: "IDEAL line 10, copy link" });
  // Split: the changed pair sits side by side on one row.
  const [m, i] = [await modelLine.boundingBox(), await idealLine.boundingBox()];
  expect(m && i && Math.abs(m.y - i.y) < 2 && i.x > m.x).toBe(true);

  await page.getByRole("group", { name: "Diff layout" }).getByRole("link", { name: "Unified" }).click();
  await expect(page).toHaveURL(/[?&]diff=unified/);
  await expect(page.getByRole("link", { name: "Unified" })).toHaveAttribute("aria-current", "true");
  // Unified: the MODEL line comes first, the IDEAL line below it.
  await expect(async () => {
    const [m2, i2] = [await modelLine.boundingBox(), await idealLine.boundingBox()];
    expect(m2 && i2 && i2.y > m2.y + 5).toBe(true);
  }).toPass();

  await page.reload();
  await expect(page.getByRole("link", { name: "Unified" })).toHaveAttribute("aria-current", "true");

  // Folded unchanged lines open on demand.
  await page.getByText("Show 6 unchanged lines").filter({ visible: true }).click();
  await expect(page.getByRole("link", { name: "IDEAL line 2, copy link" })).toBeVisible();
});

test("a copied line permalink opens with that line highlighted, even inside a fold", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${FIXTURE}/failures/1`);
  await waitForPage(page);
  await page.getByRole("link", { name: "IDEAL line 10, copy link" }).click();
  await expect(page.getByRole("status")).toHaveText("Link to IDEAL line 10 copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // Links name the failure by its key, never by its position in the document.
  expect(copied).toMatch(
    /\/analyses\/990000123\/failures\/long-module-with-one-changed-line#failure-long-module-with-one-changed-line-R10$/,
  );

  const shared = await context.newPage();
  await shared.goto(copied);
  const line = shared.locator("[aria-current='location']");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('os.environ.get("AWS_REGION", "us-east-1")');
  await expect(line).toBeInViewport();

  // A line inside a folded unchanged run: the fold opens for it (an old number link still lands).
  await shared.goto(`${FIXTURE}#failure-1-R3`);
  await expect(shared.locator("[aria-current='location']")).toContainText("def bucket_name(env):");
  await expect(shared.locator("[aria-current='location']")).toBeInViewport();

  // The analysis and each failure have a Copy link button too.
  await waitForPage(shared);
  await shared.getByRole("button", { name: "Copy link to failure 2" }).click();
  expect(await shared.evaluate(() => navigator.clipboard.readText())).toMatch(
    /\/analyses\/990000123\/failures\/two-blocks-on-each-side-[a-z-]+$/,
  );
});

test("keyboard: j/k move between failures, / focuses search, ? opens help", async ({ page }) => {
  await page.goto(FIXTURE);
  await waitForPage(page);
  await page.keyboard.press("j");
  await expect(page).toHaveURL(/#failure-long-module-with-one-changed-line$/);
  await expect(page.getByRole("article", { name: /Long Module With One Changed Line/ })).toBeFocused();
  await page.keyboard.press("j");
  await expect(page).toHaveURL(/#failure-two-blocks-on-each-side-[a-z-]+$/);
  await expect(page.getByRole("article", { name: /Two Blocks On Each Side/ })).toBeFocused();
  await page.keyboard.press("k");
  await expect(page).toHaveURL(/#failure-long-module-with-one-changed-line$/);

  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search failures" })).toBeFocused();
  await page.getByRole("searchbox", { name: "Search failures" }).blur();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("the analysis page shows MODEL vs IDEAL for every shape of failure, and the raw Markdown as text", async ({ page }) => {
  await page.goto(FIXTURE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Model Response Failures Analysis");
  await expect(page.getByText("Block 3 of 3")).toBeVisible();
  await expect(page.getByText("IDEAL only", { exact: true })).toBeVisible();
  await expect(page.getByText("Block public access explicitly and explain the choice in the README.")).toBeVisible();

  await page.getByRole("link", { name: "Raw Markdown" }).click();
  await expect(page).toHaveURL(/[?&]view=raw/);
  // Markup in the report is shown as text, never run or rendered (in the raw view, and in the summary
  // above it, which is rendered from its Markdown with raw HTML kept as text).
  await expect(page.getByRole("region", { name: "Raw Markdown" }).getByText('must stay text <script>alert("x")</script>.')).toBeVisible();
  await expect(page.getByRole("link", { name: "Line 1", exact: true })).toBeVisible();
});

test("an analysis whose declared counts disagree with the failures found says so", async ({ page }) => {
  await page.goto("/analyses/004-76db7f9139fced51");
  await expect(page.getByRole("note", { name: "Count mismatch" })).toContainText("critical declared 4, found 2");
});

test("unknown addresses get a 404 page and bad filter values fall back to defaults", async ({ page }) => {
  const missing = await page.goto("/analyses/no-such-analysis");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Analysis or failure not found" })).toBeVisible();
  expect((await page.goto(`${FIXTURE}/failures/999`))?.status()).toBe(404);

  const bad = await page.goto("/failures?severity=bogus&gap=NOT%20A%20GAP&page=-4&sort=sideways");
  expect(bad?.status()).toBe(200);
  await expect(page.getByTestId("result-count")).toHaveText(/across all analyses/);
  expect((await page.goto("/analyses?min=99&max=-3&sort=nope&dir=up&warnings=maybe"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Analyses", level: 1 })).toBeVisible();
});

test("the analyses list sorts by score and filters by warnings through the URL", async ({ page }) => {
  await page.goto("/analyses");
  await waitForPage(page);
  const score = page.getByRole("columnheader", { name: /Score/ });
  await score.getByRole("link").click();
  await expect(page).toHaveURL(/[?&]sort=score/);
  await expect(score).toHaveAttribute("aria-sort", "descending");
  await page.getByRole("combobox", { name: "Parser warnings" }).selectOption("yes");
  await expect(page).toHaveURL(/[?&]warnings=yes/);
  const rows = page.getByRole("row").filter({ has: page.getByRole("cell") });
  for (const row of await rows.all()) await expect(row.getByRole("link", { name: /parser warnings? in/ })).toBeVisible();
});

test("the theme toggle switches to dark and remembers it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: /^Theme: system/ }).click();
  await page.getByRole("button", { name: /^Theme: light/ }).click();
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(html).toHaveClass(/dark/);
});
