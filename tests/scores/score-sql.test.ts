// /scores computes its table page, counts, charts, outliers and audit lists in SQL. On a fixture set
// (ties, missing scores, two scales, declared counts of every kind, severity-mismatch warnings), each
// figure must equal what the former computation over every row in JavaScript gave (the functions of
// lib/scores/outliers.ts and matchesAudit on every row), on SQLite and, with
// FAULTLINE_TEST_POSTGRES_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AUDIT_FILTERS, SCORES_PAGE_SIZE, type ScoreFilters, type ScoreSort } from "@/lib/filters/trainer-params";
import { findOutliers, loadBounds, scoreHistogram } from "@/lib/scores/outliers";
import type { ScoredRow, ScoreRow } from "@/lib/scores/list-scores";
import { setEnv } from "@/lib/env";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "../data/pg-harness";
import { freshDatabase, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));

const saved = process.env.DATABASE_URL;
let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

/** 130 analyses: few distinct loads and scores (many ties), some without a score, a 100-point scale. */
function fixtures() {
  seed = 11;
  return Array.from({ length: 130 }, (_, i) => {
    const none = i % 17 === 0; // no failures found
    const [critical = 0, high = 0, medium = 0, low = 0] = [pick([0, 0, 1, 2]), pick([0, 1, 2, 3]), pick([0, 1, 2]), pick([0, 1])].map(
      (n) => (none ? 0 : n),
    );
    const unknown = none ? 0 : pick([0, 0, 0, 1, 2]);
    const declared = random() < 0.6;
    const near = (n: number) => (random() < 0.5 ? n : Math.max(0, n + pick([-2, -1, 1, 2])));
    const hundred = random() < 0.15;
    const score = pick([null, 2, 4, 5, 5, 6, 7, 8, 8, 8.5, 9, 10]);
    const mismatch = random() < 0.2;
    return {
      slug: `a-${String(i).padStart(3, "0")}`,
      sourcePath: `a-${i}.md`,
      contentHash: "x",
      title: `${pick(["Analysis", "analysis", "ANALYSIS"])} ${pick(["alpha", "beta", "gamma", "delta"])}`,
      platform: pick([null, "aws", "terraform", "pulumi"]),
      scoreValue: score === null ? null : hundred ? score * 10 : score,
      scoreMax: score === null ? null : hundred ? 100 : 10,
      scoreNorm: score,
      criticalCount: critical,
      highCount: high,
      mediumCount: medium,
      lowCount: low,
      unknownCount: unknown,
      failureCount: critical + high + medium + low + unknown,
      failureLoad: critical * 8 + high * 4 + medium * 2 + low,
      hasDeclaredCounts: declared,
      declaredCritical: declared ? near(critical) : null,
      declaredHigh: declared ? near(high) : null,
      declaredMedium: declared && random() < 0.7 ? near(medium) : null,
      declaredLow: declared && random() < 0.5 ? near(low) : null,
      warningsJson: JSON.stringify(mismatch ? [{ code: "severity-mismatch", message: "High under Medium", line: 9 }] : []),
      warningCount: mismatch ? 1 : pick([0, 0, 1]),
      // What the store writes beside the warnings (lib/data/store-model.ts).
      severityMismatchCount: mismatch ? 1 : 0,
    };
  });
}

async function on<T>(url: string, read: () => Promise<T>): Promise<T> {
  process.env.DATABASE_URL = url;
  try {
    return await read();
  } finally {
    setEnv("DATABASE_URL", saved);
  }
}

/** The former table order (sortScoreRows): the column (missing last), then heavier load, title, id. */
function sortRows(rows: ScoreRow[], sort: ScoreSort, dir: "asc" | "desc"): ScoreRow[] {
  const key = (r: ScoreRow) =>
    ({
      score: r.scoreNorm,
      critical: r.criticalCount,
      high: r.highCount,
      medium: r.mediumCount,
      low: r.lowCount,
      load: r.failureLoad,
      failures: r.failureCount,
      platform: r.platform,
      title: r.title.toLowerCase(),
    })[sort];
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return (x < y ? -1 : 1) * sign;
    return b.failureLoad - a.failureLoad || a.title.localeCompare(b.title) || a.id - b.id;
  });
}

/** The former median. */
function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const FILTERS: Partial<ScoreFilters>[] = [
  {},
  ...AUDIT_FILTERS.map((audit) => ({ audit })),
  { outlier: "high-heavy" },
  { outlier: "low-light" },
  { audit: "count-mismatch", outlier: "high-heavy" },
  { platforms: ["aws", "pulumi"], sort: "load" },
  { minScore: 4, maxScore: 8, sort: "title", dir: "asc" },
  { sort: "platform", dir: "asc" },
  { sort: "critical", dir: "asc", audit: "warnings" },
];

