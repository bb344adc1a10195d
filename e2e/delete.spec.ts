// Deleting an analysis from its page (issue 16): the confirmation names it and says reviewers' verdicts
// go too; a wrong admin token is refused and nothing is deleted; the right one deletes it (its page
// 404s, the list no longer shows it, the list says what was deleted). And Enter opens the hit j moved to.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN } from "./constants";

// Words no fixture uses, so searches find only these documents (one per test).
const WORD = "zebrafinchdel";
const KEYS_WORD = "quokkakeys";

function report(title: string, failures: string[], word: string): string {
  const items = failures.map(
    (t, i) =>
      `### ${i + 1}. ${t}\n\n**Impact Level**: High\n\n**MODEL_RESPONSE Issue**:\n\`\`\`python\nx = ${i}\n\`\`\`\n\n**IDEAL_RESPONSE Fix**:\n\`\`\`python\nx = ${i + 1}\n\`\`\`\n\n**Root Cause**: The model skipped the ${word} check.\n`,
  );
  return `# ${title}\n\nAn analysis for the delete tests.\n\n## Failures\n\n${items.join("\n")}\n## Training Quality Score: 6/10\n`;
}

async function upload(request: APIRequestContext, name: string, title: string, failures: string[], word = WORD): Promise<string> {
  const response = await request.post(`/api/analyses?name=${name}`, {
    data: report(title, failures, word),
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
  });
  expect(response.status()).toBeLessThan(300);
  const body = (await response.json()) as { items: { slug: string; status: string }[] };
  expect(body.items[0]!.status).not.toBe("failed");
  return body.items[0]!.slug;
}

const uploaded: string[] = [];

/** The site's keys answer once the page has hydrated: wait for that by opening and closing the help. */
async function keysReady(page: Page) {
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
}
test.afterAll(async ({ request }) => deleteAnalyses(request, uploaded));

test("an admin deletes an analysis from its page: a wrong token is refused, the right one deletes it", async ({ page, request }) => {
  const title = `Delete me ${WORD} alpha`;
  const slug = await upload(request, "delete-me-alpha.md", title, ["Open port", "Plain password"]);
  uploaded.push(slug);

  await page.goto(`/analyses?q=${WORD}`);
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();

  await page.goto(`/analyses/${slug}`);
  await page.getByRole("button", { name: "Delete analysis…" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${title}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Reviewers’ verdicts and comments on it, and its share links, are deleted too.");

  // Cancel closes it and deletes nothing.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Delete analysis…" }).click();
  await dialog.getByLabel("Admin token").fill("not-the-token");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText("The admin token was refused. Nothing was deleted.");
  await expect(page).toHaveURL(new RegExp(`/analyses/${slug}$`));
  expect((await request.get(`/analyses/${slug}`)).status()).toBe(200);

  await dialog.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/analyses$/);
  await expect(page.getByRole("status").filter({ hasText: `Deleted “${title}”.` })).toBeVisible();

  expect((await request.get(`/analyses/${slug}`)).status()).toBe(404);
  expect((await request.get(`/api/analyses/${slug}`)).status()).toBe(404);
  await page.goto(`/analyses?q=${WORD}`);
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  // The notice was spent on the list it was shown on.
  await expect(page.getByText(`Deleted “${title}”.`)).toHaveCount(0);
});

test("Enter opens the hit j moved to on /failures and on /analyses", async ({ page, request }) => {
  const title = `Keyboard list ${KEYS_WORD} beta`;
  const slug = await upload(
    request,
    "delete-keys-beta.md",
    title,
    [`First ${KEYS_WORD} finding`, `Second ${KEYS_WORD} finding`],
    KEYS_WORD,
  );
  uploaded.push(slug);

  await page.goto(`/failures?q=${KEYS_WORD}`);
  const hits = page.getByTestId("failure-hit");
  await expect(hits).toHaveCount(2);
  await keysReady(page);
  await page.keyboard.press("j");
  await expect(hits.first()).toBeFocused();
  const firstTitle = (await hits.first().locator("h3 a").getAttribute("href"))!;
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${firstTitle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(KEYS_WORD);

  // /analyses: j moves to the first row, Enter opens its analysis.
  await page.goto(`/analyses?q=${KEYS_WORD}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(row).toBeVisible();
  await keysReady(page);
  await page.keyboard.press("j");
  await expect(row).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/analyses/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
