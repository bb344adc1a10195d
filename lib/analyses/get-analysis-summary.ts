// The few fields a link preview shows for an analysis.
import "server-only";
import { prisma } from "../db";
import { analysisSummarySelect, type AnalysisSummary } from "./list-analyses";

export async function getAnalysisSummary(slug: string): Promise<AnalysisSummary | null> {
  return prisma.analysis.findUnique({ where: { slug }, select: analysisSummarySelect });
}
