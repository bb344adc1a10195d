// The /analyses and /failures lists on a real (migrated) database: failure-level conjunction of
// severity, gap and platform; multi-select platforms; facet counts; the stemmed full-text index
// searched by both lists with phrases, prefixes and bm25 relevance; snippets of the matched words.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SEVERITY_RANK } from "@/lib/domain";
import { openSqlite } from "@/lib/data/sqlite";
import { indexAnalysis } from "@/lib/data/search-index";
import { parseAnalysisFilters, parseFailureFilters } from "@/lib/filters/view-params";
import { freshDatabase, tempDir } from "../ingest/helpers";
import { REFILL_FACETS } from "../data/facet-recount";

vi.mock("server-only", () => ({}));
vi.mock("next/link", () => ({
  default: (props: { href: string; children: unknown }) => createElement("a", { href: props.href }, props.children as never),
}));

interface FailureSpec {
  title: string;
  severity: "critical" | "high" | "medium" | "low";
  gaps?: string[];
  model?: string;
  rootCause?: string;
  code?: string;
}

let restore: string | undefined;

function seed(file: string) {
  const db = openSqlite(file);
  for (const [id, label] of [
    ["secrets", "Secrets management"],
    ["iam", "IAM"],
    ["networking", "Networking"],
  ]) {
    db.prepare(`INSERT OR IGNORE INTO "KnowledgeGap" (id, label) VALUES (?, ?)`).run(id, label);
  }
  const analysis = (
    slug: string,
    title: string,
    platform: string,
    failures: FailureSpec[],
    extra: { summary?: string; gaps?: string[] } = {},
  ) => {
    const count = (s: string) => failures.filter((f) => f.severity === s).length;
    const id = Number(
      db
        .prepare(
          `INSERT INTO "Analysis" (slug, sourcePath, contentHash, title, platform, summary, failureCount, criticalCount, highCount, mediumCount, lowCount, updatedAt)
           VALUES (?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)`,
        )
        .run(
          slug,
          `${slug}.md`,
          title,
          platform,
          extra.summary ?? null,
          failures.length,
          count("critical"),
          count("high"),
          count("medium"),
          count("low"),
        ).lastInsertRowid,
    );
    for (const gap of extra.gaps ?? []) db.prepare(`INSERT INTO "AnalysisGap" (analysisId, gapId) VALUES (?, ?)`).run(id, gap);
    failures.forEach((f, i) => {
      const failureId = Number(
        db
          .prepare(
            `INSERT INTO "Failure" (analysisId, number, title, severity, severityRank, line, key, platform, modelText, idealText, rootCause)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
          )
          .run(
            id,
            i + 1,
            f.title,
            f.severity,
            SEVERITY_RANK[f.severity],
            i + 1,
            `${slug}-f${i + 1}`,
            platform,
            f.model ?? "",
            f.rootCause ?? null,
          ).lastInsertRowid,
      );
      (f.gaps ?? []).forEach((gap, rank) =>
        db
          .prepare(`INSERT INTO "FailureGap" (failureId, gapId, rank, severity, platform, analysisId) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(failureId, gap, rank, f.severity, platform, id),
      );
      if (f.code) db.prepare(`INSERT INTO "CodeBlock" (failureId, side, position, value) VALUES (?, 'model', 0, ?)`).run(failureId, f.code);
    });
    indexAnalysis(db, id);
  };

  // A critical failure and, separately, a low secrets failure: NOT a critical secrets failure.
  analysis("split", "Split findings", "terraform", [
    { title: "Wildcard IAM policy", severity: "critical", gaps: ["iam"] },
    { title: "Token in an environment variable", severity: "low", gaps: ["secrets"] },
  ]);
  analysis("together", "Critical secret", "pulumi", [
    { title: "Hardcoded password in the stack", severity: "critical", gaps: ["secrets"], model: "The stack sets password: 'hunter2'." },
  ]);
  analysis("named-gap", "Names its gap only", "cdk", [{ title: "Open port", severity: "high", gaps: ["networking"] }], {
    gaps: ["secrets"],
  });
  analysis("engine", "Database engine", "cdk", [
    { title: "Wrong engine version", severity: "medium", model: "The engine version 8.0.28 is not offered in the region." },
    { title: "Version left unpinned", severity: "low", rootCause: "An engine and a version are both named, far apart." },
  ]);
  analysis("hostile", "Hostile text", "terraform", [
    {
      title: "Credentials leaked",
      severity: "high",
      model: `Leaks the passwords <script>alert("x")</script> and <img src=x onerror=alert(1)> into the logs.`,
      code: 'resource "aws_db_instance" "db" { username = var.db_user }',
    },
  ]);
  analysis("encryption", "Storage", "terraform", [
    { title: "Bucket without encryption at rest", severity: "high", code: "server_side_encryption_configuration {}" },
  ]);
  db.exec(REFILL_FACETS);
  db.close();
}

beforeAll(() => {
  const file = freshDatabase(tempDir());
  seed(file);
  restore = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
}, 120_000);
afterAll(() => {
  if (restore === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = restore;
});

const analyses = async (query: string) => {
  const { searchAnalyses } = await import("@/lib/analyses/search-analyses");
  return searchAnalyses(parseAnalysisFilters(Object.fromEntries(new URLSearchParams(query))));
};
const failures = async (query: string) => {
  const { searchFailures } = await import("@/lib/failures/search-failures");
  return searchFailures(parseFailureFilters(Object.fromEntries(new URLSearchParams(query))));
};
const slugs = (result: { analyses: { slug: string }[] }) => result.analyses.map((a) => a.slug).sort();
const facet = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

describe("/analyses failure filters", () => {
  it("selects analyses with ONE failure matching severity and gap, not two separate ones", async () => {
    expect(slugs(await analyses("severity=critical&gap=secrets"))).toEqual(["together"]);
    expect(slugs(await analyses("severity=critical,low&gap=secrets"))).toEqual(["split", "together"]);
  });

  it("adds platform to the same failure, and takes several platforms as any of them", async () => {
    expect(slugs(await analyses("severity=critical&gap=secrets&platform=terraform"))).toEqual([]);
    expect(slugs(await analyses("platform=pulumi,cdk"))).toEqual(["engine", "named-gap", "together"]);
    expect(slugs(await analyses("severity=high&platform=terraform,cdk"))).toEqual(["encryption", "hostile", "named-gap"]);
  });

  it("keeps a single gap meaning what it did: the analysis names it or one of its failures has it", async () => {
    expect(slugs(await analyses("gap=secrets"))).toEqual(["named-gap", "split", "together"]);
    expect(slugs(await analyses("gap=secrets,networking"))).toEqual(["named-gap", "split", "together"]);
  });

  it("counts each facet value with the other filters applied", async () => {
    const result = await analyses("severity=critical&gap=secrets");
    expect(facet(result.facets.severity)).toMatchObject({ critical: 1, low: 1, high: 0 });
    expect(facet(result.facets.gap)).toEqual({ iam: 1, secrets: 1 });
    expect(facet(result.facets.platform)).toEqual({ pulumi: 1 });
    const all = await analyses("");
    expect(facet(all.facets.platform)).toEqual({ terraform: 3, pulumi: 1, cdk: 2 });
    expect(facet(all.facets.gap)).toEqual({ secrets: 3, iam: 1, networking: 1 });
  });

  it("counts the gaps of the analyses a text query matches, those they name included, within the platforms ticked", async () => {
    expect(facet((await analyses("q=passwords")).facets.gap)).toEqual({ secrets: 1 });
    expect(facet((await analyses("q=port")).facets.gap)).toEqual({ secrets: 1, networking: 1 });
    expect(facet((await analyses("q=passwords&platform=terraform")).facets.gap)).toEqual({});
    expect(facet((await analyses("q=passwords&platform=pulumi,terraform")).facets.gap)).toEqual({ secrets: 1 });
  });

  it("says when a page is past the end and shows the last one", async () => {
    const result = await analyses("page=999");
    expect(result.page).toBe(1);
    expect(result.pageCount).toBe(1);
    // In the relevance order of a text query too, whose page is read before the matches are counted.
    const ranked = await analyses("q=passwords&page=999");
    expect([ranked.page, ranked.analyses.length]).toEqual([1, 2]);
    const [past, first] = [await failures("q=passwords&page=999"), await failures("q=passwords")];
    expect(past.page).toBe(1);
    expect(past.hits.map((h) => h.title)).toEqual(first.hits.map((h) => h.title));
    expect(past.hits.length).toBeGreaterThan(0);
  });
});

describe("search", () => {
  it("stems: `passwords` finds `password`, and /analyses searches its failures' text and code", async () => {
    expect(slugs(await analyses("q=passwords"))).toEqual(["hostile", "together"]);
    const hits = await failures("q=passwords");
    expect(hits.hits.map((h) => h.analysis.slug).sort()).toEqual(["hostile", "together"]);
    // Only in a code block.
    expect(slugs(await analyses("q=side_encryption_configuration"))).toEqual(["encryption"]);
  });

  it("matches a quoted phrase only where the words are adjacent", async () => {
    expect((await failures("q=engine+version")).hits.map((h) => h.title).sort()).toEqual(["Version left unpinned", "Wrong engine version"]);
    expect((await failures(`q=${encodeURIComponent('"engine version"')}`)).hits.map((h) => h.title)).toEqual(["Wrong engine version"]);
  });

  it("matches prefixes", async () => {
    expect((await failures("q=encr*")).hits.map((h) => h.analysis.slug)).toEqual(["encryption"]);
    // Typed past the stem: "configuration" is indexed as "configur".
    expect((await failures("q=configura")).hits.map((h) => h.analysis.slug)).toEqual(["encryption"]);
    expect((await failures("q=configurat*")).hits.map((h) => h.analysis.slug)).toEqual(["encryption"]);
    expect(slugs(await analyses("q=hardcod"))).toEqual(["together"]);
  });

  it("orders by relevance (bm25) when a query is present and no sort was picked", async () => {
    const parsed = parseFailureFilters({ q: "engine" });
    expect(parsed.sort).toBe("relevance");
    const ranked = await failures("q=engine");
    // "engine" in the title weighs more than in a root cause.
    expect(ranked.hits[0]?.title).toBe("Wrong engine version");
    expect(parseFailureFilters({ q: "engine", sort: "analysis" }).sort).toBe("analysis");
    expect(parseAnalysisFilters({ sort: "relevance" }).sort).toBe("date");
  });

  it("gives each hit a snippet with the matched words marked, hostile text escaped", async () => {
    const { SearchSnippet } = await import("@/components/search-snippet");
    const result = await failures("q=passwords");
    const hostile = result.hits.find((h) => h.analysis.slug === "hostile");
    expect(hostile?.snippet?.filter((p) => p.mark).map((p) => p.text.toLowerCase())).toContain("passwords");
    const html = renderToStaticMarkup(createElement(SearchSnippet, { parts: hostile!.snippet! }));
    expect(html).toContain("<mark");
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;");
    const found = await analyses("q=passwords");
    const match = found.analyses.find((a) => a.slug === "together")?.match;
    expect(match?.failure?.number).toBe(1);
    expect(match?.parts.some((p) => p.mark && /password/i.test(p.text))).toBe(true);
  });
});

describe("snippets()", () => {
  it("marks only what matched, and a text cannot forge a mark", async () => {
    const { snippets } = await import("@/lib/search/snippets");
    const parts = snippets("encrypt", [
      { id: 1, fields: ["no match here"] },
      { id: 2, fields: ["Enable encryption \uE000now\uE001 please"] },
    ]);
    expect(parts.has(1)).toBe(false);
    expect(parts.get(2)).toEqual([
      { text: "Enable ", mark: false },
      { text: "encryption", mark: true },
      { text: " now please", mark: false },
    ]);
    expect(snippets("!!!", [{ id: 1, fields: ["x"] }]).size).toBe(0);
  });

  it("finds the match deep in a long field, looking only at a window around it", async () => {
    const { snippets, windowOf } = await import("@/lib/search/snippets");
    const code = `${"filler line of code;\n".repeat(5_000)}resource "bucket" { server_side_encryption_configuration {} }\n${"tail;\n".repeat(1_000)}`;
    const parts = snippets("encrypted", [{ id: 1, fields: [code] }]).get(1);
    expect(parts?.find((p) => p.mark)?.text).toBe("encryption");
    expect(windowOf(code, ["encrypt"]).length).toBeLessThanOrEqual(1_500);
    expect(windowOf("short", ["x"])).toBe("short");
  });
});

describe("exports", () => {
  const csvOf = async (url: string) => {
    const { getFailures } = await import("@/lib/api/get-failures");
    const response = await getFailures(new Request(url));
    const { parseCsv } = await import("@/lib/export/to-csv");
    const [header, ...rows] = parseCsv(await response.text());
    return { response, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]]))) };
  };

  it("writes absolute urls from the request's host, MODEL/IDEAL text and code, and keep the filter in the file name", async () => {
    const { response, rows } = await csvOf("http://faultline.test:8080/api/failures?q=passwords&platform=terraform&format=csv");
    expect(response.headers.get("content-disposition")).toMatch(/faultline-failures-terraform-passwords-\d{4}-\d{2}-\d{2}\.csv/);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.url).toBe("http://faultline.test:8080/analyses/hostile/failures/hostile-f1");
    expect(row?.analysis_url).toBe("http://faultline.test:8080/analyses/hostile");
    expect(row?.model_text).toContain("<script>");
    expect(row?.model_code).toContain("aws_db_instance");
    expect(row).toHaveProperty("ideal_text", "");
    expect(row).toHaveProperty("ideal_code", "");
  });

  it("prefers FAULTLINE_PUBLIC_URL, for analyses and JSON downloads too; the paged API keeps relative urls", async () => {
    const before = process.env.FAULTLINE_PUBLIC_URL;
    process.env.FAULTLINE_PUBLIC_URL = "https://faultline.example";
    try {
      const { rows } = await csvOf("http://internal:3000/api/failures?severity=critical&format=csv");
      expect(rows.map((r) => r.url).sort()).toEqual([
        "https://faultline.example/analyses/split/failures/split-f1",
        "https://faultline.example/analyses/together/failures/together-f1",
      ]);
      const { getAnalyses } = await import("@/lib/api/get-analyses");
      const { parseCsv } = await import("@/lib/export/to-csv");
      const csv = parseCsv(
        await (await getAnalyses(new Request("http://internal:3000/api/analyses?gap=secrets&severity=critical&format=csv"))).text(),
      );
      expect(csv[1]?.[csv[0]!.indexOf("url")]).toBe("https://faultline.example/analyses/together");
      const json = await (await getAnalyses(new Request("http://internal:3000/api/analyses?platform=pulumi&download=1"))).json();
      expect(json.items.map((a: { url: string }) => a.url)).toEqual(["https://faultline.example/analyses/together"]);
      const paged = await (await getAnalyses(new Request("http://internal:3000/api/analyses?platform=pulumi"))).json();
      expect(paged.items.map((a: { url: string }) => a.url)).toEqual(["/analyses/together"]);
    } finally {
      if (before === undefined) delete process.env.FAULTLINE_PUBLIC_URL;
      else process.env.FAULTLINE_PUBLIC_URL = before;
    }
  });
});
