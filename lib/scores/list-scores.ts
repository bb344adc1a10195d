// The /scores view: one page of the table, its counts, the charts' aggregates, the outliers and the
// consistency audit, each computed in SQL (the page never reads every matching analysis). The export
// (loadScoreRows) is the same rows in the same order, all of them.
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { analysisWhereSql, tallyAnalyses, type AnalysisCriteria } from "../analyses/analysis-criteria";
import { countWhere } from "../data/dialect";
import { AUDIT_FILTERS, SCORES_PAGE_SIZE, type AuditFilter, type OutlierFilter, type ScoreFilters } from "../filters/trainer-params";
import type { FacetValue } from "../domain";
import { facetValues } from "../search/facets";
import type { Outlier, OutlierKind } from "./outliers";
import { readScoreRows, type ScoreRow, type ScoredRow } from "./score-rows";
import { auditSql, outlierOrderSql, outlierSql, scoreOrderSql, whereAlso, type LoadBounds } from "./score-sql";
import { summarizeScores, type ScatterSpot, type ScoreGroup } from "./score-summary";

export type { CountDifference } from "./count-audit";
export type { ScoreRow, ScoredRow } from "./score-rows";
export { matchesAudit } from "./score-rows";

export interface ScaleCount {
  max: number;
  count: number;
}

/** The audit lists below the table: how many of the shown analyses have the problem, and the first few. */
export interface AuditList {
  total: number;
  rows: ScoreRow[];
}

export type AuditListKind = "count-mismatch" | "ungraded" | "severity-mismatch";

export interface ScoresView {
  /** One page of the sorted table. */
  rows: ScoreRow[];
  total: number;
  page: number;
  pageCount: number;
  /** How many of the rows shown have a score (the charts and stats describe these). */
  scoredCount: number;
  histogram: number[];
  scales: ScaleCount[];
  /** The scatter's dots: one per score and failure load among the scored rows shown, with how many share it. */
  scatter: ScatterSpot[];
  /** Scored analyses before the audit and outlier filters: the outlier rules rank among these. */
  rankedCount: number;
  /** The first OUTLIER_LIST_LIMIT flagged analyses of each kind, in the rules' order. */
  outliers: Outlier<ScoredRow>[];
  /** Every flagged analysis, per kind, among the rows before the audit and outlier filters (absolute rules). */
  outlierCounts: Record<OutlierKind, number>;
  /** The lowest failure load counted heavy and the highest counted light (chart regions). */
  loadBounds: LoadBounds;
  /** How many analyses each audit filter would show, with the other filters applied. */
  auditCounts: Record<AuditFilter, number>;
  /** Among the rows shown, the analyses with each finding of the consistency audit. */
  audit: Record<AuditListKind, AuditList>;
  stats: { mean: number | null; median: number | null };
  /**
   * Gap and platform values to filter by, each counted with the other platform/gap/score filters
   * applied (as on /analyses); the audit and outlier chips narrow the table after these counts.
   */
  facets: { gap: FacetValue[]; platform: FacetValue[] };
}

/** Outliers listed per kind, and audit findings per list, before "all N in the table". */
export const OUTLIER_LIST_LIMIT = 10;
export const AUDIT_LIST_LIMIT = 10;
const AUDIT_LISTS: AuditListKind[] = ["count-mismatch", "ungraded", "severity-mismatch"];

export const OUTLIER_KIND_OF: Record<OutlierFilter, OutlierKind> = {
  "high-heavy": "high-score-heavy-failures",
  "low-light": "low-score-light-failures",
};
export const OUTLIER_FILTER_OF: Record<OutlierKind, OutlierFilter> = {
  "high-score-heavy-failures": "high-heavy",
  "low-score-light-failures": "low-light",
};

/** The platform, gap and score filters of /scores: the same meaning as on /analyses (any of each). */
function scoreCriteria(filters: ScoreFilters): AnalysisCriteria {
  return { severities: [], gaps: filters.gaps, platforms: filters.platforms, minScore: filters.minScore, maxScore: filters.maxScore };
}

