// Lists analyses for the overview and the list page.
import "server-only";
import { prisma } from "../db";

export interface AnalysisSummary {
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  scoreValue: number | null;
  scoreMax: number | null;
  criticalCount: number;
  highCount: number;
  mediumCount: number;
  lowCount: number;
  unknownCount: number;
  failureCount: number;
  warningCount: number;
  updatedAt: Date;
  /** The date the report states for itself (YYYY-MM-DD), if any. */
  documentDate: string | null;
}

export const analysisSummarySelect = {
  slug: true,
  title: true,
  taskId: true,
  platform: true,
  scoreValue: true,
  scoreMax: true,
  criticalCount: true,
  highCount: true,
  mediumCount: true,
  lowCount: true,
  unknownCount: true,
  failureCount: true,
  warningCount: true,
  updatedAt: true,
  documentDate: true,
} as const;

export async function listRecentAnalyses(take = 50): Promise<AnalysisSummary[]> {
  return prisma.analysis.findMany({ select: analysisSummarySelect, orderBy: [{ updatedAt: "desc" }, { title: "asc" }], take });
}
