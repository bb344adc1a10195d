// Comparing two analyses: the /compare picker asks the server as one types, the comparison shows
// shared and differing gaps and aligned failures, and an unknown slug is explained.
import { expect, test, type Page } from "@playwright/test";
import { waitForPage } from "./settle";

/** Types into one side of the /compare picker and picks the match for `slug`. */
async function pick(page: Page, label: string, query: string, slug: string) {
  const box = page.getByRole("combobox", { name: label });
  await box.fill(query);
  const option = page
    .getByRole("listbox", { name: `${label}: matching analyses` })
    .getByRole("option")
    .filter({ hasText: slug })
    .first();
  await option.click();
  await expect(box).toHaveValue(slug);
}

test("a trainer compares two seed analyses and sees their shared and differing gaps", async ({ page, request }) => {
  await page.goto("/compare");
  await waitForPage(page);
  await expect(page.getByRole("heading", { name: "Suggested pairs" })).toBeVisible();
  // The picker asks the server as one types: the page holds no list of every analysis.
  expect(await page.getByRole("option").count()).toBe(0);
  await pick(page, "Analysis A", "1010008", "101000875");
  await pick(page, "Analysis B", "101000953", "101000953");
  // Each pick is spelled out under its box.
  await expect(page.getByTestId("picked-a")).toContainText("101000875");
  await expect(page.getByTestId("picked-b")).toContainText("101000953");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/compare\?a=101000875&b=101000953$/);

  const api = await (await request.get("/api/compare?a=101000875&b=101000953")).json();
  const summary = page.getByRole("region", { name: "Summary" });
  const onlyA = api.failures.filter((r: { match: string }) => r.match === "only-a").length;
  await expect(summary.getByRole("link", { name: String(onlyA), exact: true }).first()).toHaveAttribute("href", "#only-a");
  const gaps = page.getByRole("region", { name: "Knowledge gaps" });
  for (const [title, list] of [
    ["Shared", api.gaps.shared],
    ["Only in A", api.gaps.onlyA],
    ["Only in B", api.gaps.onlyB],
  ] as const) {
    await expect(gaps.getByRole("heading", { name: `${title} (${list.length})` })).toBeVisible();
    if (list.length)
      await expect(gaps.getByRole("list", { name: title }).getByRole("link")).toHaveText(list.map((g: { label: string }) => g.label));
  }
  expect(api.gaps.shared.length).toBeGreaterThan(0);
  expect(api.gaps.onlyA.length + api.gaps.onlyB.length).toBeGreaterThan(0);

  const aligned = page.getByRole("region", { name: "Failures aligned" });
  await expect(aligned.getByRole("heading", { name: /^Shared \(\d+\)$/ })).toBeVisible();
  const firstDiff = aligned.getByRole("link", { name: /^A #\d+/ }).first();
  const href = await firstDiff.getAttribute("href");
  // Failures are linked by their stable key, not their display number.
  expect(href).toMatch(/^\/analyses\/101000875\/failures\/[a-z0-9-]+$/);
  expect(href).not.toMatch(/\/failures\/\d+$/);

  // A pair expands to both diffs side by side.
  const show = aligned.getByRole("link", { name: /^Show diffs/ }).first();
  if (await show.count()) {
    await show.click();
    await expect(page).toHaveURL(/[?&]open=/);
    await expect(aligned.getByRole("region", { name: "Diff of A" })).toBeVisible();
    await expect(aligned.getByRole("region", { name: "Diff of B" })).toBeVisible();
    await aligned
      .getByRole("link", { name: /^Hide diffs/ })
      .first()
      .click();
    await expect(aligned.getByRole("region", { name: "Diff of A" })).toHaveCount(0);
  }
  await page.screenshot({ path: "e2e/screenshots/compare.png", fullPage: true });

  await page.getByRole("link", { name: "Swap A and B" }).click();
  await expect(page).toHaveURL(/\/compare\?a=101000953&b=101000875$/);
});

test("compare picker: a few matches per keystroke from the server, with bad input a 400", async ({ request }) => {
  const response = await request.get("/api/compare/options?q=analysis");
  const body = await response.json();
  expect(body.options.length).toBeLessThanOrEqual(8);
  expect(body.total).toBeGreaterThanOrEqual(body.options.length);
  expect((await response.body()).length).toBeLessThan(4_000);
  const bad = await request.get("/api/compare/options?limit=500");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/limit/) });
});

test("compare with only A chosen suggests the closest analyses", async ({ page }) => {
  await page.goto("/compare?a=101000875");
  await expect(page.getByRole("combobox", { name: "Analysis A" })).toHaveValue("101000875");
  const closest = page.getByRole("region", { name: /^Compare .* with…$/ });
  await expect(closest).toBeVisible();
  const first = closest.getByRole("link").first();
  await expect(first).toHaveAttribute("href", /^\/compare\?a=101000875&b=/);
});

test("compare explains an unknown slug instead of failing", async ({ page }) => {
  await page.goto("/compare?a=101000875&b=no-such-analysis");
  await expect(page.getByRole("alert").filter({ hasText: "No analysis" })).toContainText("No analysis with slug “no-such-analysis”");
  await expect(page.getByRole("combobox", { name: "Analysis A" })).toHaveValue("101000875");
});
