// Reading a failure (issue 15): the diff on a phone (unified, signs, labels, hanging indent, no
// overflow), Terraform highlighting, Markdown prose, the table of contents following the reader,
// keys (j/k, n/p, Enter on the lists), line ranges, the severity filter and collapsing, the failure 404, and axe.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { REVIEWER_FIXTURE as FIXTURE } from "./constants";
import { waitForPage } from "./settle";

/** e2e/fixtures/reading-terraform.md: two Terraform failures (comments, a long indented line, lists). */
const TF = "/analyses/990000456";
const TF1 = `${TF}/failures/public-log-bucket`;

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("on a phone the diff is unified with −/+ signs and MODEL/IDEAL labels, the switch is there, wrapped lines hang under their text", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(TF1);
  await waitForPage(page);
  const unified = page.locator("[data-diff-view='unified']").first();
  await expect(unified).toBeVisible();
  await expect(page.locator("[data-diff-view='split']").first()).toBeHidden();
  await expect(unified.getByText("− MODEL")).toBeVisible();
  await expect(unified.getByText("+ IDEAL")).toBeVisible();
  await expect(unified.locator(".diff-del .diff-sign").first()).toHaveText("−");
  await expect(unified.locator(".diff-add .diff-sign").first()).toHaveText("+");
  await expect(page.getByRole("group", { name: "Diff layout" })).toBeVisible();

  // The long `tags = …` line (6 spaces in) wraps: its first row holds text, the rest start under it.
  const hang = await unified.locator("code", { hasText: "CostCentre" }).evaluate((code) => {
    const box = code.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(code);
    // The left edge of each visual row of the line (rects grouped by their top).
    const rows = new Map<number, number>();
    for (const rect of range.getClientRects()) {
      if (!rect.width) continue;
      const top = Math.round(rect.top - box.top);
      rows.set(top, Math.min(rows.get(top) ?? Infinity, rect.left - box.left));
    }
    const tops = [...rows.keys()].sort((a, b) => a - b);
    return {
      rows: tops.length,
      firstTop: tops[0] ?? -1,
      continuationLefts: tops.slice(1).map((t) => rows.get(t) ?? 0),
      charWidth: parseFloat(getComputedStyle(code).paddingLeft) / 6,
    };
  });
  expect(hang.rows).toBeGreaterThan(1); // it wraps on a phone
  expect(hang.firstTop).toBeLessThan(5); // the first row holds the line's start, not indentation alone
  // Continuation rows start under the text (6 columns in: the hang is set), not at the line number.
  expect(hang.charWidth).toBeGreaterThan(5);
  for (const left of hang.continuationLefts) expect(left).toBeGreaterThanOrEqual(hang.charWidth * 6 - 1);

  // Choosing Split is remembered and shown at every width.
  await page.getByRole("group", { name: "Diff layout" }).getByRole("link", { name: "Split" }).click();
  await expect(page).toHaveURL(/[?&]diff=split/);
  await expect(page.locator("[data-diff-view='split']").first()).toBeVisible();

  for (const width of [390, 800, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of [TF, TF1, FIXTURE, `${FIXTURE}/failures/2`]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      expect(await overflow(page), `${path} at ${width}px`).toBeLessThanOrEqual(0);
    }
  }
  await context.close();
});

test("a Terraform failure's comments render as comments, and its prose keeps its lists", async ({ page }) => {
  await page.goto(TF1);
  const comment = page.locator(".hljs-comment", { hasText: "# Wrong: the bucket is public for everyone to read" }).first();
  await expect(comment).toBeVisible();
  await expect(comment.locator(".hljs-keyword")).toHaveCount(0);
  await expect(page.locator(".hljs-keyword", { hasText: /^resource$/ }).first()).toBeVisible();
  await page.goto(`${TF}/failures/unencrypted-queue`);
  await expect(page.locator(".hljs-comment", { hasText: "// encrypted at rest" }).first()).toBeVisible();
  // Markdown: the root cause's list items are a list, not "- " text.
  await page.goto(TF1);
  const rootCause = page.getByRole("region", { name: "Root cause" });
  await expect(rootCause.locator("li", { hasText: "was left at" })).toBeVisible();
  await expect(rootCause).not.toContainText("- the bucket name");
});

