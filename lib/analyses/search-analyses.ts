// The /analyses list: filters, sort and one page of analyses, all from the URL state.
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { toFtsQuery } from "../data/search-index";
import { PAGE_SIZE, type AnalysisFilters } from "../filters/view-params";
import { analysisSummarySelect, type AnalysisSummary } from "./list-analyses";

export interface AnalysisSearchResult {
  analyses: AnalysisSummary[];
  total: number;
  page: number;
  pageCount: number;
  platforms: string[];
  gaps: { id: string; label: string }[];
}

async function matchAnalysisIds(q: string): Promise<number[] | null> {
  const match = toFtsQuery(q);
  if (!match) return null;
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT rowid AS id FROM "analysis_fts" WHERE "analysis_fts" MATCH ${match} ORDER BY rank LIMIT 5000`;
  return rows.map((r) => Number(r.id));
}

const COUNT_FIELD = { critical: "criticalCount", high: "highCount", medium: "mediumCount", low: "lowCount", unknown: "unknownCount" } as const;

export async function searchAnalyses(filters: AnalysisFilters): Promise<AnalysisSearchResult> {
  const and: Prisma.AnalysisWhereInput[] = [];
  if (filters.q) {
    const ids = await matchAnalysisIds(filters.q);
    // Words found nowhere in the index, or a query of punctuation only, match nothing.
    and.push({ id: { in: ids ?? [] } });
  }
  if (filters.severities.length) and.push({ OR: filters.severities.map((s) => ({ [COUNT_FIELD[s]]: { gt: 0 } })) });
  if (filters.gaps.length) {
    and.push({
      OR: [{ gaps: { some: { gapId: { in: filters.gaps } } } }, { failures: { some: { gaps: { some: { gapId: { in: filters.gaps } } } } } }],
    });
  }
  if (filters.platform) and.push({ platform: filters.platform });
  if (filters.minScore !== undefined) and.push({ scoreNorm: { gte: filters.minScore } });
  if (filters.maxScore !== undefined) and.push({ scoreNorm: { lte: filters.maxScore } });
  if (filters.warnings === "yes") and.push({ warningCount: { gt: 0 } });
  if (filters.warnings === "no") and.push({ warningCount: 0 });
  const where: Prisma.AnalysisWhereInput = and.length ? { AND: and } : {};

  const dir = filters.dir;
  const orderBy: Prisma.AnalysisOrderByWithRelationInput[] =
    filters.sort === "score"
      ? [{ scoreNorm: { sort: dir, nulls: "last" } }, { title: "asc" }]
      : filters.sort === "critical"
        ? [{ criticalCount: dir }, { highCount: dir }, { title: "asc" }]
        : filters.sort === "title"
          ? [{ title: dir }, { id: "asc" }]
          : [{ updatedAt: dir }, { title: "asc" }];

  const total = await prisma.analysis.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const [analyses, platformRows, gaps] = await Promise.all([
    prisma.analysis.findMany({ where, orderBy, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: analysisSummarySelect }),
    prisma.analysis.findMany({ where: { platform: { not: null } }, distinct: ["platform"], select: { platform: true }, orderBy: { platform: "asc" } }),
    prisma.knowledgeGap.findMany({ where: { failures: { some: {} } }, select: { id: true, label: true }, orderBy: { label: "asc" } }),
  ]);
  return { analyses, total, page, pageCount, platforms: platformRows.flatMap((p) => (p.platform ? [p.platform] : [])), gaps };
}
