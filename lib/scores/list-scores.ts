// The /scores view and its export: every analysis matching the filters with its score, severity counts
// and failure load, plus what the charts, the outlier list and the consistency audit need.
import "server-only";
import { prisma } from "../db";
import { analysisWhereSql, tallyAnalyses, type AnalysisCriteria } from "../analyses/analysis-criteria";
import {
  AUDIT_FILTERS,
  SCORES_PAGE_SIZE,
  type AuditFilter,
  type OutlierFilter,
  type ScoreFilters,
  type ScoreSort,
} from "../filters/trainer-params";
import type { ParseWarning } from "../parser/types";
import type { FacetValue } from "../domain";
import { facetValues } from "../search/facets";
import { auditCounts, type CountDifference } from "./count-audit";
import { findOutliers, loadBounds, scoreHistogram, type Outlier, type OutlierKind } from "./outliers";
import { scoreSource, type ScoreSource } from "./score-source";

export type { CountDifference } from "./count-audit";

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

export interface ScaleCount {
  max: number;
  count: number;
}

export interface ScoresView {
  /** One page of the sorted table. */
  rows: ScoreRow[];
  /** Every row matching the filters, sorted (charts, outliers and export use these). */
  all: ScoreRow[];
  total: number;
  page: number;
  pageCount: number;
  scored: ScoredRow[];
  histogram: number[];
  scales: ScaleCount[];
  /** Every flagged analysis among the rows before the audit and outlier filters (absolute rules). */
  outliers: Outlier<ScoredRow>[];
  /** The lowest failure load counted heavy and the highest counted light (chart regions). */
  loadBounds: { heavyFrom: number | null; lightUpTo: number | null };
  /** How many analyses each audit filter would show, with the other filters applied. */
  auditCounts: Record<AuditFilter, number>;
  stats: { mean: number | null; median: number | null };
  /**
   * Gap and platform values to filter by, each counted with the other platform/gap/score filters
   * applied (as on /analyses); the audit and outlier chips narrow the table after these counts.
   */
  facets: { gap: FacetValue[]; platform: FacetValue[] };
}

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

const SORT_KEY: Record<ScoreSort, (r: ScoreRow) => number | string | null> = {
  score: (r) => r.scoreNorm,
  critical: (r) => r.criticalCount,
  high: (r) => r.highCount,
  medium: (r) => r.mediumCount,
  low: (r) => r.lowCount,
  load: (r) => r.failureLoad,
  failures: (r) => r.failureCount,
  platform: (r) => r.platform,
  title: (r) => r.title.toLowerCase(),
};

/** Sorts rows in place by one column; missing values (no score, no platform) always go last. */
export function sortScoreRows(rows: ScoreRow[], sort: ScoreSort, dir: "asc" | "desc"): ScoreRow[] {
  const key = SORT_KEY[sort];
  const sign = dir === "asc" ? 1 : -1;
  return rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (x < y ? -1 : 1) * sign;
    }
    // Ties: the heavier failure load first, then by title, so the order is stable across reloads.
    return b.failureLoad - a.failureLoad || a.title.localeCompare(b.title) || a.id - b.id;
  });
}

/** The platform, gap and score filters of /scores: the same meaning as on /analyses (any of each). */
function scoreCriteria(filters: ScoreFilters): AnalysisCriteria {
  return { severities: [], gaps: filters.gaps, platforms: filters.platforms, minScore: filters.minScore, maxScore: filters.maxScore };
}

