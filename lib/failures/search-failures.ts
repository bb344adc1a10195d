// The cross-analysis failure explorer: one page of failures matching the URL's filters, plus facet
// counts per severity, knowledge gap and platform, each counted with the *other* filters applied.
import "server-only";
import { prisma } from "../db";
import { inIdOrder } from "../data/in-id-order";
import { failureIdsPage, hasSearchableWords, tallyFailures, type FailureCriteria } from "./failure-criteria";
import { PAGE_SIZE, type FailureFilters } from "../filters/view-params";
import { facetValues, type FacetValue } from "../search/facets";
import { snippets, type SnippetPart } from "../search/snippets";

export type { FacetValue } from "../search/facets";

export interface FailureFacets {
  severity: FacetValue[];
  gap: FacetValue[];
  platform: FacetValue[];
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

export async function searchFailures(filters: FailureFilters): Promise<FailureSearchResult> {
  const criteria: FailureCriteria = { q: filters.q, severities: filters.severities, gaps: filters.gaps, platforms: filters.platforms, review: filters.review };
  const emptyQuery = Boolean(filters.q) && !hasSearchableWords(filters.q);
  const [{ total, facets: counts }, gapRows] = await Promise.all([
    tallyFailures(criteria),
    prisma.knowledgeGap.findMany({ select: { id: true, label: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const ids = await failureIdsPage(criteria, filters.sort, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  const rows = await inIdOrder(ids, (chunk) =>
    prisma.failure.findMany({
      where: { id: { in: chunk } },
      select: {
        id: true, number: true, key: true, title: true, severity: true, severityNote: true, location: true, rootCause: true, status: true,
        analysis: { select: { slug: true, title: true, taskId: true, platform: true } },
        gaps: { orderBy: { rank: "asc" }, select: { gap: { select: { id: true, label: true } } } },
      },
    }),
  );
  const parts = await snippetsOf(filters.q, ids);
  const hits = rows.map(({ gaps, ...rest }) => ({ ...rest, gaps: gaps.map((g) => g.gap), snippet: parts.get(rest.id) }));
  return { hits, total, page, pageCount, facets: facetValues(counts, filters, gapRows), emptyQuery };
}

/** Snippets of one page of hits from their root cause, MODEL/IDEAL text and code (the title is on screen already). */
async function snippetsOf(q: string | undefined, ids: number[]): Promise<Map<number, SnippetPart[]>> {
  if (!q || !hasSearchableWords(q) || !ids.length) return new Map();
  const texts = await prisma.failure.findMany({
    where: { id: { in: ids } },
    select: { id: true, title: true, rootCause: true, modelText: true, idealText: true, codeBlocks: { orderBy: [{ side: "asc" }, { position: "asc" }], select: { value: true } } },
  });
  return snippets(q, texts.map((f) => ({ id: f.id, fields: [f.rootCause, `${f.modelText}\n${f.idealText}`, f.codeBlocks.map((c) => c.value).join("\n")] })));
}

