// Page budgets of the analysis page: the raw view of a 500k-line file was 432 MB of HTML and 25k
// failures a 183 MB page; now 2,000 raw lines and 50 failures per page, and links land on their page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite } from "@/lib/data/sqlite";
import { FAILURES_PER_PAGE, RAW_LINES_PER_PAGE, pageOf, parseFragment, rawPageOfLine, withPage } from "@/lib/render/pages";
import { freshDatabase, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));
vi.mock("next/link", () => ({
  default: (props: { href: string; children: unknown }) => createElement("a", { href: props.href }, props.children as never),
}));

describe("page math", () => {
  it("clamps ?page= to the pages there are", () => {
    expect(pageOf({ page: "3" }, 120, FAILURES_PER_PAGE)).toEqual({ page: 3, requested: 3, pages: 3 });
    expect(pageOf({ page: "9" }, 120, FAILURES_PER_PAGE)).toEqual({ page: 3, requested: 9, pages: 3 });
    expect(pageOf({ page: "x" }, 0, FAILURES_PER_PAGE)).toEqual({ page: 1, requested: 1, pages: 1 });
  });

  it("reads what a fragment names", () => {
    expect(parseFragment("#raw-L4001")).toEqual({ kind: "raw", line: 4001 });
    expect(parseFragment("failure-hardcoded-password")).toEqual({ kind: "failure", ref: "hardcoded-password" });
    expect(parseFragment("failure-open-port-b2-R14")).toEqual({ kind: "failure", ref: "open-port" });
    expect(parseFragment("failure-7-L3")).toEqual({ kind: "failure", ref: "7" });
    expect(parseFragment("summary")).toBeNull();
    expect(rawPageOfLine(2_000)).toBe(1);
    expect(rawPageOfLine(2_001)).toBe(2);
  });

  it("moves a URL to another page keeping its query and fragment", () => {
    expect(withPage("/analyses/x?view=raw#raw-L4001", 3)).toBe("/analyses/x?view=raw&page=3#raw-L4001");
    expect(withPage("/analyses/x?page=3&diff=unified", 1)).toBe("/analyses/x?diff=unified");
  });
});

describe("the raw view of a 500,000-line file", () => {
  it("renders one page of 2,000 lines, well under 1 MB, with links to the others", async () => {
    const { RawMarkdown } = await import("@/components/raw-markdown");
    const raw = Array.from({ length: 500_000 }, (_, i) => (i % 2 ? "" : `line ${i}`)).join("\n");
    const html = renderToStaticMarkup(createElement(RawMarkdown, { raw, slug: "big", query: { view: "raw", page: "3" } }));
    expect((html.match(/id="raw-L/g) ?? []).length).toBe(RAW_LINES_PER_PAGE);
    expect(html).toContain('id="raw-L4001"');
    expect(html).toContain('id="raw-L6000"');
    expect(html).not.toContain('id="raw-L6001"');
    expect(html).toContain("/analyses/big?view=raw&amp;page=4");
    expect(html.length).toBeLessThan(1_000_000);
  });
});

describe("locating a fragment on a paginated analysis", () => {
  let restore: string | undefined;
  beforeAll(() => {
    const file = freshDatabase(tempDir());
    const db = openSqlite(file);
    const id = Number(
      db
        .prepare(
          `INSERT INTO "Analysis" (slug, sourcePath, contentHash, title, failureCount, updatedAt) VALUES ('long', 'long.md', 'x', 'Long', 120, CURRENT_TIMESTAMP)`,
        )
        .run().lastInsertRowid,
    );
    const failure = db.prepare(
      `INSERT INTO "Failure" (analysisId, number, title, severity, severityRank, line, key) VALUES (?, ?, ?, 'high', 1, ?, ?)`,
    );
    for (let n = 1; n <= 120; n++) failure.run(id, n, `Failure ${n}`, n, `failure-title-${n}`);
    db.prepare(
      `INSERT INTO "FailureAlias" (analysisId, alias, failureKey, title) VALUES (?, '77', 'failure-title-77', 'Failure 77'), (?, 'old-name', 'failure-title-101', 'Failure 101')`,
    ).run(id, id);
    db.close();
    restore = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${file}`;
  }, 120_000);
  afterAll(() => {
    if (restore === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = restore;
  });

  it("finds the page of a key, an old number or alias, a diff line and a raw line", async () => {
    const { locateFragment } = await import("@/lib/api/locate-fragment");
    expect(await locateFragment("long", "failure-failure-title-51")).toEqual({ view: "failures", page: 2 });
    expect(await locateFragment("long", "failure-77-b2-R4")).toEqual({ view: "failures", page: 2 });
    expect(await locateFragment("long", "failure-old-name")).toEqual({ view: "failures", page: 3 });
    expect(await locateFragment("long", "failure-failure-title-50")).toEqual({ view: "failures", page: 1 });
    expect(await locateFragment("long", "raw-L4001")).toEqual({ view: "raw", page: 3 });
    expect(await locateFragment("long", "failure-nothing")).toBeNull();
    expect(await locateFragment("missing", "failure-failure-title-1")).toBeNull();
  });

  it("loads one page of failures for the analysis page, and none for its metadata", async () => {
    const { getAnalysis } = await import("@/lib/analyses/get-analysis");
    const page2 = await getAnalysis("long", 50, FAILURES_PER_PAGE);
    expect(page2?.failures.map((f) => f.number)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));
    expect((await getAnalysis("long", 0, 0))?.failures).toEqual([]);
    expect((await getAnalysis("long", 0, 0))?.failureCount).toBe(120);
  });
});
