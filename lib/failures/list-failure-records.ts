// Failures for the API and exports: each failure as it appears in its analysis's `parse` record plus
// ids and urls, filtered and ordered by the explorer's own criteria (./failure-criteria.ts), so an
// export holds exactly the rows on screen.
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { inIdOrder } from "../data/in-id-order";
import { countFailures, failureIdsPage, type FailureCriteria } from "./failure-criteria";
import type { FailureQuery } from "../validations/list-queries";
import { defaultFailureSort } from "../domain/lists";
import type { CsvColumn } from "../export/to-csv";
import type { ParsedAnalysis, ParsedFailure } from "../parser/types";
import { EXPORT_LIMIT } from "../analyses/list-analysis-records";
import { reviewKey, reviewStates, type FailureReviewState } from "../reviews/summary";
import { analysisHref, failureHref } from "../routes/paths";

export interface FailureRecord extends ParsedFailure {
  id: number;
  /** Stable link key within the analysis (the URL names it; `number` is the display ordinal). */
  key: string;
  /** The failure's own page (side-by-side diff): absolute in downloads, relative in the paged API. */
  url: string;
  analysis: { id: number; slug: string; title: string; taskId: string | null; platform: string | null; url: string };
  /** What reviewers said of it (issue 17); null when nobody annotated it. */
  review: FailureReviewState | null;
}

/** An API query, with the reviewer making it (for `mine`). */
export type FailureListQuery = FailureQuery & { viewerId?: number };

function criteriaOf(query: FailureListQuery): FailureCriteria {
  return {
    q: query.q,
    severities: query.severity ?? [],
    gaps: query.gap ?? [],
    platforms: query.platform ?? [],
    analysisSlug: query.analysis,
    review: query.review,
    mine: query.mine,
    viewerId: query.viewerId,
    tags: query.tag ?? [],
    reviewers: query.reviewer ?? [],
  };
}

const rowSelect = {
  id: true,
  number: true,
  key: true,
  title: true,
  severity: true,
  severityNote: true,
  section: true,
  rootCause: true,
  location: true,
  status: true,
  line: true,
  analysis: { select: { id: true, slug: true, title: true, taskId: true, platform: true } },
  gaps: { orderBy: { rank: "asc" }, select: { gapId: true } },
} as const;

/** The CSV's rows also carry MODEL/IDEAL text and code (the JSON takes them from the parse record). */
const csvSelect = {
  ...rowSelect,
  modelText: true,
  idealText: true,
  codeBlocks: { orderBy: [{ side: "asc" as const }, { position: "asc" as const }], select: { side: true, value: true } },
} satisfies Prisma.FailureSelect;

export type FailureCsvRow = Prisma.FailureGetPayload<{ select: typeof csvSelect }> & { review: FailureReviewState | null };

export type FailureRow = Prisma.FailureGetPayload<{ select: typeof rowSelect }>;

export async function listFailureRows(
  query: FailureListQuery,
  window: { skip: number; take: number } = { skip: 0, take: EXPORT_LIMIT },
): Promise<{ rows: FailureRow[]; total: number }> {
  const criteria = criteriaOf(query);
  const [total, ids] = await Promise.all([
    countFailures(criteria),
    failureIdsPage(criteria, query.sort ?? defaultFailureSort(query.q), window),
  ]);
  const rows = await inIdOrder(ids, (chunk) => prisma.failure.findMany({ where: { id: { in: chunk } }, select: rowSelect }));
  return { rows, total };
}

/** One window of the failures CSV, in the list's order. */
export async function listFailureCsvRows(query: FailureListQuery, window: { skip: number; take: number }): Promise<FailureCsvRow[]> {
  const ids = await failureIdsPage(criteriaOf(query), query.sort ?? defaultFailureSort(query.q), window);
  const rows = await inIdOrder(ids, (chunk) => prisma.failure.findMany({ where: { id: { in: chunk } }, select: csvSelect }));
  const states = await reviewsOf(rows);
  return rows.map((row) => ({ ...row, review: states.get(reviewKey(row.analysis.id, row.key)) ?? null }));
}

