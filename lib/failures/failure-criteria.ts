// What "these failures" means, in one place: the /failures explorer, the failures API and the CSV
// export filter, count and order through here, so an export holds exactly the rows on screen.
// Plain parameterized SQL (Prisma.sql): full-text and gap filters stay subqueries, so no filter ever
// turns into thousands of bound ids, and the counts use the indexes.
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { toFtsQuery } from "../data/search-index";
import type { FailureSort } from "../filters/view-params";

export interface FailureCriteria {
  /** Full-text query as typed; a query with no searchable words does not filter. */
  q?: string;
  severities: readonly string[];
  gaps: readonly string[];
  platform?: string;
  analysisSlug?: string;
}

export type FailureFacet = "severity" | "gap" | "platform";

/** True when `q` has words the full-text index can search for. */
export function hasSearchableWords(q: string | undefined): boolean {
  return Boolean(q && toFtsQuery(q));
}

function whereSql(criteria: FailureCriteria, without?: FailureFacet): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  const match = criteria.q ? toFtsQuery(criteria.q) : null;
  if (match) parts.push(Prisma.sql`f."id" IN (SELECT rowid FROM "failure_fts" WHERE "failure_fts" MATCH ${match})`);
  if (without !== "severity" && criteria.severities.length) parts.push(Prisma.sql`f."severity" IN (${Prisma.join(criteria.severities)})`);
  if (without !== "gap" && criteria.gaps.length) {
    parts.push(Prisma.sql`f."id" IN (SELECT "failureId" FROM "FailureGap" WHERE "gapId" IN (${Prisma.join(criteria.gaps)}))`);
  }
  if (without !== "platform" && criteria.platform) parts.push(Prisma.sql`f."platform" = ${criteria.platform}`);
  if (criteria.analysisSlug) parts.push(Prisma.sql`f."analysisId" = (SELECT "id" FROM "Analysis" WHERE "slug" = ${criteria.analysisSlug})`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function orderSql(sort: FailureSort | undefined): Prisma.Sql {
  if (sort === "analysis") return Prisma.sql`ORDER BY a."title", f."analysisId", f."number"`;
  if (sort === "recent") return Prisma.sql`ORDER BY a."updatedAt" DESC, f."analysisId" DESC, f."number"`;
  // Severity first; within a severity, analyses in the order they were stored (an index covers it).
  return Prisma.sql`ORDER BY f."severityRank", f."analysisId", f."number"`;
}

export async function countFailures(criteria: FailureCriteria): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "Failure" f ${whereSql(criteria)}`;
  return Number(rows[0]?.n ?? 0);
}

/** Ids of one window of matching failures, in display order. */
export async function failureIdsPage(criteria: FailureCriteria, sort: FailureSort | undefined, window: { skip: number; take: number }): Promise<number[]> {
  const join = sort === "analysis" || sort === "recent" ? Prisma.sql`JOIN "Analysis" a ON a."id" = f."analysisId"` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT f."id" AS id FROM "Failure" f ${join} ${whereSql(criteria)} ${orderSql(sort)} LIMIT ${window.take} OFFSET ${window.skip}`;
  return rows.map((r) => Number(r.id));
}

/** Counts per severity, gap and platform, each with the *other* filters applied. */
export async function facetCounts(criteria: FailureCriteria): Promise<Record<FailureFacet, Map<string, number>>> {
  const toMap = (rows: { value: string | null; n: number | bigint }[]) =>
    new Map(rows.flatMap((r) => (r.value === null ? [] : [[r.value, Number(r.n)] as [string, number]])));
  const gapWhere = whereSql(criteria, "gap");
  const [severity, gap, platform] = await Promise.all([
    prisma.$queryRaw<{ value: string; n: bigint }[]>`
      SELECT f."severity" AS value, count(*) AS n FROM "Failure" f ${whereSql(criteria, "severity")} GROUP BY f."severity"`,
    gapWhere === Prisma.empty
      ? prisma.$queryRaw<{ value: string; n: bigint }[]>`SELECT "gapId" AS value, count(*) AS n FROM "FailureGap" GROUP BY "gapId"`
      : prisma.$queryRaw<{ value: string; n: bigint }[]>`
          SELECT g."gapId" AS value, count(*) AS n FROM "FailureGap" g JOIN "Failure" f ON f."id" = g."failureId" ${gapWhere} GROUP BY g."gapId"`,
    prisma.$queryRaw<{ value: string | null; n: bigint }[]>`
      SELECT f."platform" AS value, count(*) AS n FROM "Failure" f ${whereSql(criteria, "platform")} GROUP BY f."platform"`,
  ]);
  return { severity: toMap(severity), gap: toMap(gap), platform: toMap(platform) };
}