async function compare(url: string) {
  const { listScores, loadScoreRows } = await import("@/lib/scores/list-scores");
  const { matchesAudit } = await import("@/lib/scores/score-rows");
  for (const partial of FILTERS) {
    const filters: ScoreFilters = { platforms: [], gaps: [], sort: "score", dir: "desc", page: 1, ...partial };
    const base = await on(url, () => loadScoreRows({ ...filters, audit: undefined, outlier: undefined }));
    // The former computation, over every row in JavaScript.
    const scoredAll = base.filter((r): r is ScoredRow => r.scoreNorm !== null);
    const outliers = findOutliers(scoredAll);
    const kindOf = new Map(outliers.map((o) => [o.point.slug, o.kind]));
    const wanted = { "high-heavy": "high-score-heavy-failures", "low-light": "low-score-light-failures" } as const;
    const shown = sortRows(
      base.filter(
        (r) => (!filters.audit || matchesAudit(r, filters.audit)) && (!filters.outlier || kindOf.get(r.slug) === wanted[filters.outlier]),
      ),
      filters.sort,
      filters.dir,
    );
    const scored = shown.flatMap((r) => (r.scoreNorm === null ? [] : [r.scoreNorm]));

    const view = await on(url, () => listScores(filters));
    const label = JSON.stringify(partial);
    if (!partial.audit && !partial.outlier && !partial.platforms && !partial.minScore) {
      // The fixtures reach every case: both outlier kinds, every audit, several pages.
      expect(Object.values(view.auditCounts).every((n) => n > 0) && view.pageCount > 2).toBe(true);
      expect(outliers.filter((o) => o.kind === "high-score-heavy-failures").length).toBeGreaterThan(0);
      expect(outliers.filter((o) => o.kind === "low-score-light-failures").length).toBeGreaterThan(0);
    }
    expect(view.total, label).toBe(shown.length);
    const pages = [view.rows];
    for (let page = 2; page <= view.pageCount; page++) pages.push((await on(url, () => listScores({ ...filters, page }))).rows);
    expect(
      pages.flat().map((r) => r.slug),
      label,
    ).toEqual(shown.map((r) => r.slug));
    expect(view.rows).toEqual(shown.slice(0, SCORES_PAGE_SIZE));
    expect(
      (await on(url, () => loadScoreRows(filters))).map((r) => r.slug),
      label,
    ).toEqual(shown.map((r) => r.slug));

    expect(view.auditCounts, label).toEqual(
      Object.fromEntries(AUDIT_FILTERS.map((a) => [a, base.filter((r) => matchesAudit(r, a)).length])),
    );
    expect(view.loadBounds, label).toEqual(loadBounds(scoredAll));
    expect(view.rankedCount).toBe(scoredAll.length);
    expect(view.scoredCount, label).toBe(scored.length);
    expect(view.histogram, label).toEqual(scoreHistogram(scored));
    expect(view.stats.median, label).toBe(median(scored));
    if (scored.length) expect(view.stats.mean!, label).toBeCloseTo(scored.reduce((a, b) => a + b, 0) / scored.length, 10);
    const scales = new Map<number, number>();
    for (const r of shown) if (r.scoreNorm !== null) scales.set(r.scoreMax ?? 10, (scales.get(r.scoreMax ?? 10) ?? 0) + 1);
    expect(new Map(view.scales.map((s) => [s.max, s.count])), label).toEqual(scales);
    expect(view.scatter.reduce((n, p) => n + p.count, 0)).toBe(scored.length);

    for (const kind of ["high-score-heavy-failures", "low-score-light-failures"] as const) {
      const all = outliers.filter((o) => o.kind === kind);
      const listed = view.outliers.filter((o) => o.kind === kind);
      expect(view.outlierCounts[kind], label).toBe(all.length);
      // The same analyses in the same order up to ties of the rules' own order (then the table's).
      const ruleKey = (o: (typeof all)[number]) => [o.point.failureLoad, o.point.scoreNorm, o.loadPercentile, o.scorePercentile];
      expect(listed.map(ruleKey), label).toEqual(all.slice(0, 10).map(ruleKey));
      for (const o of listed) expect(kindOf.get(o.point.slug)).toBe(kind);
    }
    for (const audit of ["count-mismatch", "ungraded", "severity-mismatch"] as const) {
      const rows = shown.filter((r) => matchesAudit(r, audit));
      expect(view.audit[audit].total, `${label} ${audit}`).toBe(rows.length);
      expect(view.audit[audit].rows.map((r) => r.slug)).toEqual(rows.slice(0, 10).map((r) => r.slug));
    }
  }
}

async function seedOn(url: string) {
  const { prisma } = await import("@/lib/db");
  await on(url, () => prisma.analysis.createMany({ data: fixtures() }));
}

describe("/scores aggregates in SQL equal the former computation over every row", () => {
  let sqliteUrl = "";
  beforeAll(async () => {
    sqliteUrl = `file:${freshDatabase(tempDir())}`;
    await seedOn(sqliteUrl);
  }, 120_000);

  it("on SQLite", async () => {
    await compare(sqliteUrl);
  });

  describe.skipIf(!POSTGRES_TEST_URL)("on PostgreSQL", () => {
    let postgresUrl = "";
    beforeAll(async () => {
      postgresUrl = await createPostgresDatabase("hs_scores");
      await seedOn(postgresUrl);
    }, 120_000);
    afterAll(async () => {
      if (postgresUrl) await dropPostgresDatabase(postgresUrl);
    }, 60_000);

    it("on PostgreSQL", async () => {
      await compare(postgresUrl);
    });
  });
});