/** Review state of these failures, keyed by reviewKey. */
function reviewsOf(rows: { key: string; severity: string; analysis: { id: number } }[]) {
  const severities = new Map(rows.map((r) => [reviewKey(r.analysis.id, r.key), r.severity]));
  return reviewStates([...new Set(rows.map((r) => r.analysis.id))], severities);
}

/** Joins rows with their parse records (each analysis's recordJson read once). */
export async function toFailureRecords(rows: FailureRow[], origin: string): Promise<FailureRecord[]> {
  const analysisIds = [...new Set(rows.map((r) => r.analysis.id))];
  const records = await inIdOrder(analysisIds, (chunk) =>
    prisma.analysisSource
      .findMany({ where: { analysisId: { in: chunk } }, select: { analysisId: true, recordJson: true } })
      .then((rows) => rows.map((r) => ({ id: r.analysisId, recordJson: r.recordJson }))),
  );
  const failuresOf = new Map(records.map((r) => [r.id, (JSON.parse(r.recordJson) as ParsedAnalysis).failures]));
  const states = await reviewsOf(rows);
  return rows.map((row) => {
    const parsed = failuresOf.get(row.analysis.id)?.find((f) => f.number === row.number);
    const base: ParsedFailure = parsed ?? {
      number: row.number,
      title: row.title,
      severity: row.severity as ParsedFailure["severity"],
      severityNote: row.severityNote,
      section: row.section,
      model: { text: "", code: [] },
      ideal: { text: "", code: [] },
      rootCause: row.rootCause,
      impacts: [],
      references: [],
      location: row.location,
      status: row.status,
      gaps: row.gaps.map((g) => g.gapId),
      line: row.line,
    };
    return {
      id: row.id,
      key: row.key,
      url: origin + failureHref(row.analysis.slug, row.key),
      analysis: { ...row.analysis, url: origin + analysisHref(row.analysis.slug) },
      ...base,
      review: states.get(reviewKey(row.analysis.id, row.key)) ?? null,
    };
  });
}

/** Code blocks of one side, in order, separated by a blank line. */
function codeOf(row: FailureCsvRow, side: "model" | "ideal"): string {
  return row.codeBlocks
    .filter((c) => c.side === side)
    .map((c) => c.value)
    .join("\n\n");
}

/** The failures CSV; urls on `origin` (absolute, clickable in a spreadsheet). */
export const failureCsvColumns = (origin: string): CsvColumn<FailureCsvRow>[] => [
  { header: "analysis_slug", value: (r) => r.analysis.slug },
  { header: "analysis_title", value: (r) => r.analysis.title },
  { header: "task_id", value: (r) => r.analysis.taskId },
  { header: "platform", value: (r) => r.analysis.platform },
  { header: "number", value: (r) => r.number },
  { header: "key", value: (r) => r.key },
  { header: "title", value: (r) => r.title },
  { header: "severity", value: (r) => r.severity },
  { header: "severity_note", value: (r) => r.severityNote },
  { header: "section", value: (r) => r.section },
  { header: "knowledge_gaps", value: (r) => r.gaps.map((g) => g.gapId) },
  { header: "root_cause", value: (r) => r.rootCause },
  { header: "location", value: (r) => r.location },
  { header: "status", value: (r) => r.status },
  { header: "line", value: (r) => r.line },
  { header: "model_text", value: (r) => r.modelText },
  { header: "model_code", value: (r) => codeOf(r, "model") },
  { header: "ideal_text", value: (r) => r.idealText },
  { header: "ideal_code", value: (r) => codeOf(r, "ideal") },
  { header: "url", value: (r) => origin + failureHref(r.analysis.slug, r.key) },
  { header: "analysis_url", value: (r) => origin + analysisHref(r.analysis.slug) },
  { header: "review_reviewers", value: (r) => r.review?.reviewers ?? [] },
  { header: "review_agree", value: (r) => r.review?.agree ?? 0 },
  { header: "review_disagree", value: (r) => r.review?.disagree ?? 0 },
  { header: "review_unsure", value: (r) => r.review?.unsure ?? 0 },
  { header: "review_disputed", value: (r) => (r.review?.disputed ? "yes" : "no") },
  { header: "review_proposed_severity", value: (r) => r.review?.proposedSeverity ?? null },
  { header: "review_tags", value: (r) => r.review?.tags ?? [] },
];
