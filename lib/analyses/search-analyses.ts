// The /analyses list: filters, sort and one page of analyses, all from the URL state.
import "server-only";
import { prisma } from "../db";
import { inIdOrder } from "../data/in-id-order";
import { analysisIdsPage, countAnalyses } from "./analysis-criteria";
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

export async function searchAnalyses(filters: AnalysisFilters): Promise<AnalysisSearchResult> {
  const total = await countAnalyses(filters);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const ids = await analysisIdsPage(filters, filters.sort, filters.dir, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  const [analyses, platformRows, gaps] = await Promise.all([
    inIdOrder(ids, (chunk) => prisma.analysis.findMany({ where: { id: { in: chunk } }, select: { ...analysisSummarySelect, id: true } })),
    prisma.analysis.findMany({ where: { platform: { not: null } }, distinct: ["platform"], select: { platform: true }, orderBy: { platform: "asc" } }),
    prisma.knowledgeGap.findMany({ where: { failures: { some: {} } }, select: { id: true, label: true }, orderBy: { label: "asc" } }),
  ]);
  return { analyses, total, page, pageCount, platforms: platformRows.flatMap((p) => (p.platform ? [p.platform] : [])), gaps };
}
