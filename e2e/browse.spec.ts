import { expect, test } from "@playwright/test";

test("a reviewer opens the list, follows an analysis and sees its failures", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const link = page.getByRole("link", { name: "Model Response Failures Analysis" }).first();
  await link.click();
  await expect(page).toHaveURL(/\/analyses\/[a-z0-9-]+/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("[id^=failure-]").first()).toBeVisible();
  expect(await page.locator("[id^=failure-]").count()).toBeGreaterThan(1);
  await page.screenshot({ path: "e2e/screenshots/analysis.png", fullPage: true });
});

test("a page past the end of a list says so, with a link to the last page", async ({ page }) => {
  await page.goto("/analyses?page=999");
  const notice = page.getByRole("status").filter({ hasText: "There is no page 999 of these analyses" });
  await expect(notice).toBeVisible();
  await expect(page.getByRole("link", { name: /Model Response Failures Analysis/ }).first()).toBeVisible();
  await notice.getByRole("link", { name: /the last page/ }).click();
  await expect(page).toHaveURL(/\/analyses(\?page=\d+)?$/);
  await expect(page.getByRole("status").filter({ hasText: "There is no page" })).toHaveCount(0);
  await page.goto("/failures?page=999");
  await expect(page.getByRole("status").filter({ hasText: "There is no page 999 of these failures" })).toBeVisible();
});

test("search finds stemmed words in failures' text, highlights them, and ranks by relevance", async ({ page }) => {
  await page.goto("/failures?q=passwords");
  await expect(page.getByTestId("result-count")).toHaveText(/^\d+ failures? match these filters$/);
  const snippet = page.getByTestId("search-snippet").first();
  await expect(snippet.locator("mark").first()).toHaveText(/password/i);
  await expect(page.getByLabel("Sort by")).toHaveValue("relevance");

  await page.goto("/analyses?q=passwords");
  await expect(page.getByTestId("search-snippet").first().locator("mark").first()).toHaveText(/password/i);
  await expect(page.getByLabel("Sort by")).toHaveValue("relevance");
});

test("/analyses filters by one failure matching severity and gap, and writes one URL per view", async ({ page }) => {
  await page.goto("/analyses?severity=critical&gap=secrets");
  await expect(page.getByTestId("result-count")).toContainText("each has one critical failure in");
  await expect(page.getByText("Failure severity (any of)")).toBeVisible();

  await page.goto("/analyses");
  const form = page.getByRole("form", { name: "Filter analyses" });
  await form.getByRole("checkbox", { name: /^critical/ }).check();
  // No default-valued parameters (`warnings=any`, `sort=date`) in the URL.
  await expect(page).toHaveURL(/\/analyses\?severity=critical$/);
  await expect(form.locator("[data-facet-count]").first()).toHaveText(/^\d+$/);
});
