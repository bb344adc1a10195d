// Analyses for the API and exports: the `parse` record of each (recordJson) plus id, slug and url,
// filtered and sorted with the same meaning as the /analyses page (lib/analyses/search-analyses.ts).
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { toFtsQuery } from "../data/search-index";
import { DEFAULT_DIRECTION } from "../filters/view-params";
import type { AnalysisQuery } from "../api/list-params";
import type { CsvColumn } from "../export/to-csv";
import type { ParsedAnalysis } from "../parser/types";

export type AnalysisRecord = ParsedAnalysis & { id: number; slug: string; url: string };

/** Most rows one export returns; scripts page through the JSON API for more. */
export const EXPORT_LIMIT = 10_000;

const COUNT_FIELD = { critical: "criticalCount", high: "highCount", medium: "mediumCount", low: "lowCount", unknown: "unknownCount" } as const;

export function analysisUrl(slug: string): string {
  return `/analyses/${encodeURIComponent(slug)}`;
}

async function matchAnalysisIds(q: string): Promise<number[] | null> {
  const match = toFtsQuery(q);
  if (!match) return null;
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT rowid AS id FROM "analysis_fts" WHERE "analysis_fts" MATCH ${match} ORDER BY rank LIMIT 5000`;
  return rows.map((r) => Number(r.id));
}

export async function analysisWhere(query: AnalysisQuery): Promise<Prisma.AnalysisWhereInput> {
  const and: Prisma.AnalysisWhereInput[] = [];
  if (query.q) and.push({ id: { in: (await matchAnalysisIds(query.q)) ?? [] } });
  if (query.severity?.length) and.push({ OR: query.severity.map((s) => ({ [COUNT_FIELD[s]]: { gt: 0 } })) });
  if (query.gap?.length) {
    and.push({
      OR: [{ gaps: { some: { gapId: { in: query.gap } } } }, { failures: { some: { gaps: { some: { gapId: { in: query.gap } } } } } }],
    });
  }
  if (query.platform) and.push({ platform: query.platform });
  const [min, max] = query.min !== undefined && query.max !== undefined && query.min > query.max ? [query.max, query.min] : [query.min, query.max];
  if (min !== undefined) and.push({ scoreNorm: { gte: min } });
  if (max !== undefined) and.push({ scoreNorm: { lte: max } });
  if (query.warnings === "yes") and.push({ warningCount: { gt: 0 } });
  if (query.warnings === "no") and.push({ warningCount: 0 });
  return and.length ? { AND: and } : {};
}

export function analysisOrder(query: AnalysisQuery): Prisma.AnalysisOrderByWithRelationInput[] {
  const sort = query.sort ?? "date";
  const dir = query.dir ?? DEFAULT_DIRECTION[sort];
  if (sort === "score") return [{ scoreNorm: { sort: dir, nulls: "last" } }, { title: "asc" }];
  if (sort === "critical") return [{ criticalCount: dir }, { highCount: dir }, { title: "asc" }];
  if (sort === "title") return [{ title: dir }, { id: "asc" }];
  return [{ updatedAt: dir }, { title: "asc" }];
}

export function toAnalysisRecord(row: { id: number; slug: string; recordJson: string }): AnalysisRecord {
  const record = JSON.parse(row.recordJson) as ParsedAnalysis;
  return { id: row.id, slug: row.slug, url: analysisUrl(row.slug), ...record };
}

export async function listAnalysisRecords(query: AnalysisQuery, window: { skip: number; take: number }): Promise<{ items: AnalysisRecord[]; total: number }> {
  const where = await analysisWhere(query);
  const [total, rows] = await Promise.all([
    prisma.analysis.count({ where }),
    prisma.analysis.findMany({ where, orderBy: analysisOrder(query), ...window, select: { id: true, slug: true, recordJson: true } }),
  ]);
  return { items: rows.map(toAnalysisRecord), total };
}

export async function getAnalysisRecord(slug: string): Promise<AnalysisRecord | null> {
  const row = await prisma.analysis.findUnique({ where: { slug }, select: { id: true, slug: true, recordJson: true } });
  return row ? toAnalysisRecord(row) : null;
}

const csvSelect = {
  id: true, slug: true, title: true, taskId: true, platform: true, language: true, scoreValue: true, scoreMax: true,
  scoreNorm: true, criticalCount: true, highCount: true, mediumCount: true, lowCount: true, unknownCount: true,
  failureCount: true, failureLoad: true, warningCount: true, knowledgeGapsJson: true, updatedAt: true,
  gaps: { select: { gapId: true } },
  failures: { select: { gaps: { select: { gapId: true } } } },
} as const;

export type AnalysisCsvRow = Prisma.AnalysisGetPayload<{ select: typeof csvSelect }>;

export async function listAnalysisCsvRows(query: AnalysisQuery): Promise<AnalysisCsvRow[]> {
  const where = await analysisWhere(query);
  return prisma.analysis.findMany({ where, orderBy: analysisOrder(query), take: EXPORT_LIMIT, select: csvSelect });
}

function gapIdsOf(row: AnalysisCsvRow): string[] {
  return [...new Set([...row.gaps.map((g) => g.gapId), ...row.failures.flatMap((f) => f.gaps.map((g) => g.gapId))])].sort();
}

export const ANALYSIS_CSV_COLUMNS: CsvColumn<AnalysisCsvRow>[] = [
  { header: "slug", value: (r) => r.slug },
  { header: "title", value: (r) => r.title },
  { header: "task_id", value: (r) => r.taskId },
  { header: "platform", value: (r) => r.platform },
  { header: "language", value: (r) => r.language },
  { header: "score", value: (r) => r.scoreValue },
  { header: "score_max", value: (r) => r.scoreMax },
  { header: "score_out_of_10", value: (r) => (r.scoreNorm === null ? null : Math.round(r.scoreNorm * 100) / 100) },
  { header: "critical", value: (r) => r.criticalCount },
  { header: "high", value: (r) => r.highCount },
  { header: "medium", value: (r) => r.mediumCount },
  { header: "low", value: (r) => r.lowCount },
  { header: "unknown", value: (r) => r.unknownCount },
  { header: "failures", value: (r) => r.failureCount },
  { header: "failure_load", value: (r) => r.failureLoad },
  { header: "knowledge_gaps", value: (r) => gapIdsOf(r) },
  { header: "warnings", value: (r) => r.warningCount },
  { header: "updated_at", value: (r) => r.updatedAt.toISOString() },
  { header: "url", value: (r) => analysisUrl(r.slug) },
];
