// Links that always land (issue 13): every kind of fragment the app emits, and the old number forms,
// opened cold (a new browser context each time) 20 times on a long analysis, after client-side
// navigation and after back/forward; the target must be on screen and highlighted every time. The
// analysis is uploaded, then re-uploaded with a failure inserted before #3 and one dropped, so the old
// number links exercise the alias table.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN } from "./constants";
import { onPostgres } from "./postgres-project";

// 20 by the definition of done; LINKS_RUNS lowers it for a quick local check.
const RUNS = Number(process.env.LINKS_RUNS || 20);
// The PostgreSQL project ("chromium-pg") repeats each journey fewer times (playwright.config.ts says why).
const runs = () => (onPostgres() ? Math.min(RUNS, Number(process.env.LINKS_PG_RUNS || 3)) : RUNS);
const NAME = "links-long.md";

const TOPICS = [
  "Public S3 bucket",
  "Open SSH port",
  "Hardcoded password",
  "Missing encryption",
  "Unpinned provider",
  "Wildcard IAM policy",
  "No log retention",
  "Single availability zone",
  "Missing backups",
  "Plain HTTP listener",
  "Default VPC used",
  "No deletion protection",
  "Root account keys",
  "Unrestricted egress",
  "Missing tags",
  "Outdated runtime",
  "No alarm on errors",
  "Secrets in outputs",
  "Missing WAF",
  "Public database",
  "No versioning",
  "Unbounded autoscaling",
  "Missing health check",
  "Wrong region",
  "Inline policy sprawl",
  "No KMS rotation",
  "Public snapshot",
  "Missing DLQ",
  "No throttling",
  "Stale AMI",
];
const INSERTED = "Queue without encryption";
const DROPPED = "Default VPC used"; // v1's #11

/** A report whose failures each carry a 24-line MODEL and IDEAL block differing in one line. */
function report(titles: string[]): string {
  const items = titles.map((title, i) => {
    const lines = (side: string) =>
      Array.from({ length: 24 }, (_, n) =>
        n === 11 ? `resource_${i}_setting = "${side}"` : `line_${n} = "${title.toLowerCase()} ${n}"`,
      ).join("\n");
    return `### ${i + 1}. ${title}\n\n**Impact Level**: High\n\n**MODEL_RESPONSE Issue**:\n\`\`\`python\n${lines("model")}\n\`\`\`\n\n**IDEAL_RESPONSE Fix**:\n\`\`\`python\n${lines("ideal")}\n\`\`\`\n\n**Root Cause**: The model skipped the ${title.toLowerCase()} check.\n`;
  });
  return `# Model Response Failures Analysis\n\nA long analysis for link tests.\n\n## Failures\n\n${items.join("\n")}\n## Training Quality Score: 6/10\n`;
}

interface Item {
  number: number;
  key: string;
  title: string;
  line: number;
}

let slug = "";
/** v1's failures (number, key) and the current ones. */
let before: Item[] = [];
let now: Item[] = [];

async function upload(request: import("@playwright/test").APIRequestContext, titles: string[]) {
  const response = await request.post(`/api/analyses?name=${NAME}`, {
    data: report(titles),
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
  });
  expect(response.status()).toBeLessThan(300);
  const body = (await response.json()) as { items: { slug: string; status: string }[] };
  expect(body.items[0]!.status).not.toBe("failed");
  return body.items[0]!.slug;
}

async function failures(request: import("@playwright/test").APIRequestContext): Promise<Item[]> {
  const response = await request.get(`/api/failures?analysis=${encodeURIComponent(slug)}&pageSize=200&sort=analysis`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: Item[] };
  return body.items.sort((a, b) => a.number - b.number);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  slug = await upload(request, TOPICS);
  before = await failures(request);
  expect(before).toHaveLength(TOPICS.length);
  // The edit: a failure inserted before #3, and (as a parser change would) one no longer found.
  const v2 = [...TOPICS.slice(0, 2), INSERTED, ...TOPICS.slice(2).filter((t) => t !== DROPPED)];
  expect(await upload(request, v2)).toBe(slug);
  now = await failures(request);
  expect(now[2]!.title).toBe(INSERTED);
});