test("the table of contents follows the reader; j/k start from the failure in view or in the hash", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.goto(FIXTURE);
  await waitForPage(page);
  const ids = await page.locator("[data-nav-item]").evaluateAll((els) => els.map((el) => el.id));
  expect(ids.length).toBe(3);
  const toc = page.getByRole("navigation", { name: "Failures in this analysis", exact: true });
  await expect(toc.locator("[aria-current='true']")).toContainText("Long Module With One Changed Line");
  await page.locator(`#${ids[1]}`).evaluate((el) => el.scrollIntoView({ block: "start" }));
  await expect(toc.locator("[aria-current='true']")).toContainText("Two Blocks On Each Side");

  // Opened at the second failure, j goes to the third (not the first).
  await page.goto(`${FIXTURE}#${ids[1]}`);
  await waitForPage(page);
  await expect(page.locator(`#${ids[1]}`)).toHaveAttribute("aria-current", "location");
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`#${ids[2]}$`));
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`#${ids[1]}$`));
});

test("on the lists j/k move between hits and Enter opens the one in focus", async ({ page }) => {
  // /failures: the second hit, opened by Enter, is that failure's own page.
  await page.goto("/failures?severity=critical");
  await waitForPage(page);
  const hits = page.getByTestId("failure-hit");
  expect(await hits.count()).toBeGreaterThanOrEqual(2);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(hits.nth(1)).toBeFocused();
  const target = await hits.nth(1).locator(":is(h1, h2, h3, h4) a[href]").first().getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${target!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));

  // /analyses: a row, opened by Enter, is its analysis.
  await page.goto("/analyses");
  await waitForPage(page);
  await page.keyboard.press("j");
  const row = page.locator("tr[data-nav-item]").first();
  await expect(row).toBeFocused();
  const href = await row.locator("a[href^='/analyses/']").first().getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("on a failure page j/k open the next/previous failure; n/p step through the changes", async ({ page }) => {
  await page.goto(TF1);
  await waitForPage(page);
  await page.keyboard.press("j");
  await expect(page).toHaveURL(/\/failures\/unencrypted-queue/);
  await waitForPage(page);
  await page.keyboard.press("k");
  await expect(page).toHaveURL(/\/failures\/public-log-bucket/);

  await page.goto(`${FIXTURE}/failures/2?diff=split`);
  await waitForPage(page);
  // Line numbers are links, not tab stops.
  await expect(page.locator("a[data-line-anchor]").first()).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("n");
  await expect(page).toHaveURL(/#failure-two-blocks-on-each-side-[a-z-]+-[LR]\d+$/);
  const first = page.url();
  const landed = page.locator("[data-line][aria-current='location']");
  await expect(landed).toHaveCount(1);
  expect(await landed.getAttribute("data-kind")).not.toBe("same");
  await page.keyboard.press("n");
  await expect(page).not.toHaveURL(first);
  await page.keyboard.press("p");
  await expect(page).toHaveURL(first);
});

test("shift-click on a line number links a range, and the link opened cold lands on it highlighted", async ({ page, context }) => {
  await page.goto(`${FIXTURE}/failures/1?diff=split`);
  await waitForPage(page);
  await page.getByRole("link", { name: "IDEAL line 8, copy link" }).click();
  await expect(page).toHaveURL(/-R8$/);
  await page.getByRole("link", { name: "IDEAL line 11, copy link" }).click({ modifiers: ["Shift"] });
  await expect(page).toHaveURL(/#failure-long-module-with-one-changed-line-R8-R11$/);
  await expect(page.getByRole("status")).toContainText("IDEAL lines 8–11");

  const cold = await context.newPage();
  await cold.goto(page.url());
  const marked = cold.locator("[data-line][aria-current='location']");
  await expect(marked.first()).toBeInViewport();
  expect(await marked.count()).toBeGreaterThanOrEqual(4); // IDEAL 8–11 (and any MODEL-only row between)
  await expect(marked.filter({ hasText: 'os.environ.get("AWS_REGION", "us-east-1")' })).toHaveCount(1); // IDEAL 10
  await expect(cold.locator("[data-line][data-line~='failure-long-module-with-one-changed-line-R12']")).not.toHaveAttribute(
    "aria-current",
    "location",
  );
});

test("a long fold expands 20 lines at a time from either side, and a link into a fold opens it", async ({ page, context }) => {
  // e2e/fixtures/reading-terraform.md failure 3: 80 lines, lines 10 and 70 changed, 53 unchanged between.
  await page.goto(`${TF}/failures/3?diff=split`);
  await expect(page).toHaveURL(/\/failures\/flow-logs-disabled-in-a-long-module\?diff=split$/);
  await waitForPage(page);
  const line = (n: number) => page.getByRole("link", { name: `IDEAL line ${n}, copy link` });
  await expect(line(13)).toBeVisible();
  await expect(line(14)).toBeHidden();
  await page.getByRole("button", { name: "Show 20 more unchanged lines under the change above" }).click();
  await expect(line(14)).toBeVisible();
  await expect(line(33)).toBeVisible();
  await expect(line(34)).toBeHidden();
  await expect(page.getByText("Show 33 unchanged lines")).toBeVisible();
  await page.getByRole("button", { name: "Show 20 more unchanged lines over the change below" }).click();
  await expect(line(47)).toBeVisible();
  await expect(line(46)).toBeHidden();
  // 13 left: one step or less, so the arrows give way to the bar's "show all".
  await expect(page.getByRole("button", { name: /Show 20 more unchanged lines/ })).toHaveCount(0);
  await page.getByText("Show 13 unchanged lines").click();
  await expect(line(40)).toBeVisible();

  // A link to a line inside a fold, opened cold, opens the fold and lands on the line.
  const cold = await context.newPage();
  await cold.goto(`${TF}/failures/flow-logs-disabled-in-a-long-module?diff=split#failure-flow-logs-disabled-in-a-long-module-R40`);
  const marked = cold.locator("[data-line][aria-current='location']");
  await expect(marked).toContainText('subnet_37_cidr = "10.0.37.0/24"');
  await expect(marked).toBeInViewport();
});

test("the analysis page filters by severity and collapses or expands failures", async ({ page }) => {
  await page.goto(FIXTURE);
  await waitForPage(page);
  const high = page.getByRole("article", { name: /Missing Explanation Only/ });
  await expect(high).toBeVisible();
  await page.getByRole("button", { name: /^high 1$/i }).click();
  await expect(high).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Showing 2 of 3 failures" })).toBeVisible();
  await page.getByRole("button", { name: /^high 1$/i }).click();
  await expect(high).toBeVisible();

  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(page.locator("[data-card-body]").first()).toBeHidden();
  await expect(page.getByRole("button", { name: "Expand failure 1" })).toHaveAttribute("aria-expanded", "false");
  await page.getByRole("button", { name: "Expand failure 1" }).click();
  await expect(page.locator("[data-card-body]").first()).toBeVisible();
  await page.getByRole("button", { name: "Expand all" }).click();
  await expect(page.locator("[data-card-body]").last()).toBeVisible();
});

test("a failure number past the end is a 404 that lists the analysis's failures", async ({ page }) => {
  const response = await page.goto(`${TF}/failures/99`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Unencrypted Queue" })).toBeVisible();
  await page.getByRole("link", { name: "Public Log Bucket" }).click();
  await expect(page).toHaveURL(/\/failures\/public-log-bucket/);
});

test("axe: no serious problems on the analysis, failure and raw pages, light and dark, desktop and phone", async ({ browser }) => {
  test.setTimeout(240_000); // 12 whole-page analyses on a loaded machine
  for (const colorScheme of ["light", "dark"] as const) {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      for (const path of [TF, TF1, `${TF}?view=raw`]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible(); // the page, not its skeleton
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v) =>
              `${path} ${colorScheme} ${viewport.width}: ${v.id} (${v.nodes.length}) ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join(" | ")}`,
          );
        expect(serious).toEqual([]);
      }
      await context.close();
    }
  }
});
