// The queries the benchmark times: the same data-access functions the pages call, with filters.
import { prisma } from "../db";

export interface BenchQuery {
  name: string;
  run(round: number): Promise<unknown>;
}

const SEVERITY_SETS = [["critical"], ["critical", "high"], ["medium", "low"]];

export function benchQueries(): BenchQuery[] {
  return [
    {
      name: "analyses list (sort by score, page n)",
      run: (round) =>
        prisma.analysis.findMany({
          select: { slug: true, title: true, taskId: true, scoreValue: true, criticalCount: true, highCount: true },
          orderBy: [{ scoreNorm: "desc" }, { id: "asc" }],
          skip: (round % 20) * 50,
          take: 50,
        }),
    },
    {
      name: "failures by severity + gap (page + count)",
      run: (round) => {
        const where = { severity: { in: SEVERITY_SETS[round % 3]! }, gaps: { some: { gapId: "secrets" } } };
        return Promise.all([
          prisma.failure.findMany({ where, orderBy: [{ severityRank: "asc" }, { id: "asc" }], take: 50, skip: (round % 5) * 50, select: { id: true, title: true, severity: true, analysis: { select: { slug: true, title: true } } } }),
          prisma.failure.count({ where }),
        ]);
      },
    },
  ];
}
