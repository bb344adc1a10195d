// Trainer journeys: scores sorted and filtered, outliers, the consistency audit, knowledge gaps, and a
// CSV export that holds exactly the rows on screen (comparing two analyses: e2e/compare.spec.ts).
import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../lib/export/to-csv";
import { waitForContent, waitForPage } from "./settle";

const CONFIDENT = "trainer-confident-score";
const HARSH = "trainer-harsh-score";

/** The Score column of the /scores table, as numbers out of 10 (null for "—"). */
async function scoreColumn(page: Page): Promise<(number | null)[]> {
  await waitForContent(page);
  const table = page.getByRole("table", { name: /Analyses with score/ });
  const cells = await table
    .getByRole("row")
    .filter({ has: page.getByRole("cell") })
    .evaluateAll((rows) => rows.map((row) => row.querySelectorAll("td")[1]?.textContent ?? ""));
  return cells.map((text) => {
    const match = /^(\d+(?:\.\d+)?)\/10/.exec(text.trim());
    return match ? Number(match[1]) : null;
  });
}

test("a trainer sorts /scores by score both ways and sees the order", async ({ page }) => {
  await page.goto("/scores");
  await expect(page.getByRole("heading", { name: "Scores", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: /Analyses with score/ });
  const scoreHeader = table.getByRole("columnheader", { name: /Score/ });
  await expect(scoreHeader).toHaveAttribute("aria-sort", "descending");

  const desc = (await scoreColumn(page)).filter((s): s is number => s !== null);
  expect(desc.length).toBeGreaterThanOrEqual(4);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));

  await scoreHeader.getByRole("link").click();
  await expect(page).toHaveURL(/[?&]dir=asc/);
  await expect(scoreHeader).toHaveAttribute("aria-sort", "ascending");
  const asc = await scoreColumn(page);
  const scored = asc.filter((s): s is number => s !== null);
  expect(scored).toEqual([...scored].sort((a, b) => a - b));
  // Analyses without a score stay at the end whichever way the column is sorted.
  expect(asc.slice(0, scored.length).every((s) => s !== null)).toBe(true);
  await page.screenshot({ path: "e2e/screenshots/scores-sorted.png", fullPage: true });

  await table.getByRole("columnheader", { name: /Load/ }).getByRole("link").click();
  await expect(page).toHaveURL(/[?&]sort=load/);
  await expect(table.getByRole("columnheader", { name: /Load/ })).toHaveAttribute("aria-sort", "descending");
});

test("a trainer filters scores in the URL and the charts describe the result", async ({ page }) => {
  test.setTimeout(180_000); // a load of /scores per knowledge gap at most, on a loaded machine
  await page.goto("/scores");
  await page.getByLabel("Min score").fill("8");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]min=8/);
  const scores = (await scoreColumn(page)).filter((s) => s !== null);
  expect(scores.every((s) => s! >= 8)).toBe(true);
  await expect(page.getByRole("group", { name: /Histogram of \d+ scored analyses/ })).toBeVisible();
  await expect(page.getByRole("group", { name: /Scatter plot of \d+ scored analyses/ })).toBeVisible();
  await page.getByRole("link", { name: "Clear all" }).click();
  await expect(page).toHaveURL(/\/scores$/);

  // Two knowledge gaps, ticked one after the other, apply on change and show the union of both.
  const table = page.getByRole("table", { name: /Analyses with score/ });
  const tableSlugs = async () => {
    await waitForContent(page);
    const hrefs = await table.locator("tbody a[href^='/analyses/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.sort();
  };
  const gapBoxes = page.getByRole("group", { name: "Knowledge gap (any of)" }).getByRole("checkbox");
  await waitForContent(page);
  expect(await gapBoxes.count()).toBeGreaterThanOrEqual(2);
  // Two gaps that each have analyses the other lacks, so the union is bigger than either alone. Which
  // gaps qualify depends on what other specs uploaded into this server's database before this one ran:
  // the gaps are loaded in facet order until such a pair turns up, not only the first few.
  const values = await gapBoxes.evaluateAll((boxes) => boxes.map((b) => b.getAttribute("value") ?? ""));
  const alone = new Map<string, string[]>();
  const differs = (a: string, b: string) => alone.get(a)!.some((slug) => !alone.get(b)!.includes(slug));
  let pair: readonly [string, string] | undefined;
  for (const gap of values) {
    await page.goto(`/scores?gap=${gap}`);
    alone.set(gap, await tableSlugs());
    const other = [...alone.keys()].find((seen) => seen !== gap && differs(seen, gap) && differs(gap, seen));
    if (other) {
      pair = [other, gap];
      break;
    }
  }
  expect(pair, `two gaps among ${values.join(", ")} whose analyses differ both ways`).toBeDefined();
  const [first, second] = pair!;
  const union = [...new Set([...alone.get(first)!, ...alone.get(second)!])].sort();

  await page.goto("/scores");
  await page.getByRole("group", { name: "Knowledge gap (any of)" }).locator(`input[value="${first}"]`).check();
  await expect(page).toHaveURL(new RegExp(`/scores\\?gap=${first}$`));
  await page.getByRole("group", { name: "Knowledge gap (any of)" }).locator(`input[value="${second}"]`).check();
  await expect(page).toHaveURL(new RegExp(`/scores\\?gap=${first}(%2C|,)${second}$`));
  await expect(page.getByRole("group", { name: "Knowledge gap (any of)" }).locator(`input[value="${second}"]`)).toBeChecked();
  await expect(page.getByTestId("result-count")).toContainText(`${union.length} analys`);
  await expect(page.getByTestId("result-count")).toContainText(" or ");
  expect(await tableSlugs()).toEqual(union);
  // The histogram counts the same rows: its bars add up to the scored rows of the union.
  const scored = (await scoreColumn(page)).filter((s) => s !== null).length;
  if (scored > 0) await expect(page.getByRole("group", { name: new RegExp(`Histogram of ${scored} scored analys`) })).toBeVisible();
});

