// GET /api/scores: the /scores table (score, severity counts, failure load, audit findings) as JSON or CSV.
import "server-only";
import type { CsvColumn } from "../export/to-csv";
import { SCORE_SORT_DEFAULT_DIR, type ScoreFilters } from "../filters/trainer-params";
import { loadScoreRows, type ScoreRow } from "../scores/list-scores";
import { DEFAULT_PAGE_SIZE, parseQuery, scoreQuerySchema } from "../validations/list-queries";
import { csvResponse, handle, jsonPage, jsonResponse } from "./respond";
import { analysisHref } from "../routes/paths";

export interface ScoreItem {
  id: number;
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  /** label/line: the document line the score was read from (null when not recorded). */
  score: { value: number; max: number; outOf10: number; label: string | null; line: number | null } | null;
  counts: { critical: number; high: number; medium: number; low: number; unknown: number };
  failureCount: number;
  failureLoad: number;
  declaredCounts: ScoreRow["declared"];
  countDifferences: ScoreRow["countDifferences"];
  /** The count differences are all covered by items found without a severity (the parser's, not the report's). */
  countsExplainedByUngraded: boolean;
  severityMismatches: number;
  warningCount: number;
  url: string;
}

function toItem(r: ScoreRow): ScoreItem {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    taskId: r.taskId,
    platform: r.platform,
    score:
      r.scoreValue !== null && r.scoreNorm !== null
        ? {
            value: r.scoreValue,
            max: r.scoreMax ?? 10,
            outOf10: Math.round(r.scoreNorm * 100) / 100,
            label: r.scoreSource?.label ?? null,
            line: r.scoreSource?.line ?? null,
          }
        : null,
    counts: { critical: r.criticalCount, high: r.highCount, medium: r.mediumCount, low: r.lowCount, unknown: r.unknownCount },
    failureCount: r.failureCount,
    failureLoad: r.failureLoad,
    declaredCounts: r.declared,
    countDifferences: r.countDifferences,
    countsExplainedByUngraded: r.countsExplainedByUngraded,
    severityMismatches: r.severityMismatches.length,
    warningCount: r.warningCount,
    url: analysisHref(r.slug),
  };
}

export const SCORE_CSV_COLUMNS: CsvColumn<ScoreItem>[] = [
  { header: "slug", value: (r) => r.slug },
  { header: "title", value: (r) => r.title },
  { header: "task_id", value: (r) => r.taskId },
  { header: "platform", value: (r) => r.platform },
  { header: "score", value: (r) => r.score?.value },
  { header: "score_max", value: (r) => r.score?.max },
  { header: "score_out_of_10", value: (r) => r.score?.outOf10 },
  { header: "score_label", value: (r) => r.score?.label },
  { header: "critical", value: (r) => r.counts.critical },
  { header: "high", value: (r) => r.counts.high },
  { header: "medium", value: (r) => r.counts.medium },
  { header: "low", value: (r) => r.counts.low },
  { header: "unknown", value: (r) => r.counts.unknown },
  { header: "failures", value: (r) => r.failureCount },
  { header: "failure_load", value: (r) => r.failureLoad },
  {
    header: "declared_count_differences",
    value: (r) => r.countDifferences.map((d) => `${d.severity}: declared ${d.declared}, found ${d.found}`),
  },
  { header: "differences_from_ungraded_items", value: (r) => r.countsExplainedByUngraded },
  { header: "severity_mismatches", value: (r) => r.severityMismatches },
  { header: "warnings", value: (r) => r.warningCount },
  { header: "url", value: (r) => r.url },
];

export function getScores(request: Request): Promise<Response> {
  return handle(async () => {
    const url = new URL(request.url);
    const query = parseQuery(scoreQuerySchema, url.searchParams);
    const sort = query.sort ?? "score";
    const [minScore, maxScore] =
      query.min !== undefined && query.max !== undefined && query.min > query.max ? [query.max, query.min] : [query.min, query.max];
    const filters: ScoreFilters = {
      platforms: query.platform ?? [],
      gaps: query.gap ?? [],
      minScore,
      maxScore,
      audit: query.audit,
      outlier: query.outlier,
      sort,
      dir: query.dir ?? SCORE_SORT_DEFAULT_DIR[sort],
      page: 1,
    };
    const items = (await loadScoreRows(filters)).map(toItem);
    const parts = [...(query.platform ?? []), ...(query.gap ?? []), query.audit, query.outlier];
    if (query.format === "csv") return csvResponse(SCORE_CSV_COLUMNS, items, "scores", parts);
    if (query.download)
      return jsonResponse({ items, page: 1, pageSize: items.length, total: items.length, next: null }, { list: "scores", parts });
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    return jsonResponse(jsonPage(url, items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, items.length));
  });
}