export async function loadScoreRows(filters: ScoreFilters): Promise<{ rows: ScoreRow[]; unaudited: ScoreRow[] }> {
  // Raw SQL: every analysis is read here, and Prisma's row mapping cost three times the query itself.
  const where = analysisWhereSql(scoreCriteria(filters));
  const records = await prisma.$queryRaw<RawScoreRow[]>`
    SELECT a."id", a."slug", a."title", a."taskId", a."platform", a."scoreValue", a."scoreMax", a."scoreNorm", a."scoresJson",
      a."criticalCount", a."highCount", a."mediumCount", a."lowCount", a."unknownCount", a."failureCount",
      a."failureLoad", a."warningCount", a."warningsJson", a."hasDeclaredCounts",
      a."declaredCritical", a."declaredHigh", a."declaredMedium", a."declaredLow"
    FROM "Analysis" a ${where}`;
  const unaudited = records.map((r): ScoreRow => {
    const warnings = parseWarnings(r.warningsJson);
    const declared = Boolean(r.hasDeclaredCounts)
      ? { critical: r.declaredCritical, high: r.declaredHigh, medium: r.declaredMedium, low: r.declaredLow }
      : null;
    const found = { critical: r.criticalCount, high: r.highCount, medium: r.mediumCount, low: r.lowCount };
    const counts = auditCounts(declared, found, r.unknownCount);
    return {
      id: r.id,
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
  });
  const rows = filters.audit ? unaudited.filter((row) => matchesAudit(row, filters.audit!)) : unaudited;
  return { rows: sortScoreRows(rows, filters.sort, filters.dir), unaudited };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const OUTLIER_KIND: Record<OutlierFilter, OutlierKind> = {
  "high-heavy": "high-score-heavy-failures",
  "low-light": "low-score-light-failures",
};
export const OUTLIER_FILTER_OF: Record<OutlierKind, OutlierFilter> = {
  "high-score-heavy-failures": "high-heavy",
  "low-score-light-failures": "low-light",
};

export async function listScores(filters: ScoreFilters): Promise<ScoresView> {
  const [loaded, counts, gapRows] = await Promise.all([
    loadScoreRows(filters),
    tallyAnalyses(scoreCriteria(filters)),
    prisma.knowledgeGap.findMany({ select: { id: true, label: true } }),
  ]);
  const { gap, platform } = facetValues(counts, { severities: [], gaps: filters.gaps, platforms: filters.platforms }, gapRows);
  const { unaudited } = loaded;
  // Outliers are judged among every row the platform/gap/score filters keep, so narrowing the table to
  // an audit or to the outliers themselves does not change who is flagged.
  const scoredAll = unaudited.filter((r): r is ScoredRow => r.scoreNorm !== null);
  const outliers = findOutliers(scoredAll);
  const kindOf = new Map(outliers.map((o) => [o.point.id, o.kind]));
  const rows = filters.outlier ? loaded.rows.filter((r) => kindOf.get(r.id) === OUTLIER_KIND[filters.outlier!]) : loaded.rows;
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / SCORES_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const scored = rows.filter((r): r is ScoredRow => r.scoreNorm !== null);
  const scores = scored.map((r) => r.scoreNorm);
  const scaleMap = new Map<number, number>();
  for (const r of scored) scaleMap.set(r.scoreMax ?? 10, (scaleMap.get(r.scoreMax ?? 10) ?? 0) + 1);
  const auditCounts = Object.fromEntries(AUDIT_FILTERS.map((a) => [a, unaudited.filter((row) => matchesAudit(row, a)).length])) as Record<
    AuditFilter,
    number
  >;
  return {
    rows: rows.slice((page - 1) * SCORES_PAGE_SIZE, page * SCORES_PAGE_SIZE),
    all: rows,
    total,
    page,
    pageCount,
    scored,
    histogram: scoreHistogram(scores),
    scales: [...scaleMap].map(([max, count]) => ({ max, count })).sort((a, b) => b.count - a.count),
    outliers,
    loadBounds: loadBounds(scoredAll),
    auditCounts,
    stats: { mean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, median: median(scores) },
    facets: { gap, platform },
  };
}

/** Platforms and gaps to offer as filters (every value present, not just the filtered ones). */
export async function scoreFilterOptions(): Promise<{ platforms: string[]; gaps: { id: string; label: string }[] }> {
  const [platformRows, gaps] = await Promise.all([
    prisma.analysis.findMany({
      where: { platform: { not: null } },
      distinct: ["platform"],
      select: { platform: true },
      orderBy: { platform: "asc" },
    }),
    prisma.knowledgeGap.findMany({
      where: { OR: [{ failures: { some: {} } }, { analyses: { some: {} } }] },
      select: { id: true, label: true },
      orderBy: { label: "asc" },
    }),
  ]);
  return { platforms: platformRows.flatMap((p) => (p.platform ? [p.platform] : [])), gaps };
}