test("a trainer opens the analysis whose high score disagrees with its critical failures", async ({ page }) => {
  await page.goto("/scores");
  const outliers = page.getByRole("region", { name: "Outliers" });
  // The rules are stated, absolute: a score threshold, not a percentile of scores.
  await expect(outliers).toContainText("score ≥ 8/10 with a failure load in the top 10%");
  const heavy = outliers.getByRole("table", { name: "High score, heavy failures" });
  const row = heavy.getByRole("row").filter({ hasText: CONFIDENT });
  await expect(row).toContainText("score 10/10");
  // Where the score came from: the document's own label.
  await expect(row).toContainText("Training Quality Score, line");
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/analyses/${CONFIDENT}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/scores");
  const low = page.getByRole("region", { name: "Outliers" }).getByRole("table", { name: "Low score, light failures" });
  await expect(low.getByRole("row").filter({ hasText: HARSH })).toContainText("score 2/10");
  // The flagged analyses are one click away in the table.
  await page
    .getByRole("navigation", { name: "Consistency audit filters" })
    .getByRole("link", { name: /Low score, light failures/ })
    .click();
  await expect(page).toHaveURL(/[?&]outlier=low-light/);
  await expect(page.getByRole("table", { name: /Analyses with score/ })).toContainText(HARSH);
});

test("a histogram bar opens the table filtered to its range", async ({ page }) => {
  await page.goto("/scores");
  const bar = page.getByRole("link", { name: /analys[a-z]+ scored 9–10: show them in the table/ });
  await bar.click();
  await expect(page).toHaveURL(/[?&]min=9&max=10/);
  // The address changes as soon as the loading skeleton shows (scoreColumn waits for the page); the
  // filter form shows the bar's range.
  await expect(page.getByLabel("Min score")).toHaveValue("9");
  const scores = (await scoreColumn(page)).filter((s): s is number => s !== null);
  expect(scores.length).toBeGreaterThan(0);
  expect(scores.every((s) => s >= 9)).toBe(true);
});

