// The cross-analysis failure explorer: one page of failures matching the URL's filters, plus facet
// counts per severity, knowledge gap and platform, each counted with the *other* filters applied.
import "server-only";
import { prisma } from "../db";
import { inIdOrder } from "../data/in-id-order";
import {
  failureAnnotationsFor,
  failureIdsPage,
  hasSearchableWords,
  reviewNarrowed,
  tallyFailures,
  type FailureCriteria,
} from "./failure-criteria";
import { PAGE_SIZE } from "../domain/lists";
import type { FailureFilters } from "../filters/view-params";
import { FAILURE_REVIEW_LABELS, MINE_LABELS, REVIEW_FILTERS } from "../filters/review-params";
import type { FacetValue } from "../domain";
import { facetValues, reviewFacetValues } from "../search/facets";
import { countReviewFacets, failureReviewItems } from "../reviews/review-facets";
import { reviewKey, reviewStates, type FailureReviewState } from "../reviews/summary";
import { snippets, type SnippetPart } from "../search/snippets";

export interface FailureFacets {
  severity: FacetValue[];
  gap: FacetValue[];
  platform: FacetValue[];
  /** Review facets (issue 17): state, by me, tag, reviewer. */
  review: FacetValue[];
  mine: FacetValue[];
  tag: FacetValue[];
  reviewer: FacetValue[];
}

export interface FailureHit {
  id: number;
  number: number;
  /** Stable link key within its analysis: links and the row's anchor use it. */
  key: string;
  title: string;
  severity: string;
  severityNote: string | null;
  location: string | null;
  rootCause: string | null;
  status: string | null;
  analysis: { slug: string; title: string; taskId: string | null; platform: string | null };
  gaps: { id: string; label: string }[];
  /** With a query: the words around what matched, matched words marked. */
  snippet?: SnippetPart[];
  /** What reviewers said of it (issue 17); null when nobody annotated it. */
  review: FailureReviewState | null;
}

export interface FailureSearchResult {
  hits: FailureHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: FailureFacets;
  /** True when a text query matched nothing searchable (e.g. only punctuation). */
  emptyQuery: boolean;
}

/** The explorer's criteria for its URL state; `viewerId` is the signed-in reviewer ("by me"). */
export function failureCriteriaOf(filters: Omit<FailureFilters, "sort" | "page">, viewerId?: number): FailureCriteria {
  return {
    q: filters.q,
    severities: filters.severities,
    gaps: filters.gaps,
    platforms: filters.platforms,
    review: filters.review,
    mine: filters.mine,
    viewerId,
    tags: filters.tags,
    reviewers: filters.reviewers,
  };
}

export async function searchFailures(filters: FailureFilters, viewerId?: number): Promise<FailureSearchResult> {
  const criteria = failureCriteriaOf(filters, viewerId);
  const emptyQuery = Boolean(filters.q) && !hasSearchableWords(filters.q);
  const tally = tallyFailures(criteria);
  // Without review filters the review facets count within the very failures the tally counts.
  const unreviewedTotal = reviewNarrowed(criteria) ? undefined : tally.then((t) => t.total);
  const window = (page: number) => ({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  // Ranked by relevance, the page needs no counts: the asked-for page (its ids, then its rows and
  // snippets) is read alongside them, and read again only when it is past the end.
  const byRelevance = filters.sort === "relevance" && hasSearchableWords(filters.q);
  const askedHits = byRelevance ? failureIdsPage(criteria, filters.sort, window(filters.page)).then((ids) => hitsOf(filters.q, ids)) : null;
  askedHits?.catch(() => {}); // awaited below, after the counts
  const [{ total, facets: counts }, gapRows, reviewed] = await Promise.all([
    tally,
    prisma.knowledgeGap.findMany({ select: { id: true, label: true } }),
    failureAnnotationsFor(criteria, unreviewedTotal),
  ]);
  const items = failureReviewItems(reviewed.rows, viewerId);
  const reviewCounts = countReviewFacets(
    items.values(),
    reviewed.total - items.size,
    { review: filters.review, mine: filters.mine, viewer: viewerId !== undefined, tags: filters.tags, reviewers: filters.reviewers },
    REVIEW_FILTERS,
  );
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  // The severity facet counts the matches per severity (every other filter applied): the page reads
  // only the severities its window falls in.
  const hits =
    askedHits && page === filters.page
      ? await askedHits
      : await hitsOf(filters.q, await failureIdsPage(criteria, filters.sort, window(page), counts.severity));
  const facets = {
    ...facetValues(counts, filters, gapRows),
    ...reviewFacetValues(reviewCounts, filters, { review: FAILURE_REVIEW_LABELS, mine: MINE_LABELS }),
  };
  return { hits, total, page, pageCount, facets, emptyQuery };
}

/** The list's rows of failures `ids`, in that order: each with its gaps, snippet and review state. */
async function hitsOf(q: string | undefined, ids: number[]): Promise<FailureHit[]> {
  const [rows, parts] = await Promise.all([
    inIdOrder(ids, (chunk) =>
      prisma.failure.findMany({
        where: { id: { in: chunk } },
        select: {
          id: true,
          number: true,
          key: true,
          title: true,
          severity: true,
          severityNote: true,
          location: true,
          rootCause: true,
          status: true,
          analysisId: true,
          analysis: { select: { slug: true, title: true, taskId: true, platform: true } },
          gaps: { orderBy: { rank: "asc" }, select: { gap: { select: { id: true, label: true } } } },
        },
      }),
    ),
    snippetsOf(q, ids),
  ]);
  const states = await reviewStates(
    [...new Set(rows.map((r) => r.analysisId))],
    new Map(rows.map((r) => [reviewKey(r.analysisId, r.key), r.severity])),
  );
  return rows.map(({ gaps, analysisId, ...rest }) => ({
    ...rest,
    gaps: gaps.map((g) => g.gap),
    snippet: parts.get(rest.id),
    review: states.get(reviewKey(analysisId, rest.key)) ?? null,
  }));
}

/** Snippets of one page of hits from their root cause, MODEL/IDEAL text and code (the title is on screen already). */
async function snippetsOf(q: string | undefined, ids: number[]): Promise<Map<number, SnippetPart[]>> {
  if (!q || !hasSearchableWords(q) || !ids.length) return new Map();
  const texts = await prisma.failure.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      title: true,
      rootCause: true,
      modelText: true,
      idealText: true,
      codeBlocks: { orderBy: [{ side: "asc" }, { position: "asc" }], select: { value: true } },
    },
  });
  return snippets(
    q,
    texts.map((f) => ({ id: f.id, fields: [f.rootCause, `${f.modelText}\n${f.idealText}`, f.codeBlocks.map((c) => c.value).join("\n")] })),
  );
}
