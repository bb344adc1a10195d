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
