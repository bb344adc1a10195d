// What "these analyses" means, in one place: the /analyses page, the analyses API and its CSV export
// filter, count and sort through here, so an export holds exactly the rows on screen. Plain
// parameterized SQL (Prisma.sql): full-text and gap filters stay subqueries, never lists of bound ids.
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { toFtsQuery } from "../data/search-index";
import type { AnalysisSort, SortDirection, WarningFilter } from "../filters/view-params";
import type { Severity } from "../parser/types";

export interface AnalysisCriteria {
  q?: string;
  severities: readonly Severity[];
  gaps: readonly string[];
  platform?: string;
  /** Bounds on the /10 score; swapped when given the wrong way round. */
  minScore?: number;
  maxScore?: number;
  warnings?: WarningFilter;
}

const COUNT_COLUMN: Record<Severity, Prisma.Sql> = {
  critical: Prisma.sql`a."criticalCount"`, high: Prisma.sql`a."highCount"`, medium: Prisma.sql`a."mediumCount"`,
  low: Prisma.sql`a."lowCount"`, unknown: Prisma.sql`a."unknownCount"`,
};

/** WHERE over Analysis a for these criteria (also used by /scores, whose filters mean the same). */
export function analysisWhereSql(criteria: AnalysisCriteria): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (criteria.q) {
    const match = toFtsQuery(criteria.q);
    // A query of punctuation only matches nothing.
    parts.push(match ? Prisma.sql`a."id" IN (SELECT rowid FROM "analysis_fts" WHERE "analysis_fts" MATCH ${match})` : Prisma.sql`0`);
  }
  if (criteria.severities.length && criteria.gaps.length) {
    // Both at once mean one failure having both (a critical *secrets* failure), not an analysis with a
    // critical failure and, somewhere else, a secrets one: the failures' gap links carry the severity.
    parts.push(Prisma.sql`a."id" IN (SELECT "analysisId" FROM "FailureGap"
      WHERE "gapId" IN (${Prisma.join(criteria.gaps)}) AND "severity" IN (${Prisma.join(criteria.severities)}))`);
  } else if (criteria.severities.length) {
    parts.push(Prisma.sql`(${Prisma.join(criteria.severities.map((s) => Prisma.sql`${COUNT_COLUMN[s]} > 0`), " OR ")})`);
  } else if (criteria.gaps.length) {
    const gaps = Prisma.join(criteria.gaps);
    parts.push(Prisma.sql`a."id" IN (SELECT "analysisId" FROM "AnalysisGap" WHERE "gapId" IN (${gaps})
      UNION SELECT "analysisId" FROM "FailureGap" WHERE "gapId" IN (${gaps}))`);
  }
  if (criteria.platform) parts.push(Prisma.sql`a."platform" = ${criteria.platform}`);
  const { minScore, maxScore } = criteria;
  const [min, max] = minScore !== undefined && maxScore !== undefined && minScore > maxScore ? [maxScore, minScore] : [minScore, maxScore];
  if (min !== undefined) parts.push(Prisma.sql`a."scoreNorm" >= ${min}`);
  if (max !== undefined) parts.push(Prisma.sql`a."scoreNorm" <= ${max}`);
  if (criteria.warnings === "yes") parts.push(Prisma.sql`a."warningCount" > 0`);
  if (criteria.warnings === "no") parts.push(Prisma.sql`a."warningCount" = 0`);
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

function orderSql(sort: AnalysisSort, dir: SortDirection): Prisma.Sql {
  const d = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  if (sort === "score") return Prisma.sql`ORDER BY a."scoreNorm" IS NULL, a."scoreNorm" ${d}, a."title", a."id"`;
  if (sort === "critical") return Prisma.sql`ORDER BY a."criticalCount" ${d}, a."highCount" ${d}, a."title", a."id"`;
  if (sort === "title") return Prisma.sql`ORDER BY a."title" ${d}, a."id"`;
  return Prisma.sql`ORDER BY a."updatedAt" ${d}, a."title", a."id"`;
}

export async function countAnalyses(criteria: AnalysisCriteria): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "Analysis" a ${analysisWhereSql(criteria)}`;
  return Number(rows[0]?.n ?? 0);
}

/** Ids of one window of matching analyses, in display order. */
export async function analysisIdsPage(criteria: AnalysisCriteria, sort: AnalysisSort, dir: SortDirection, window: { skip: number; take: number }): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT a."id" AS id FROM "Analysis" a ${analysisWhereSql(criteria)} ${orderSql(sort, dir)} LIMIT ${window.take} OFFSET ${window.skip}`;
  return rows.map((r) => Number(r.id));
}
