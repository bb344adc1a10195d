// The same documents ingested into SQLite and into PostgreSQL give the same pages: lists with every
// filter, facet counts, full-text search (words, prefixes, stems, phrases) with snippets, gaps, compare
// and the picker. Runs only with FAULTLINE_TEST_POSTGRES_URL (tests/data/pg-harness.ts); each run
// ingests into a throwaway PostgreSQL database and a throwaway SQLite file.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingest } from "@/lib/ingest/ingest";
import { parseAnalysisFilters, parseFailureFilters } from "@/lib/filters/view-params";
import { setEnv } from "@/lib/env";
import { freshDatabase, report, tempDir } from "../ingest/helpers";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "./pg-harness";

vi.mock("server-only", () => ({}));

const DOCS: Record<string, string> = {
  "alpha.md": report("alpha-task", [
    { title: "Hardcoded database passwords in config", severity: "critical", model: "password = 'hunter2'  # the passwords stay in git" },
    { title: "Missing encryption at rest", severity: "high", model: "bucket = s3.Bucket(encrypted=False)" },
    { title: "Wrong engine version pinned", severity: "low", model: "engine_version = '5.7'" },
  ]),
  "beta.md": report("beta-task", [
    { title: "Overly broad IAM policy", severity: "high", model: "Action: '*'  # the engine version is fine" },
    { title: "Secrets printed to logs", severity: "medium", model: "print(secret_password)" },
  ]),
  "gamma.md": report("gamma-task", [
    { title: "Encrypted volumes not configured", severity: "medium", model: "volume.encrypted = None  # configuration incomplete" },
    { title: "Timeout too short for the migration", severity: "unknown", model: "timeout = 3" },
  ]),
};

let sqliteUrl = "";
let postgresUrl = "";
let dir = "";
const saved = process.env.DATABASE_URL;

async function on<T>(url: string, read: () => Promise<T>): Promise<T> {
  process.env.DATABASE_URL = url;
  try {
    return await read();
  } finally {
    setEnv("DATABASE_URL", saved);
  }
}

/** The same read on both engines, ids and timestamps left out (they are the engine's, not the page's). */
async function both<T>(read: () => Promise<T>): Promise<[unknown, unknown]> {
  return [normalize(await on(sqliteUrl, read)), normalize(await on(postgresUrl, read))];
}

function normalize(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), normalize(v)]).sort());
  if (value instanceof Date) return "<date>";
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !["id", "createdAt", "updatedAt", "ingestedAt", "elapsedMs"].includes(k))
        .map(([k, v]) => [k, normalize(v)]),
    );
  }
  return value;
}

