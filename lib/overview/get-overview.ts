// The home page's numbers: totals, failures per severity, the most common knowledge gaps, recent analyses.
import "server-only";
import { prisma } from "../db";
import { SEVERITIES, type Severity } from "../domain";
import { listRecentAnalyses } from "../analyses/list-analyses";
import { scoreSource } from "../scores/score-source";

export async function getOverview() {
  const [analysisCount, warned, score, bySeverity, byGap, recent] = await Promise.all([
    prisma.analysis.count(),
    prisma.analysis.count({ where: { warningCount: { gt: 0 } } }),
    // The mean and how many analyses it is over (only those stating a score have one).
    prisma.analysis.aggregate({ _avg: { scoreNorm: true }, _count: { scoreNorm: true } }),
    // Failures per severity and gap links per gap, pre-counted (lib/data/gap-facet.ts).
    prisma.failureFacet.groupBy({ by: ["severity"], _sum: { failures: true } }),
    prisma.gapFacet.groupBy({ by: ["gapId"], _sum: { links: true }, orderBy: [{ _sum: { links: "desc" } }, { gapId: "asc" }], take: 8 }),
    listRecentAnalyses(8),
  ]);
  const [labels, recentScores] = await Promise.all([
    prisma.knowledgeGap.findMany({ where: { id: { in: byGap.map((g) => g.gapId) } }, select: { id: true, label: true } }),
    prisma.analysis.findMany({
      where: { slug: { in: recent.map((a) => a.slug) } },
      select: { slug: true, scoresJson: true, scoreValue: true, scoreMax: true },
    }),
  ]);
  const sourceOf = new Map(recentScores.map((r) => [r.slug, scoreSource(r.scoresJson, r.scoreValue, r.scoreMax)]));
  const labelOf = new Map(labels.map((g) => [g.id, g.label]));
  const severityCount = new Map(bySeverity.map((row) => [row.severity, row._sum.failures ?? 0]));
  const failureCount = [...severityCount.values()].reduce((sum, n) => sum + n, 0);
  return {
    analysisCount,
    failureCount,
    warnedCount: warned,
    averageScore: score._avg.scoreNorm,
    /** How many analyses the average is over. */
    scoredCount: score._count.scoreNorm,
    severities: SEVERITIES.map((s: Severity) => ({ severity: s, count: severityCount.get(s) ?? 0 })),
    topGaps: byGap.map((g) => ({ id: g.gapId, label: labelOf.get(g.gapId) ?? g.gapId, count: g._sum.links ?? 0 })),
    recent: recent.map((a) => ({ ...a, scoreSource: sourceOf.get(a.slug) ?? null })),
  };
}

export type Overview = Awaited<ReturnType<typeof getOverview>>;