type Raw = { s: number; m: number | null; l: number; hit: boolean | number | bigint; n: number | bigint; slug: string };

/** The scored analyses under the base filters, grouped by score, scale, load and the audit filter. */
async function scoreGroups(base: Prisma.Sql, audit: AuditFilter | undefined): Promise<ScoreGroup[]> {
  const hit = audit ? auditSql(audit) : Prisma.sql`1 = 1`;
  const rows = await prisma.$queryRaw<Raw[]>`
    SELECT a."scoreNorm" AS s, a."scoreMax" AS m, a."failureLoad" AS l, ${hit} AS hit, count(*) AS n, min(a."slug") AS slug
    FROM "Analysis" a ${whereAlso(base, [Prisma.sql`a."scoreNorm" IS NOT NULL`])}
    GROUP BY 1, 2, 3, 4`;
  return rows.map((r) => ({ scoreNorm: r.s, scoreMax: r.m, failureLoad: r.l, hit: Boolean(r.hit), count: Number(r.n), slug: r.slug }));
}

/** How many analyses under `where` there are, and how many each audit condition keeps. */
async function auditTally(where: Prisma.Sql, audits: readonly AuditFilter[]): Promise<{ total: number; counts: Map<AuditFilter, number> }> {
  const columns = audits.map((a, i) => Prisma.sql`${countWhere(auditSql(a))} AS ${Prisma.raw(`c${i}`)}`);
  const [row] = await prisma.$queryRaw<Record<string, number | bigint | null>[]>`
    SELECT ${Prisma.join([Prisma.sql`count(*) AS total`, ...columns])} FROM "Analysis" a ${where}`;
  return { total: Number(row?.total ?? 0), counts: new Map(audits.map((a, i) => [a, Number(row?.[`c${i}`] ?? 0)])) };
}

/** Where the table's rows are: the base filters, the audit filter, the outlier filter once its bounds are known. */
function shownWhere(base: Prisma.Sql, filters: ScoreFilters, outlier: Prisma.Sql | null): Prisma.Sql {
  return whereAlso(base, [...(filters.audit ? [auditSql(filters.audit)] : []), ...(outlier ? [outlier] : [])]);
}