test("a dot on the scatter names its analysis when pointed at and opens it on click", async ({ page }) => {
  await page.goto("/scores");
  await waitForPage(page);
  const plot = page.getByRole("group", { name: /Scatter plot of \d+ scored analyses/ });
  // The first dot the plot draws, in page coordinates (dots are drawn as one path per kind).
  const at = await plot.evaluate((svg: SVGSVGElement) => {
    const d = [...svg.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? "").find((v) => v.startsWith("M"))!;
    const [x, y] = d.slice(1).split(/[ h]/).map(Number);
    const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM()!);
    return { x: p.x, y: p.y };
  });
  const hover = page.getByTestId("scatter-hover");
  // The plot answers the pointer once its part of the page is hydrated, which can come after the
  // layout's: point again until it does, as a reader would.
  await expect(async () => {
    await page.mouse.move(at.x + 40, at.y + 40);
    await page.mouse.move(at.x, at.y);
    await expect(hover).toHaveText(/^\S+: score [\d.]+\/10, load \d+.*Click to open\.$/, { timeout: 1000 });
  }).toPass();
  const slug = (await hover.textContent())!.split(":")[0]!;
  await page.mouse.click(at.x, at.y);
  await expect(page).toHaveURL(new RegExp(`/analyses/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the consistency audit lists count and severity disagreements and filters by them", async ({ page }) => {
  await page.goto("/scores");
  const audit = page.getByRole("region", { name: "Consistency audit" });
  await expect(audit).toContainText("The document's counts disagree with its items");
  await expect(audit).toContainText("The parser found items it could not grade");
  await expect(audit).toContainText("high: declared 2, found 0");
  await expect(audit).toContainText("states low but sits under a high section");

  await page
    .getByRole("navigation", { name: "Consistency audit filters" })
    .getByRole("link", { name: /Declared counts differ/ })
    .click();
  await expect(page).toHaveURL(/[?&]audit=count-mismatch/);
  await expect(page.getByRole("heading", { name: "Declared counts differ", level: 2 })).toBeVisible();
  const table = page.getByRole("table", { name: /Analyses with score/ });
  await expect(table.getByRole("link", { name: "Model Response Failures Analysis" }).first()).toBeVisible();
  await expect(table).toContainText(HARSH);

  await page
    .getByRole("navigation", { name: "Consistency audit filters" })
    .getByRole("link", { name: /No score/ })
    .click();
  await expect(page).toHaveURL(/[?&]audit=no-score/);
  expect((await scoreColumn(page)).every((s) => s === null)).toBe(true);
});

test("knowledge gaps show counts, severity mix and mean score, and link into /failures", async ({ page }) => {
  await page.goto("/gaps");
  const table = page.getByRole("table");
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Access control", exact: true }) });
  await expect(row).toContainText(/\d+ critical/);
  await expect(row).toContainText(/\d+\.\d\/10/);
  await row.getByRole("link", { name: /critical with Access control/ }).click();
  await expect(page).toHaveURL(/\/failures\?severity=critical&gap=access-control$/);
  await page.screenshot({ path: "e2e/screenshots/gaps-to-failures.png", fullPage: true });
});

test("a reviewer downloads CSV from a filtered /failures and its rows match the screen", async ({ page }) => {
  await page.goto("/failures?severity=critical&gap=access-control");
  const hits = page.getByTestId("failure-hit");
  await expect(hits.first()).toBeVisible();
  // Each hit's heading reads "#<number> <title>".
  const onScreen = (await hits.getByRole("heading", { level: 3 }).allTextContents()).map((t) => t.replace(/^\s*#(\d+)\s*/, "$1 ").trim());
  expect(onScreen.length).toBeGreaterThan(0);

  const csvLink = page.getByRole("link", { name: /as CSV/ });
  await expect(csvLink).toHaveAttribute("href", /^\/api\/failures\?.*format=csv/);
  const [download] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^faultline-failures-critical-access-control-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(fs.readFileSync(await download.path(), "utf8"));
  const [header, ...body] = rows;
  expect(header).toContain("title");
  const col = (name: string) => header!.indexOf(name);
  expect(body.map((r) => `${r[col("number")]} ${r[col("title")]}`)).toEqual(onScreen);
  expect(body.every((r) => r[col("severity")] === "critical")).toBe(true);
  expect(body.every((r) => r[col("knowledge_gaps")]!.split("; ").includes("access-control"))).toBe(true);
});

test("a reviewer downloads the filtered /analyses list as CSV and JSON", async ({ page }) => {
  await page.goto("/analyses?platform=pulumi&sort=title");
  const csvLink = page.getByRole("link", { name: /analys\w+ as CSV/ });
  await expect(csvLink).toHaveAttribute("href", "/api/analyses?platform=pulumi&sort=title&format=csv");
  const [csv] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
  const [header, ...rows] = parseCsv(fs.readFileSync(await csv.path(), "utf8"));
  const platform = header!.indexOf("platform");
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r[platform] === "pulumi")).toBe(true);
  const titles = rows.map((r) => r[header!.indexOf("title")]!);
  expect(titles).toEqual([...titles].sort()); // SQLite orders titles by code point, like Array#sort

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /analys\w+ as JSON/ }).click()]);
  expect(json.suggestedFilename()).toMatch(/^faultline-analyses-pulumi-.*\.json$/);
  const body = JSON.parse(fs.readFileSync(await json.path(), "utf8"));
  expect(body.items.map((i: { slug: string }) => i.slug)).toEqual(rows.map((r) => r[0]));
});

for (const scheme of ["light", "dark"] as const) {
  test(`trainer pages have no serious accessibility problems (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ["/scores", "/scores?audit=count-mismatch", "/gaps", "/compare", "/compare?a=101000875&b=101000953"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
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

for (const [name, path] of [
  ["scores", "/scores"],
  ["gaps", "/gaps"],
  ["compare", "/compare?a=101000875&b=101000953"],
] as const) {
  test(`screenshots of ${name}: light, dark, phone`, async ({ page }) => {
    for (const mode of ["light", "dark"] as const) {
      for (const [device, viewport] of [
        ["desktop", { width: 1280, height: 900 }],
        ["phone", { width: 390, height: 844 }],
      ] as const) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: mode });
        await page.goto(path);
        if (mode === "dark") await page.evaluate(() => document.documentElement.classList.add("dark"));
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.screenshot({ path: `e2e/screenshots/${name}-${mode}-${device}.png`, fullPage: true });
      }
    }
  });
}
