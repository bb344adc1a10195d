// The reviewer's pages as others meet them: link previews (OpenGraph and Twitter cards), axe in light
// and dark, and screenshots at desktop and phone widths (e2e/screenshots/, opened and looked at).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { REVIEWER_FIXTURE as FIXTURE } from "./constants";

test("link previews: analysis and failure pages carry OpenGraph and Twitter images", async ({ page, request }) => {
  await page.goto(`${FIXTURE}/failures/1`);
  const og = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
  // /failures/1 redirects to the failure's stable key; the images live under that address.
  expect(og).toMatch(/\/analyses\/990000123\/failures\/[a-z0-9-]+\/opengraph-image/);
  // Without FAULTLINE_PUBLIC_URL the absolute address is the host the page was asked from, not localhost.
  expect(new URL(og!).origin).toBe(new URL(page.url()).origin);
  const ogUrl = await page.locator('meta[property="og:url"]').getAttribute("content");
  expect(ogUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/analyses\/990000123\/failures\/[a-z0-9-]+$/);
  const image = await request.get(new URL(og!).pathname + new URL(og!).search);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  // The Twitter card image (a re-export of the OpenGraph one) keeps its size and alt text.
  const twitter = await page.locator('meta[name="twitter:image"]').getAttribute("content");
  expect(twitter).toMatch(/\/analyses\/990000123\/failures\/[a-z0-9-]+\/twitter-image/);
  expect(await page.locator('meta[name="twitter:image:width"]').getAttribute("content")).toBe("1200");
  expect(await page.locator('meta[name="twitter:image:alt"]').getAttribute("content")).toMatch(/\S/);
  const card = await request.get(new URL(twitter!).pathname + new URL(twitter!).search);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
});

const AXE_PAGES = ["/", "/analyses", "/failures?severity=critical", FIXTURE, `${FIXTURE}?view=raw`, `${FIXTURE}/failures/2?diff=unified`];

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no serious accessibility problems (${scheme})`, async ({ page }) => {
    test.setTimeout(180_000); // six pages, each analysed whole; a loaded 2-core machine needed over 60 s
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of AXE_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      // The page itself, not its loading skeleton (streamed pages show one first).
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${path}: ${v.id} (${v.nodes.length}) ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join(" | ")}`,
        );
      expect(serious).toEqual([]);
    }
  });
}

const SCREENS: [string, string][] = [
  ["overview", "/"],
  ["analyses", "/analyses"],
  ["failures", "/failures?severity=critical,high"],
  ["analysis", FIXTURE],
  ["analysis-raw", `${FIXTURE}?view=raw`],
  ["failure", `${FIXTURE}/failures/1#failure-1-R10`],
];

test("screenshots of every reviewer page, light and dark, desktop and phone", async ({ browser }) => {
  test.setTimeout(180_000); // 20 full-page screenshots
  for (const scheme of ["light", "dark"] as const) {
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      for (const [name, path] of SCREENS) {
        await page.goto(path);
        await expect(page.getByRole("main")).toBeVisible();
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible(); // not the loading skeleton
        await page.screenshot({ path: `e2e/screenshots/reviewer-${name}-${scheme}-${device}.png`, fullPage: true });
      }
      await context.close();
    }
  }
});
