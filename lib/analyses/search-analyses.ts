// The /analyses list: filters, sort, facet counts and one page of analyses, all from the URL state;
// with a query, each analysis's snippet: where it matched (its best-matching failure, else itself).
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { inIdOrder } from "../data/in-id-order";
import { failureRanked, isSearchable } from "../data/dialect";
import { snippets, type SnippetPart } from "../search/snippets";
import {
  analysisIdsPage,
  analysisReviewsFor,
  countAndTallyAnalyses,
  withTextMatches,
  type AnalysisCriteria,
  type AnalysisFacet,
} from "./analysis-criteria";
import { PAGE_SIZE } from "../domain/lists";
import type { AnalysisFilters } from "../filters/view-params";
import { ANALYSIS_MINE_LABELS, ANALYSIS_REVIEW_FILTERS, ANALYSIS_REVIEW_LABELS } from "../filters/review-params";
import { analysisSummarySelect, type AnalysisSummary } from "./list-analyses";
import type { FacetValue } from "../domain";
import { facetValues, reviewFacetValues, type ReviewFacetName } from "../search/facets";
import { analysisReviewItems, countReviewFacets } from "../reviews/review-facets";

/** Where an analysis matched the query: one of its failures, or its own title and summary. */
export interface AnalysisMatch {
  failure?: { key: string; number: number; title: string };
  parts: SnippetPart[];
}

export type AnalysisHit = AnalysisSummary & { id: number; match?: AnalysisMatch };

export interface AnalysisSearchResult {
  analyses: AnalysisHit[];
  total: number;
  /** The page shown: the one asked for, or the last one when that is past the end. */
  page: number;
  pageCount: number;
  facets: Record<AnalysisFacet | ReviewFacetName, FacetValue[]>;
  /** True when a text query has no searchable words (e.g. only punctuation). */
  emptyQuery: boolean;
}

/** `viewerId`: the signed-in reviewer, for "by me". */
export async function searchAnalyses(filters: AnalysisFilters, viewerId?: number): Promise<AnalysisSearchResult> {
  const asTyped = { ...filters, viewerId };
  const idsOf = (criteria: AnalysisCriteria, page: number) =>
    analysisIdsPage(criteria, filters.sort, filters.dir, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  // The relevance order ranks the text matches itself: its page is read while they are.
  const ranked = filters.sort === "relevance" && isSearchable(filters.q) ? idsOf(asTyped, filters.page) : null;
  ranked?.catch(() => {}); // awaited below; a failure of the match first must not leave it unhandled
  // A text query is matched once, here; every query below reads the matching ids.
  const criteria = await withTextMatches(asTyped);
  const pageIds = (page: number) => idsOf(criteria, page);
  const asked = ranked ?? pageIds(filters.page);
  // The asked-for page's rows and snippets are read as soon as its ids are, alongside the counts;
  // only a page past the end is read again.
  const rowsOf = (ids: number[]) => Promise.all([analysisRows(ids), matchesOf(filters.q, ids)] as const);
  const askedRows = asked.then(rowsOf);
  askedRows.catch(() => {}); // awaited below, after the counts
  const tallied = countAndTallyAnalyses(criteria);
  const counted = tallied.then((t) => t.total);
  const [{ total, facets: counts }, gapRows, reviewed] = await Promise.all([
    tallied,
    prisma.knowledgeGap.findMany({ select: { id: true, label: true } }),
    analysisReviewsFor(criteria, counted),
  ]);
  const items = analysisReviewItems(reviewed.annotations, reviewed.reviews, viewerId);
  const reviewCounts = countReviewFacets(
    items.values(),
    reviewed.total - items.size,
    { review: filters.review, mine: filters.mine, viewer: viewerId !== undefined, tags: filters.tags, reviewers: filters.reviewers },
    ANALYSIS_REVIEW_FILTERS,
  );
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const [analyses, matches] = page === filters.page ? await askedRows : await pageIds(page).then(rowsOf);
  return {
    analyses: analyses.map((a) => ({ ...a, match: matches.get(a.id) })),
    total,
    page,
    pageCount,
    facets: {
      ...facetValues(counts, filters, gapRows),
      ...reviewFacetValues(reviewCounts, filters, { review: ANALYSIS_REVIEW_LABELS, mine: ANALYSIS_MINE_LABELS }),
    },
    emptyQuery: Boolean(filters.q) && !isSearchable(filters.q),
  };
}

/** The list's rows of analyses `ids`, in that order. */
function analysisRows(ids: number[]) {
  return inIdOrder(ids, (chunk) =>
    prisma.analysis.findMany({ where: { id: { in: chunk } }, select: { ...analysisSummarySelect, id: true } }),
  );
}

/** Each analysis's best-matching failure (bm25), snippeted; else its own title, task id and summary. */
async function matchesOf(q: string | undefined, ids: number[]): Promise<Map<number, AnalysisMatch>> {
  // PostgreSQL scores only the page's failures, not every match in the set.
  const ranked = q ? failureRanked(q, { analysisIds: ids }) : null;
  const out = new Map<number, AnalysisMatch>();
  if (!ranked || !ids.length) return out;
  const [best, own] = await Promise.all([
    prisma.$queryRaw<{ analysisId: number | bigint; id: number | bigint }[]>`
      SELECT "analysisId", id FROM (
        SELECT f."analysisId", f."id" AS id, row_number() OVER (PARTITION BY f."analysisId" ORDER BY x.r, f."number") AS rn
        FROM (${ranked}) x
        JOIN "Failure" f ON f."id" = x.id WHERE f."analysisId" IN (${Prisma.join(ids)})
      ) best WHERE rn = 1`,
    prisma.analysis.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, taskId: true, summary: true } }),
  ]);
  const failures = await prisma.failure.findMany({
    where: { id: { in: best.map((b) => Number(b.id)) } },
    select: {
      id: true,
      analysisId: true,
      key: true,
      number: true,
      title: true,
      rootCause: true,
      modelText: true,
      idealText: true,
      codeBlocks: { orderBy: [{ side: "asc" }, { position: "asc" }], select: { value: true } },
    },
  });
  const failureParts = snippets(
    q,
    failures.map((f) => ({
      id: f.id,
      fields: [f.rootCause, `${f.modelText}\n${f.idealText}`, f.codeBlocks.map((c) => c.value).join("\n")],
      fallback: f.title,
    })),
  );
  for (const f of failures) {
    const parts = failureParts.get(f.id);
    if (parts) out.set(f.analysisId, { failure: { key: f.key, number: f.number, title: f.title }, parts });
  }
  const ownParts = snippets(
    q,
    own.filter((a) => !out.has(a.id)).map((a) => ({ id: a.id, fields: [a.summary, a.taskId], fallback: a.title })),
  );
  for (const [id, parts] of ownParts) out.set(id, { parts });
  return out;
}
