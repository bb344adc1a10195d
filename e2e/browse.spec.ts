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

test("a page past the end of a list says so instead of quietly showing the last one", async ({ page }) => {
  await page.goto("/analyses?page=999");
  await expect(page.getByRole("status").filter({ hasText: "There is no page 999; this is the last page." })).toBeVisible();
  await expect(page.getByRole("link", { name: /Model Response Failures Analysis/ }).first()).toBeVisible();
  await page.goto("/failures?page=999");
  await expect(page.getByRole("status").filter({ hasText: "There is no page 999" })).toBeVisible();
});