test.afterAll(async ({ request }) => deleteAnalyses(request, slug ? [slug] : []));

const keyOf = (title: string) => now.find((f) => f.title === title)!.key;
const oldNumber = (title: string) => before.find((f) => f.title === title)!.number;

/** The marked target is on screen, and still there a moment later (late content must not push it off). */
async function assertLanded(page: Page, target: Locator, label: string) {
  // Generous: the page may still be streaming behind its skeleton on a busy machine.
  await expect(target, label).toHaveAttribute("aria-current", "location", { timeout: 30_000 });
  await expect(target, label).toBeInViewport();
  await page.waitForTimeout(200);
  await expect(target, label).toBeInViewport();
  await expect(page.locator("[aria-current='location']"), label).toHaveCount(1);
}

const card = (page: Page, title: string) => page.locator(`article#failure-${keyOf(title)}`);
/** A diff line in the layout on screen (split by default at desktop width). */
const diffLine = (page: Page, anchor: string) => page.locator(`[data-line~="${anchor}"]`).filter({ visible: true });

interface LinkKind {
  name: string;
  url: () => string;
  target: (page: Page) => Locator;
  /** The address the page should end on (old forms are rewritten to the failure's key). */
  finalHash?: () => string;
}

// Failures far down the page: the browser's own fragment scroll would run before they stream in.
const DEEP = "No throttling";
const DEEP_LINE = "Public snapshot";

const KINDS: LinkKind[] = [
  { name: "failure key", url: () => `/analyses/${slug}#failure-${keyOf(DEEP)}`, target: (p) => card(p, DEEP) },
  {
    name: "diff line (IDEAL)",
    url: () => `/analyses/${slug}#failure-${keyOf(DEEP_LINE)}-R12`,
    target: (p) => diffLine(p, `failure-${keyOf(DEEP_LINE)}-R12`),
  },
  {
    name: "diff line (MODEL)",
    url: () => `/analyses/${slug}#failure-${keyOf(DEEP)}-L20`,
    target: (p) => diffLine(p, `failure-${keyOf(DEEP)}-L20`),
  },
  { name: "raw line", url: () => `/analyses/${slug}?view=raw#raw-L900`, target: (p) => p.locator("#raw-L900") },
  {
    name: "old failure number",
    url: () => `/analyses/${slug}#failure-${oldNumber(DEEP)}`,
    target: (p) => card(p, DEEP),
    finalHash: () => `#failure-${keyOf(DEEP)}`,
  },
  {
    name: "old failure number with a line",
    url: () => `/analyses/${slug}#failure-${oldNumber(DEEP_LINE)}-L3`,
    target: (p) => diffLine(p, `failure-${keyOf(DEEP_LINE)}-L3`),
    finalHash: () => `#failure-${keyOf(DEEP_LINE)}-L3`,
  },
  {
    name: "old failure page with a line",
    url: () => `/analyses/${slug}/failures/${oldNumber(DEEP_LINE)}#failure-${oldNumber(DEEP_LINE)}-R20`,
    target: (p) => diffLine(p, `failure-${keyOf(DEEP_LINE)}-R20`),
    finalHash: () => `#failure-${keyOf(DEEP_LINE)}-R20`,
  },
];

