// Analyses for the API and exports: the `parse` record of each (recordJson) plus id, slug and url,
// filtered and sorted by the /analyses page's own criteria (./analysis-criteria.ts).
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { inIdOrder } from "../data/in-id-order";
import { analysisIdsPage, countAnalyses, type AnalysisCriteria } from "./analysis-criteria";
import { DEFAULT_DIRECTION, defaultAnalysisSort } from "../domain/lists";
import type { AnalysisQuery } from "../validations/list-queries";
import type { CsvColumn } from "../export/to-csv";
import type { ParsedAnalysis } from "../parser/types";
import { analysisReviewSummaries, type AnalysisReviewSummary } from "../reviews/analysis-reviews";
import { analysisHref } from "../routes/paths";

/**
 * `url` starts with the origin given: absolute in downloads, relative ("") in the paged API. `review`:
 * what reviewers said of it (issue 17), null when nobody reviewed it.
 */
export type AnalysisRecord = ParsedAnalysis & { id: number; slug: string; url: string; review: AnalysisReviewSummary | null };

/** Most rows one export returns; scripts page through the JSON API for more. */
export const EXPORT_LIMIT = 10_000;

/** An API query, with the reviewer making it (for `mine`). */
export type AnalysisListQuery = AnalysisQuery & { viewerId?: number };

function criteriaOf(query: AnalysisListQuery): AnalysisCriteria {
  return {
    q: query.q,
    severities: query.severity ?? [],
    gaps: query.gap ?? [],
    platforms: query.platform ?? [],
    minScore: query.min,
    maxScore: query.max,
    warnings: query.warnings,
    review: query.review,
    mine: query.mine,
    viewerId: query.viewerId,
    tags: query.tag ?? [],
    reviewers: query.reviewer ?? [],
  };
}

/** Ids of a window of matching analyses in display order, and the total. */
async function idsAndTotal(query: AnalysisListQuery, window: { skip: number; take: number }): Promise<{ ids: number[]; total: number }> {
  const criteria = criteriaOf(query);
  const sort = query.sort ?? defaultAnalysisSort(query.q);
  const [ids, total] = await Promise.all([
    analysisIdsPage(criteria, sort, query.dir ?? DEFAULT_DIRECTION[sort], window),
    countAnalyses(criteria),
  ]);
  return { ids, total };
}

const recordSelect = { id: true, slug: true, source: { select: { recordJson: true } } } as const;

export function toAnalysisRecord(
  row: { id: number; slug: string; source: { recordJson: string } | null },
  origin: string,
  review: AnalysisReviewSummary | null = null,
): AnalysisRecord {
  const record = JSON.parse(row.source?.recordJson ?? "{}") as ParsedAnalysis;
  return { id: row.id, slug: row.slug, url: origin + analysisHref(row.slug), ...record, review };
}

export async function listAnalysisRecords(
  query: AnalysisListQuery,
  window: { skip: number; take: number },
  origin: string,
): Promise<{ items: AnalysisRecord[]; total: number }> {
  const { ids, total } = await idsAndTotal(query, window);
  const [rows, reviews] = await Promise.all([
    inIdOrder(ids, (chunk) => prisma.analysis.findMany({ where: { id: { in: chunk } }, select: recordSelect })),
    analysisReviewSummaries(ids),
  ]);
  return { items: rows.map((row) => toAnalysisRecord(row, origin, reviews.get(row.id) ?? null)), total };
}

export async function getAnalysisRecord(slug: string, origin: string): Promise<AnalysisRecord | null> {
  const row = await prisma.analysis.findUnique({ where: { slug }, select: recordSelect });
  return row ? toAnalysisRecord(row, origin, (await analysisReviewSummaries([row.id])).get(row.id) ?? null) : null;
}

const csvSelect = {
  id: true,
  slug: true,
  title: true,
  taskId: true,
  platform: true,
  language: true,
  scoreValue: true,
  scoreMax: true,
  scoreNorm: true,
  criticalCount: true,
  highCount: true,
  mediumCount: true,
  lowCount: true,
  unknownCount: true,
  failureCount: true,
  failureLoad: true,
  warningCount: true,
  knowledgeGapsJson: true,
  updatedAt: true,
  documentDate: true,
  gaps: { select: { gapId: true } },
  failures: { select: { gaps: { select: { gapId: true } } } },
} as const;

export type AnalysisCsvRow = Prisma.AnalysisGetPayload<{ select: typeof csvSelect }> & { review: AnalysisReviewSummary | null };

export async function listAnalysisCsvRows(query: AnalysisListQuery, window = { skip: 0, take: EXPORT_LIMIT }): Promise<AnalysisCsvRow[]> {
  const { ids } = await idsAndTotal(query, window);
  const [rows, reviews] = await Promise.all([
    inIdOrder(ids, (chunk) => prisma.analysis.findMany({ where: { id: { in: chunk } }, select: csvSelect })),
    analysisReviewSummaries(ids),
  ]);
  return rows.map((row) => ({ ...row, review: reviews.get(row.id) ?? null }));
}

function gapIdsOf(row: AnalysisCsvRow): string[] {
  return [...new Set([...row.gaps.map((g) => g.gapId), ...row.failures.flatMap((f) => f.gaps.map((g) => g.gapId))])].sort();
}

/** The analyses CSV; `url` on `origin` (absolute, clickable in a spreadsheet). */
export const analysisCsvColumns = (origin: string): CsvColumn<AnalysisCsvRow>[] => [
  { header: "slug", value: (r) => r.slug },
  { header: "title", value: (r) => r.title },
  { header: "task_id", value: (r) => r.taskId },
  { header: "platform", value: (r) => r.platform },
  { header: "language", value: (r) => r.language },
  { header: "score", value: (r) => r.scoreValue },
  { header: "score_max", value: (r) => r.scoreMax },
  { header: "score_out_of_10", value: (r) => (r.scoreNorm === null ? null : Math.round(r.scoreNorm * 100) / 100) },
  { header: "critical", value: (r) => r.criticalCount },
  { header: "high", value: (r) => r.highCount },
  { header: "medium", value: (r) => r.mediumCount },
  { header: "low", value: (r) => r.lowCount },
  { header: "unknown", value: (r) => r.unknownCount },
  { header: "failures", value: (r) => r.failureCount },
  { header: "failure_load", value: (r) => r.failureLoad },
  { header: "knowledge_gaps", value: (r) => gapIdsOf(r) },
  { header: "warnings", value: (r) => r.warningCount },
  { header: "document_date", value: (r) => r.documentDate },
  { header: "updated_at", value: (r) => r.updatedAt.toISOString() },
  { header: "url", value: (r) => origin + analysisHref(r.slug) },
  { header: "review_reviewed_by", value: (r) => r.review?.reviewedBy ?? [] },
  { header: "review_stale_reviews", value: (r) => r.review?.staleReviews ?? [] },
  { header: "review_comments", value: (r) => (r.review?.comments ?? []).map((c) => `${c.reviewer}: ${c.comment}`) },
  { header: "review_annotations", value: (r) => r.review?.annotations ?? 0 },
  { header: "review_disputed_failures", value: (r) => r.review?.disputedFailures ?? 0 },
  { header: "review_outdated_annotations", value: (r) => r.review?.outdatedAnnotations ?? 0 },
];