export async function listScores(filters: ScoreFilters): Promise<ScoresView> {
  const criteria = scoreCriteria(filters);
  const base = analysisWhereSql(criteria);
  // The facet counts do not wait for the rest, nor the rest for them.
  const facets = Promise.all([
    tallyAnalyses(criteria, { severity: false }),
    prisma.knowledgeGap.findMany({ select: { id: true, label: true } }),
  ]);
  facets.catch(() => undefined); // awaited below; a failure of the rest first must not leave it unhandled
  const [groups, chips] = await Promise.all([scoreGroups(base, filters.audit), auditTally(base, AUDIT_FILTERS)]);
  const outlier = filters.outlier ? OUTLIER_KIND_OF[filters.outlier] : undefined;
  const summary = summarizeScores(groups, outlier);
  const auditCounts = Object.fromEntries(AUDIT_FILTERS.map((a) => [a, chips.counts.get(a) ?? 0])) as Record<AuditFilter, number>;
  const total = outlier ? summary.scoredCount : filters.audit ? auditCounts[filters.audit] : chips.total;
  const pageCount = Math.max(1, Math.ceil(total / SCORES_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);

  const region = (kind: OutlierKind) => outlierSql(kind, summary.loadBounds, summary.enough);
  const shown = shownWhere(base, filters, outlier ? region(outlier) : null);
  const order = scoreOrderSql(filters.sort, filters.dir);
  const listed = (where: Prisma.Sql, listOrder: Prisma.Sql, count: number, limit: number) =>
    count ? readScoreRows(where, listOrder, { skip: 0, take: limit }) : Promise.resolve([]);
  // Narrowed by the audit or outlier filter, the audit lists' counts are a query of their own (run
  // beside the lists); otherwise they are the chips' counts.
  const narrowed = Boolean(filters.audit || outlier);
  const [rows, shownAudits, heavy, light, ...auditRows] = await Promise.all([
    total ? readScoreRows(shown, order, { skip: (page - 1) * SCORES_PAGE_SIZE, take: SCORES_PAGE_SIZE }) : Promise.resolve([]),
    narrowed ? auditTally(shown, AUDIT_LISTS).then((t) => t.counts) : Promise.resolve(chips.counts),
    ...(["high-score-heavy-failures", "low-score-light-failures"] as const).map((kind) =>
      listed(whereAlso(base, [region(kind)]), outlierOrderSql(kind, order), summary.outlierCounts[kind], OUTLIER_LIST_LIMIT),
    ),
    ...AUDIT_LISTS.map((a) =>
      listed(whereAlso(shown, [auditSql(a)]), order, narrowed ? total : (chips.counts.get(a) ?? 0), AUDIT_LIST_LIMIT),
    ),
  ]);
  const [counts, gapRows] = await facets;
  const { gap, platform } = facetValues(counts, { severities: [], gaps: filters.gaps, platforms: filters.platforms }, gapRows);
  const lists = [heavy, light];
  const outliers = (["high-score-heavy-failures", "low-score-light-failures"] as const).flatMap((kind, i) =>
    (lists[i] as ScoredRow[]).map((point) => ({
      point,
      kind,
      scorePercentile: summary.scorePercentile(point.scoreNorm),
      loadPercentile: summary.loadPercentile(point.failureLoad),
    })),
  );
  return {
    rows,
    total,
    page,
    pageCount,
    scoredCount: summary.scoredCount,
    histogram: summary.histogram,
    scales: summary.scales,
    scatter: summary.scatter,
    rankedCount: summary.rankedCount,
    outliers,
    outlierCounts: summary.outlierCounts,
    loadBounds: summary.loadBounds,
    auditCounts,
    audit: Object.fromEntries(AUDIT_LISTS.map((a, i) => [a, { total: shownAudits.get(a) ?? 0, rows: auditRows[i]! }])) as Record<
      AuditListKind,
      AuditList
    >,
    stats: summary.stats,
    facets: { gap, platform },
  };
}

/**
 * Every row the table would show, in its order (the export): the audit filter, and the outlier filter
 * judged among the rows before the audit and outlier filters, as on the page.
 */
export async function loadScoreRows(filters: ScoreFilters): Promise<ScoreRow[]> {
  const base = analysisWhereSql(scoreCriteria(filters));
  const outlier = filters.outlier ? OUTLIER_KIND_OF[filters.outlier] : undefined;
  let region: Prisma.Sql | null = null;
  if (outlier) {
    const summary = summarizeScores(await scoreGroups(base, undefined));
    region = outlierSql(outlier, summary.loadBounds, summary.enough);
  }
  return readScoreRows(shownWhere(base, filters, region), scoreOrderSql(filters.sort, filters.dir));
}

/** Platforms and gaps to offer as filters (every value present, not just the filtered ones). */
export async function scoreFilterOptions(): Promise<{ platforms: string[]; gaps: { id: string; label: string }[] }> {
  const [platformRows, gaps] = await Promise.all([
    // DISTINCT in SQL (the platform index answers), not Prisma's, which reads every analysis.
    prisma.$queryRaw<{ platform: string }[]>`
      SELECT DISTINCT a."platform" AS platform FROM "Analysis" a WHERE a."platform" IS NOT NULL ORDER BY 1`,
    prisma.knowledgeGap.findMany({
      where: { OR: [{ failures: { some: {} } }, { analyses: { some: {} } }] },
      select: { id: true, label: true },
      orderBy: { label: "asc" },
    }),
  ]);
  return { platforms: platformRows.map((p) => p.platform), gaps };
}
