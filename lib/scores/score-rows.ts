// One /scores row as the table, the lists and the export show it: read with raw SQL (Prisma's row
// mapping cost three times the query) and the audit findings worked out from its stored columns.
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { AuditFilter } from "../filters/trainer-params";
import type { ParseWarning } from "../parser/types";
import { auditCounts, type CountDifference } from "./count-audit";
import { scoreSource, type ScoreSource } from "./score-source";

export interface ScoreRow {
  id: number;
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  scoreValue: number | null;
  scoreMax: number | null;
  scoreNorm: number | null;
  /** The document line the score was read from (its label), when recorded. */
  scoreSource: ScoreSource | null;
  criticalCount: number;
  highCount: number;
  mediumCount: number;
  lowCount: number;
  unknownCount: number;
  failureCount: number;
  failureLoad: number;
  warningCount: number;
  declared: Record<"critical" | "high" | "medium" | "low", number | null> | null;
  /** Declared minus found, per severity that the summary declares and that differs. */
  countDifferences: CountDifference[];
  /** The differences are all covered by items the parser found but could not grade (unknown severity). */
  countsExplainedByUngraded: boolean;
  severityMismatches: ParseWarning[];
  warnings: ParseWarning[];
}

/** A row known to have a score (charts and outliers). */
export type ScoredRow = ScoreRow & { scoreNorm: number };

type RawScoreRow = Omit<
  ScoreRow,
  "declared" | "countDifferences" | "countsExplainedByUngraded" | "severityMismatches" | "warnings" | "scoreSource"
> & {
  warningsJson: string;
  scoresJson: string;
  hasDeclaredCounts: boolean | number;
  declaredCritical: number | null;
  declaredHigh: number | null;
  declaredMedium: number | null;
  declaredLow: number | null;
};

function parseWarnings(json: string): ParseWarning[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? (list as ParseWarning[]) : [];
  } catch {
    return [];
  }
}

export function matchesAudit(row: ScoreRow, audit: AuditFilter): boolean {
  switch (audit) {
    case "no-score":
      return row.scoreNorm === null;
    case "no-failures":
      return row.failureCount === 0;
    case "warnings":
      return row.warningCount > 0;
    case "count-mismatch":
      return row.countDifferences.length > 0 && !row.countsExplainedByUngraded;
    case "ungraded":
      return row.unknownCount > 0;
    case "severity-mismatch":
      return row.severityMismatches.length > 0;
  }
}

function toScoreRow(r: RawScoreRow): ScoreRow {
  const warnings = parseWarnings(r.warningsJson);
  const declared = Boolean(r.hasDeclaredCounts)
    ? { critical: r.declaredCritical, high: r.declaredHigh, medium: r.declaredMedium, low: r.declaredLow }
    : null;
  const found = { critical: r.criticalCount, high: r.highCount, medium: r.mediumCount, low: r.lowCount };
  const counts = auditCounts(declared, found, r.unknownCount);
  return {
    id: Number(r.id),
    slug: r.slug,
    title: r.title,
    taskId: r.taskId,
    platform: r.platform,
    scoreValue: r.scoreValue,
    scoreMax: r.scoreMax,
    scoreNorm: r.scoreNorm,
    scoreSource: scoreSource(r.scoresJson, r.scoreValue, r.scoreMax),
    criticalCount: r.criticalCount,
    highCount: r.highCount,
    mediumCount: r.mediumCount,
    lowCount: r.lowCount,
    unknownCount: r.unknownCount,
    failureCount: r.failureCount,
    failureLoad: r.failureLoad,
    warningCount: r.warningCount,
    declared,
    countDifferences: counts.differences,
    countsExplainedByUngraded: counts.explainedByUngraded,
    warnings,
    severityMismatches: warnings.filter((w) => w.code === "severity-mismatch"),
  };
}

/**
 * The rows of Analysis a under `where` (a WHERE clause or nothing), in `order`, optionally one window:
 * the window's ids picked first from the index that holds every column the filters and orders name
 * (migration 0021), then only those rows read whole.
 */
export async function readScoreRows(where: Prisma.Sql, order: Prisma.Sql, window?: { skip: number; take: number }): Promise<ScoreRow[]> {
  const picked = window
    ? Prisma.sql`WHERE a."id" IN (SELECT a."id" FROM "Analysis" a ${where} ORDER BY ${order} LIMIT ${window.take} OFFSET ${window.skip})`
    : where;
  const records = await prisma.$queryRaw<RawScoreRow[]>`
    SELECT a."id", a."slug", a."title", a."taskId", a."platform", a."scoreValue", a."scoreMax", a."scoreNorm", a."scoresJson",
      a."criticalCount", a."highCount", a."mediumCount", a."lowCount", a."unknownCount", a."failureCount",
      a."failureLoad", a."warningCount", a."warningsJson", a."hasDeclaredCounts",
      a."declaredCritical", a."declaredHigh", a."declaredMedium", a."declaredLow"
    FROM "Analysis" a ${picked} ORDER BY ${order}`;
  return records.map(toScoreRow);
}
