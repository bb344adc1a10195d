// The /scores rules as SQL over Analysis a's stored columns, the same on SQLite and PostgreSQL: the
// consistency audits (lib/scores/count-audit.ts, matchesAudit), the table's order (missing values
// last, ties by failure load, title, id) and the outlier regions once their load bounds are known.
import { Prisma } from "../generated/prisma/client";
import type { AuditFilter, ScoreSort } from "../filters/trainer-params";
import { OUTLIER_RULES, type OutlierKind } from "./outliers";

const SEVERITY_COLUMNS = [
  ["declaredCritical", "criticalCount"],
  ["declaredHigh", "highCount"],
  ["declaredMedium", "mediumCount"],
  ["declaredLow", "lowCount"],
] as const;

/** Declared, else found (so an undeclared severity never differs). */
const declaredOr = (declared: string, found: string) => Prisma.raw(`COALESCE(a."${declared}", a."${found}")`);
const found = (column: string) => Prisma.raw(`a."${column}"`);

/**
 * auditCounts' "differences, not explained by ungraded items": declared counts exist, one differs,
 * and not (every difference is a shortfall and the ungraded items cover the total shortfall).
 */
const COUNT_MISMATCH = (() => {
  const differs = SEVERITY_COLUMNS.map(([d, f]) => Prisma.sql`${declaredOr(d, f)} <> ${found(f)}`);
  const shortfallOnly = SEVERITY_COLUMNS.map(([d, f]) => Prisma.sql`${declaredOr(d, f)} >= ${found(f)}`);
  const shortfall = SEVERITY_COLUMNS.map(([d, f]) => Prisma.sql`(${declaredOr(d, f)} - ${found(f)})`);
  return Prisma.sql`(a."hasDeclaredCounts" = TRUE AND (${Prisma.join(differs, " OR ")})
    AND NOT (${Prisma.join(shortfallOnly, " AND ")} AND ${Prisma.join(shortfall, " + ")} <= a."unknownCount"))`;
})();

/** The severity-mismatch warnings are counted per analysis when it is stored (migration 0021). */
const SEVERITY_MISMATCH = Prisma.sql`a."severityMismatchCount" > 0`;

/** An audit filter as a condition over Analysis a (matchesAudit in SQL), for the current engine. */
export function auditSql(audit: AuditFilter): Prisma.Sql {
  switch (audit) {
    case "no-score":
      return Prisma.sql`a."scoreNorm" IS NULL`;
    case "no-failures":
      return Prisma.sql`a."failureCount" = 0`;
    case "warnings":
      return Prisma.sql`a."warningCount" > 0`;
    case "count-mismatch":
      return COUNT_MISMATCH;
    case "ungraded":
      return Prisma.sql`a."unknownCount" > 0`;
    case "severity-mismatch":
      return SEVERITY_MISMATCH;
  }
}

const SORT_COLUMN: Record<ScoreSort, Prisma.Sql> = {
  score: Prisma.sql`a."scoreNorm"`,
  critical: Prisma.sql`a."criticalCount"`,
  high: Prisma.sql`a."highCount"`,
  medium: Prisma.sql`a."mediumCount"`,
  low: Prisma.sql`a."lowCount"`,
  load: Prisma.sql`a."failureLoad"`,
  failures: Prisma.sql`a."failureCount"`,
  platform: Prisma.sql`a."platform"`,
  title: Prisma.sql`lower(a."title")`,
};

/**
 * The table's order keys: one column (missing values last), then the heavier load, the title, the id.
 * Titles compare as localeCompare does for the usual ones: case aside first, then lower case first
 * ("Model Failures" before "MODEL FAILURES"); both engines compare the bytes otherwise.
 */
export function scoreOrderSql(sort: ScoreSort, dir: "asc" | "desc"): Prisma.Sql {
  const column = SORT_COLUMN[sort];
  const d = Prisma.raw(dir === "asc" ? "ASC" : "DESC");
  return Prisma.sql`${column} IS NULL, ${column} ${d}, a."failureLoad" DESC, lower(a."title"), a."title" DESC, a."id"`;
}

/** The load bounds of the outlier regions (lib/scores/outliers.ts loadBounds). */
export interface LoadBounds {
  heavyFrom: number | null;
  lightUpTo: number | null;
}

/**
 * The analyses of one outlier kind: the score rule, and a load percentile past the rule's, which is
 * a load at or past the bound (a percentile grows with the load). False when nothing reaches it.
 */
export function outlierSql(kind: OutlierKind, bounds: LoadBounds, enough: boolean): Prisma.Sql {
  const r = OUTLIER_RULES;
  if (kind === "high-score-heavy-failures") {
    return enough && bounds.heavyFrom !== null
      ? Prisma.sql`(a."scoreNorm" >= ${r.highScore} AND a."failureLoad" >= ${bounds.heavyFrom})`
      : Prisma.sql`1 = 0`;
  }
  return enough && bounds.lightUpTo !== null
    ? Prisma.sql`(a."scoreNorm" <= ${r.lowScore} AND a."failureLoad" <= ${bounds.lightUpTo})`
    : Prisma.sql`1 = 0`;
}

/** The outlier lists' order (findOutliers): heaviest load first, or lowest score first; then the table's. */
export function outlierOrderSql(kind: OutlierKind, table: Prisma.Sql): Prisma.Sql {
  const first =
    kind === "high-score-heavy-failures"
      ? Prisma.sql`a."failureLoad" DESC, a."scoreNorm" DESC`
      : Prisma.sql`a."scoreNorm" ASC, a."failureLoad" ASC`;
  return Prisma.sql`${first}, ${table}`;
}

/** `base` (a WHERE clause or nothing, as analysisWhereSql gives) narrowed by more conditions. */
export function whereAlso(base: Prisma.Sql, parts: Prisma.Sql[]): Prisma.Sql {
  if (!parts.length) return base;
  const more = Prisma.join(parts, " AND ");
  return base === Prisma.empty ? Prisma.sql`WHERE ${more}` : Prisma.sql`${base} AND ${more}`;
}
