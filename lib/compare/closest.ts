// "Compare with…": the analyses closest to one analysis. The same task id first (another attempt at the
// same task is the comparison a trainer wants), then the same platform, then the most similar
// failures: the overlap (Jaccard) of the knowledge gaps their failures show.
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { isSameValue } from "../data/dialect";

export interface ClosestAnalysis {
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  failureCount: number;
  sameTask: boolean;
  samePlatform: boolean;
  sharedGaps: number;
  /** Gap overlap 0..1 (shared gaps over the gaps of either). */
  similarity: number;
}

export interface Candidate {
  slug: string;
  taskId: string | null;
  platform: string | null;
  sharedGaps: number;
  gapCount: number;
}

/** Orders candidates: same task, then same platform, then gap overlap, then more shared gaps, then slug. */
export function rankClosest<C extends Candidate>(
  target: { taskId: string | null; platform: string | null; gapCount: number },
  candidates: C[],
): (C & { sameTask: boolean; samePlatform: boolean; similarity: number })[] {
  return candidates
    .map((c) => {
      const union = target.gapCount + c.gapCount - c.sharedGaps;
      return {
        ...c,
        sameTask: Boolean(target.taskId) && c.taskId === target.taskId,
        samePlatform: Boolean(target.platform) && c.platform === target.platform,
        similarity: union > 0 ? Math.round((c.sharedGaps / union) * 1000) / 1000 : 0,
      };
    })
    .sort(
      (x, y) =>
        Number(y.sameTask) - Number(x.sameTask) ||
        Number(y.samePlatform) - Number(x.samePlatform) ||
        y.similarity - x.similarity ||
        y.sharedGaps - x.sharedGaps ||
        (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0),
    );
}

/** Candidates read per source (same task, gap overlap) before ranking; keeps the work bounded. */
const POOL = 60;

interface Row {
  id: number | bigint;
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  failureCount: number | bigint;
}

export async function closestAnalyses(slug: string, limit = 5): Promise<ClosestAnalysis[]> {
  const target = await prisma.analysis.findUnique({ where: { slug }, select: { id: true, taskId: true, platform: true } });
  if (!target) return [];
  const targetGaps = await prisma.$queryRaw<{ gapId: string }[]>`
    SELECT DISTINCT g."gapId" FROM "Failure" f JOIN "FailureGap" g ON g."failureId" = f."id"
    WHERE f."analysisId" = ${target.id} AND g."gapId" <> 'unclassified'`;
  const gapIds = targetGaps.map((g) => g.gapId);
  const [sameTask, overlapping] = await Promise.all([
    target.taskId
      ? prisma.$queryRaw<Row[]>`
          SELECT "id", "slug", "title", "taskId", "platform", "failureCount" FROM "Analysis"
          WHERE "taskId" = ${target.taskId} AND "id" <> ${target.id} ORDER BY "updatedAt" DESC LIMIT ${POOL}`
      : Promise.resolve([] as Row[]),
    // The analyses sharing most of the target's gaps (same platform first), read from the gap index.
    gapIds.length
      ? prisma.$queryRaw<(Row & { shared: number | bigint })[]>`
          SELECT a."id", a."slug", a."title", a."taskId", a."platform", a."failureCount", s."shared"
          FROM (SELECT "analysisId", count(DISTINCT "gapId") AS "shared" FROM "FailureGap"
                WHERE "gapId" IN (${Prisma.join(gapIds)}) AND "analysisId" <> ${target.id} GROUP BY 1) s
          JOIN "Analysis" a ON a."id" = s."analysisId"
          ORDER BY (${isSameValue(Prisma.sql`a."platform"`, target.platform)}) DESC, s."shared" DESC, a."id" LIMIT ${POOL}`
      : Promise.resolve([] as (Row & { shared: number | bigint })[]),
  ]);
  const pool = new Map<number, Row>();
  for (const r of [...sameTask, ...overlapping]) pool.set(Number(r.id), r);
  if (!pool.size) return [];
  const ids = [...pool.keys()];
  const gapRows = await prisma.$queryRaw<{ analysisId: number | bigint; gapId: string }[]>`
    SELECT DISTINCT f."analysisId", g."gapId" FROM "Failure" f JOIN "FailureGap" g ON g."failureId" = f."id"
    WHERE f."analysisId" IN (${Prisma.join(ids)}) AND g."gapId" <> 'unclassified'`;
  const wanted = new Set(gapIds);
  const stats = new Map<number, { shared: number; count: number }>();
  for (const { analysisId, gapId } of gapRows) {
    const s = stats.get(Number(analysisId)) ?? { shared: 0, count: 0 };
    s.count++;
    if (wanted.has(gapId)) s.shared++;
    stats.set(Number(analysisId), s);
  }
  const candidates = [...pool.entries()].map(([id, r]) => ({
    slug: r.slug,
    title: r.title,
    taskId: r.taskId,
    platform: r.platform,
    failureCount: Number(r.failureCount),
    sharedGaps: stats.get(id)?.shared ?? 0,
    gapCount: stats.get(id)?.count ?? 0,
  }));
  return rankClosest({ taskId: target.taskId, platform: target.platform, gapCount: gapIds.length }, candidates)
    .slice(0, limit)
    .map(({ gapCount: _gapCount, ...c }) => c);
}
