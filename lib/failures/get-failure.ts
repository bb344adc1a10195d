// Loads one failure of one analysis (for its own page and preview image), with its neighbours' numbers.
import "server-only";
import { prisma } from "../db";

export async function getFailure(slug: string, number: number) {
  const analysis = await prisma.analysis.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, taskId: true, platform: true, language: true, failureCount: true },
  });
  if (!analysis) return null;
  const failure = await prisma.failure.findUnique({
    where: { analysisId_number: { analysisId: analysis.id, number } },
    include: {
      codeBlocks: { orderBy: [{ side: "asc" }, { position: "asc" }] },
      impacts: { orderBy: { position: "asc" } },
      references: { orderBy: { position: "asc" } },
      gaps: { orderBy: { rank: "asc" }, include: { gap: true } },
    },
  });
  if (!failure) return null;
  const [previous, next] = await Promise.all([
    prisma.failure.findFirst({ where: { analysisId: analysis.id, number: { lt: number } }, orderBy: { number: "desc" }, select: { number: true, title: true } }),
    prisma.failure.findFirst({ where: { analysisId: analysis.id, number: { gt: number } }, orderBy: { number: "asc" }, select: { number: true, title: true } }),
  ]);
  return { analysis, failure, previous, next };
}

export type FailurePageData = NonNullable<Awaited<ReturnType<typeof getFailure>>>;