async function coldOpen(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

for (const kind of KINDS) {
  test(`a cold ${kind.name} link lands and is highlighted, ${RUNS} times out of ${RUNS}`, async ({ browser }) => {
    test.setTimeout(runs() * 30_000);
    for (let run = 1; run <= runs(); run++) {
      const { context, page } = await coldOpen(browser, kind.url());
      try {
        await assertLanded(page, kind.target(page), `${kind.name}, run ${run}`);
        if (kind.finalHash) await expect(page).toHaveURL(new RegExp(`${kind.finalHash().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
      } finally {
        await context.close();
      }
    }
  });
}

test(`after client-side navigation and back/forward, failure and source-line links land, ${RUNS} times`, async ({ page }) => {
  test.setTimeout(runs() * 60_000);
  for (let run = 1; run <= runs(); run++) {
    // Spread over the document: each run aims at another failure.
    const target = now[(run * 7) % now.length]!;
    await page.goto(`/analyses/${slug}/failures/${target.key}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(target.title);
    // "All failures of this analysis": another page, the failure card far down it.
    await page.getByRole("link", { name: "All failures of this analysis" }).click();
    const cardOf = page.locator(`article#failure-${target.key}`);
    await assertLanded(page, cardOf, `all failures → card, run ${run}`);
    // The card's "Source line" link: the raw view, same path, another query.
    await cardOf.getByRole("link", { name: `line ${target.line}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`view=raw#raw-L${target.line}$`));
    await assertLanded(page, page.locator(`#raw-L${target.line}`), `source line, run ${run}`);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`#failure-${target.key}$`));
    await assertLanded(page, cardOf, `back → card, run ${run}`);
    await page.goForward();
    await assertLanded(page, page.locator(`#raw-L${target.line}`), `forward → source line, run ${run}`);
  }
});

test("a /failures result's analysis link lands on the failure, and result anchors use keys", async ({ page }) => {
  await page.goto(`/failures?q=${encodeURIComponent('"no throttling"')}`);
  const hit = page.getByTestId("failure-hit").filter({ hasText: DEEP });
  await expect(hit).toHaveAttribute("id", `hit-${slug}--${keyOf(DEEP)}`);
  await hit.getByRole("link", { name: "Model Response Failures Analysis" }).click();
  await assertLanded(page, card(page, DEEP), "/failures → analysis card");
});

test("old links to a failure that no longer exists say so and link the analysis", async ({ page }) => {
  const gone = oldNumber(DROPPED);
  const response = await page.goto(`/analyses/${slug}/failures/${gone}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "This failure no longer exists in the current version" })).toBeVisible();
  await expect(page.getByText(`“${DROPPED}”`)).toBeVisible();
  await page.getByRole("link", { name: /Open the analysis/ }).click();
  await expect(page).toHaveURL(new RegExp(`/analyses/${slug}$`));

  await page.goto(`/analyses/${slug}#failure-${gone}`);
  // (Next.js's route announcer is an alert too.)
  const notice = page.getByRole("alert").filter({ hasText: "no longer exists" });
  await expect(notice).toContainText("This failure no longer exists in the current version of this analysis");
  await expect(notice).toContainText(DROPPED);

  // An old number of a failure still there redirects to its key, whatever it is numbered now.
  await page.goto(`/analyses/${slug}/failures/3`);
  await expect(page).toHaveURL(new RegExp(`/failures/${keyOf(TOPICS[2]!)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TOPICS[2]!);
});

test("copy link gives the failure's own page with the layout; the layout switch keeps the hash and is remembered", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const key = keyOf(DEEP_LINE);
  await page.goto(`/analyses/${slug}?diff=unified#failure-${key}-R12`);
  await assertLanded(page, diffLine(page, `failure-${key}-R12`), "unified line");
  await page.getByRole("button", { name: `Copy link to failure ${now.find((f) => f.key === key)!.number}` }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp(`/analyses/${slug}/failures/${key}\\?diff=unified$`),
  );

  // Switch to split from the card in view: the hash stays and the line is marked in the new layout.
  // The link names the layout (diff=split): without it the screen width picks one.
  await card(page, DEEP_LINE).getByRole("group", { name: "Diff layout" }).getByRole("link", { name: "Split" }).click();
  await expect(page).toHaveURL(new RegExp(`/analyses/${slug}\\?diff=split#failure-${key}-R12$`));
  await expect(page.locator("[data-diff-view='split']").first()).toBeVisible();
  await expect(diffLine(page, `failure-${key}-R12`)).toHaveAttribute("aria-current", "location");

  // Remembered for this browser: a plain link opens in split; the URL still overrides it.
  await page.getByRole("group", { name: "Diff layout" }).first().getByRole("link", { name: "Unified" }).click();
  await expect(page).toHaveURL(/diff=unified/);
  await page.goto(`/analyses/${slug}/failures/${key}`);
  await expect(page.locator("[data-diff-view='unified']").first()).toBeVisible();
  await page.goto(`/analyses/${slug}/failures/${key}?diff=split`);
  await expect(page.locator("[data-diff-view='split']").first()).toBeVisible();
});
