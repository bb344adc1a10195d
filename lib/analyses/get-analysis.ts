// Loads one analysis with everything its page shows, by slug.
import "server-only";
import { prisma } from "../db";

/**
 * `skip`/`take` window the failures (by number): the page shows one page of them (lib/render/pages.ts),
 * never every failure of a 25k-failure analysis.
 */
export async function getAnalysis(slug: string, skip = 0, take?: number) {
  return prisma.analysis.findUnique({
    where: { slug },
    include: {
      source: { select: { raw: true } },
      gaps: { include: { gap: true } },
      // Old failure numbers and keys, so an old #failure-7 fragment finds its failure (FragmentLanding).
      failureAliases: { select: { alias: true, failureKey: true, title: true } },
      failures: {
        orderBy: { number: "asc" },
        skip,
        take,
        include: {
          codeBlocks: { orderBy: [{ side: "asc" }, { position: "asc" }] },
          impacts: { orderBy: { position: "asc" } },
          references: { orderBy: { position: "asc" } },
          gaps: { orderBy: { rank: "asc" }, include: { gap: true } },
        },
      },
    },
  });
}

export type AnalysisDetail = NonNullable<Awaited<ReturnType<typeof getAnalysis>>>;
export type FailureDetail = AnalysisDetail["failures"][number];

/** Every failure key the analysis has now, whatever page is shown: an alias to one of them is not gone. */
export async function currentFailureKeys(analysisId: number): Promise<string[]> {
  const rows = await prisma.failure.findMany({ where: { analysisId }, select: { key: true } });
  return rows.map((r) => r.key);
}