describe.skipIf(!POSTGRES_TEST_URL)("SQLite and PostgreSQL give the same pages", () => {
  beforeAll(async () => {
    dir = tempDir("faultline-parity-");
    const content = path.join(dir, "content");
    fs.mkdirSync(content);
    for (const [name, text] of Object.entries(DOCS)) fs.writeFileSync(path.join(content, name), text);
    for (const name of fs.readdirSync("content").filter((n) => n.endsWith(".md"))) fs.copyFileSync(path.join("content", name), path.join(content, name));
    sqliteUrl = `file:${freshDatabase(dir)}`;
    postgresUrl = await createPostgresDatabase("faultline_parity");
    for (const url of [sqliteUrl, postgresUrl]) {
      const summary = await on(url, () => ingest({ paths: [content], workers: 0, parserVersion: "test" }));
      expect(summary.failed).toEqual([]);
      expect(summary.added).toBe(Object.keys(DOCS).length + 5);
    }
  }, 300_000);

  afterAll(async () => {
    if (postgresUrl) await dropPostgresDatabase(postgresUrl);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const failureLists = [
    {},
    { severity: "critical" },
    { severity: ["high", "medium"] },
    { q: "password" },
    { q: "passwords" }, // stem
    { q: "encrypt" }, // prefix: encryption, encrypted
    { q: "configura" }, // a prefix typed past the stem ("configur")
    { q: '"engine version"' }, // phrase
    { q: '"version engine"' }, // phrase in the wrong order: nothing
    { q: "the" }, // no stop words, as on SQLite
    { q: "!!!" }, // nothing searchable
    { q: "s3 bucket" },
    { q: "password", severity: "critical" },
    { sort: "analysis" },
  ];

  it.each(failureLists)("/failures %o", async (params) => {
    const { searchFailures } = await import("@/lib/failures/search-failures");
    // Relevance ranks differ in detail (bm25 and ts_rank): compared below; here the severity order.
    const [sqlite, postgres] = await both(() => searchFailures(parseFailureFilters({ sort: "severity", ...params })));
    expect(postgres).toEqual(sqlite);
  });

  it("/failures with a gap and a platform filter, from the facets the page offers", async () => {
    const { searchFailures } = await import("@/lib/failures/search-failures");
    const first = (await on(sqliteUrl, () => searchFailures(parseFailureFilters({})))) as unknown as { facets: Record<string, { value: string; count: number }[]> };
    const [gap, other] = (first.facets.gap ?? []).filter((g) => g.count > 0).map((g) => g.value);
    const platform = first.facets.platform?.find((p) => p.count > 0)?.value;
    expect(other, "two gaps with failures").toBeTruthy();
    const text = [
      { platform, gap, q: "the" },
      { gap: `${gap},${other}`, q: "the" }, // failures having either gap, each counted once
      { gap: `${gap},${other}`, q: "the", severity: "high,medium" },
      { platform, q: "password", severity: "critical" },
    ];
    for (const params of [{ gap }, { gap, severity: "high" }, { platform }, ...text]) {
      const [sqlite, postgres] = await both(() => searchFailures(parseFailureFilters({ sort: "severity", ...(params as unknown as Record<string, string>) })));
      expect(postgres, JSON.stringify(params)).toEqual(sqlite);
    }
  });

  const analysisLists = [{}, { sort: "title" }, { sort: "score" }, { sort: "critical", dir: "asc" }, { q: "password", sort: "title" }, { q: '"engine version"', sort: "title" }, { severity: "critical" }, { q: "!!!" }];

  it.each(analysisLists)("/analyses %o", async (params) => {
    const { searchAnalyses } = await import("@/lib/analyses/search-analyses");
    const read = () => searchAnalyses(parseAnalysisFilters({ sort: "title", ...params }));
    const [sqlite, postgres] = await both(read);
    expect(postgres).toEqual(sqlite);
  });

  it("ranks by relevance on both: a title match first, the same set of hits", async () => {
    const { searchFailures } = await import("@/lib/failures/search-failures");
    const titles = async () => (await searchFailures(parseFailureFilters({ q: "encryption", sort: "relevance" }))).hits.map((f) => f.title);
    const sqlite = await on(sqliteUrl, titles);
    const postgres = await on(postgresUrl, titles);
    expect(postgres[0]).toBe("Missing encryption at rest");
    expect(sqlite[0]).toBe("Missing encryption at rest");
    expect([...postgres].sort()).toEqual([...sqlite].sort());
  });

  it("ranks by relevance within severity and platform filters: the same hits on both", async () => {
    const { searchFailures } = await import("@/lib/failures/search-failures");
    const all = await on(sqliteUrl, () => searchFailures(parseFailureFilters({ q: "encrypt" })));
    const platform = all.facets.platform.find((p) => p.count > 0)?.value ?? "";
    const hits = async () =>
      (await searchFailures(parseFailureFilters({ q: "encrypt", severity: "critical,high,medium", platform, sort: "relevance" }))).hits.map((f) => `${f.severity} ${f.title}`);
    const sqlite = await on(sqliteUrl, hits);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(sqlite.every((h) => /^(critical|high|medium) /.test(h))).toBe(true);
    expect(sqlite.length).toBeLessThan(all.total);
    expect((await on(postgresUrl, hits)).sort()).toEqual(sqlite.sort());
  });

  it("a failure whose severity changes is counted under its new severity by a text query on both", async () => {
    const { searchFailures } = await import("@/lib/failures/search-failures");
    const content = path.join(dir, "content");
    const severities = async () => (await searchFailures(parseFailureFilters({ q: "hunter2" }))).facets.severity.filter((f) => f.count > 0).map((f) => f.value);
    expect(await on(postgresUrl, severities)).toEqual(["critical"]);
    fs.writeFileSync(path.join(content, "alpha.md"), DOCS["alpha.md"]!.replace("**Impact Level**: critical", "**Impact Level**: low"));
    try {
      for (const url of [sqliteUrl, postgresUrl]) expect((await on(url, () => ingest({ paths: [content], workers: 0, parserVersion: "test" }))).updated).toBe(1);
      const [s, p] = await both(severities);
      expect(s).toEqual(["low"]);
      expect(p).toEqual(s);
    } finally {
      fs.writeFileSync(path.join(content, "alpha.md"), DOCS["alpha.md"]!);
      for (const url of [sqliteUrl, postgresUrl]) await on(url, () => ingest({ paths: [content], workers: 0, parserVersion: "test" }));
    }
  }, 120_000);

  it("/gaps, compare, closest analyses, suggested pairs and the picker", async () => {
    const { listGaps } = await import("@/lib/gaps/list-gaps");
    const { compareAnalyses, suggestPairs } = await import("@/lib/compare/compare-analyses");
    const { closestAnalyses } = await import("@/lib/compare/closest");
    const { searchPickerOptions } = await import("@/lib/compare/picker");
    const [gapsS, gapsP] = await both(() => listGaps());
    expect(gapsP).toEqual(gapsS);
    const { prisma } = await import("@/lib/db");
    const slugs = await on(sqliteUrl, async () => (await prisma.analysis.findMany({ orderBy: { slug: "asc" }, select: { slug: true } })).map((a) => a.slug));
    expect(slugs.length).toBe(Object.keys(DOCS).length + 5);
    const [cmpS, cmpP] = await both(() => compareAnalyses(slugs[0]!, slugs[1]!));
    expect(cmpP).toEqual(cmpS);
    const [closeS, closeP] = await both(() => closestAnalyses(slugs[0]!));
    expect(closeP).toEqual(closeS);
    // Pairs among the most recent analyses: which of two is "a" follows ingest timestamps, the engine's.
    const pairs = async () =>
      (await suggestPairs()).map((p) => ({ ...p, a: undefined, b: undefined, slugs: [p.a.slug, p.b.slug].sort() })).sort((x, y) => x.slugs.join().localeCompare(y.slugs.join()));
    const [pairsS, pairsP] = await both(pairs);
    expect(pairsP).toEqual(pairsS);
    // Words in different columns (title, slug, platform), any letter case, LIKE's wildcards taken literally.
    for (const typed of ["alpha", "OVERLY iam", "analysis pulumi", "pulumi", "%", "a_b", ""]) {
      const [pickS, pickP] = await both(() => searchPickerOptions(typed));
      expect(pickP, typed).toEqual(pickS);
    }
    const [s, p] = await both(() => searchPickerOptions("Analysis OVERLY"));
    expect((s as { options: { slug: string }[] }).options.map((o) => o.slug)).toEqual(["overly-broad-iam-policy"]);
    expect(p).toEqual(s);
  });

  it("re-ingesting the unchanged set changes nothing; deleting an analysis removes it and its index rows", async () => {
    const { PgAnalysisStore } = await import("@/lib/data/pg-store");
    const summary = await on(postgresUrl, () => ingest({ paths: [path.join(dir, "content")], workers: 0, parserVersion: "test" }));
    expect(summary.unchanged).toBe(Object.keys(DOCS).length + 5);
    expect(summary.added + summary.updated).toBe(0);
    const { searchFailures } = await import("@/lib/failures/search-failures");
    const slug = (await on(postgresUrl, () => searchFailures(parseFailureFilters({ q: "hunter2" })))).hits[0]?.analysis.slug;
    expect(slug).toBeTruthy();
    expect(await new PgAnalysisStore(postgresUrl).deleteBySlug(slug!)).toMatch(/alpha\.md$/);
    expect((await on(postgresUrl, () => searchFailures(parseFailureFilters({ q: "hunter2" })))).total).toBe(0);
  });

  it("a changed document whose parse fails keeps its previous analysis on both, with the same warning", async () => {
    vi.stubEnv("FAULTLINE_TEST_HOOKS", "1");
    vi.stubEnv("FAULTLINE_PARSE_MEMORY_MB", "64");
    const content = path.join(dir, "content");
    fs.writeFileSync(path.join(content, "beta.md"), `${DOCS["beta.md"]}\n<!-- faultline-test: exhaust-memory -->\n`);
    try {
      for (const url of [sqliteUrl, postgresUrl]) {
        const summary = await on(url, () => ingest({ paths: [content], workers: 1, parserVersion: "test" }));
        expect(summary.failed).toEqual([{ sourcePath: expect.stringContaining("beta.md"), error: expect.stringMatching(/previous analysis is kept/), kept: true }]);
      }
      const { prisma } = await import("@/lib/db");
      const beta = async () => {
        const row = await prisma.analysis.findFirstOrThrow({ where: { sourcePath: { endsWith: "beta.md" } }, select: { failureCount: true, warningsJson: true, source: { select: { recordJson: true } } } });
        const codes = (warnings: { code: string }[] | undefined) => warnings?.map((w) => w.code);
        const record = JSON.parse(row.source!.recordJson) as { warnings?: { code: string }[] };
        return { failures: row.failureCount, warnings: codes(JSON.parse(row.warningsJson)), recordWarnings: codes(record.warnings) };
      };
      const [s, p] = await both(beta);
      expect(s).toEqual({ failures: 2, warnings: ["previous-analysis-kept"], recordWarnings: ["previous-analysis-kept"] });
      expect(p).toEqual(s);
    } finally {
      fs.writeFileSync(path.join(content, "beta.md"), DOCS["beta.md"]!);
      vi.unstubAllEnvs();
    }
  }, 120_000);
});
