// Waiting for a page a test can read. A server-rendered page streams: the layout (and its theme button)
// can be live while the page's own content is still a loading skeleton, and React reveals streamed
// content a moment after it arrives (it sits in a hidden `<div id="S:…">` until then). A client
// navigation changes the address as soon as the loading skeleton shows. Counting or reading elements
// without waiting (`count()`, `allInnerTexts()`, `evaluateAll()`) before either has settled reads nothing.
import { expect, type Page } from "@playwright/test";

/** Waits until client code is live: the theme button names the current theme only after hydration. */
async function waitForHydration(page: Page): Promise<void> {
  await expect(page.getByRole("button", { name: /^Theme: / })).toBeVisible();
}

/** Waits until no loading skeleton (aria-busy) is on screen and no streamed content waits to be revealed. */
export async function waitForContent(page: Page): Promise<void> {
  await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
  await expect(page.locator("div[hidden][id^='S:']")).toHaveCount(0);
}

/** Both: the page is live and all of it is on screen. */
export async function waitForPage(page: Page): Promise<void> {
  await waitForHydration(page);
  await waitForContent(page);
}
