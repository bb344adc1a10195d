// The cross-analysis failure explorer: one page of failures matching the URL's filters, plus facet
// counts per severity, knowledge gap and platform, each counted with the *other* filters applied.
import "server-only";
import { prisma } from "../db";
import { inIdOrder } from "../data/in-id-order";
import { failureIdsPage, hasSearchableWords, tallyFailures, type FailureCriteria, type FailureTally } from "./failure-criteria";
import { PAGE_SIZE, type FailureFilters } from "../filters/view-params";
import { SEVERITIES, type Severity } from "../parser/types";
import { snippets, type SnippetPart } from "../search/snippets";

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

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
  return { hits, total, page, pageCount, facets: toFacets(filters, counts, gapRows), emptyQuery };
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

function toFacets(
  filters: FailureFilters,
  counts: FailureTally["facets"],
  gapRows: { id: string; label: string }[],
): FailureFacets {
  const severity = SEVERITIES.map((s: Severity) => ({
    value: s, label: s, count: counts.severity.get(s) ?? 0, selected: filters.severities.includes(s),
  })).filter((f) => f.count > 0 || f.selected || f.value !== "unknown");

  const gap = gapRows
    .map((g) => ({ value: g.id, label: g.label, count: counts.gap.get(g.id) ?? 0, selected: filters.gaps.includes(g.id) }))
    .filter((f) => f.count > 0 || f.selected)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  const platformCount = new Map(counts.platform);
  for (const p of filters.platforms) if (!platformCount.has(p)) platformCount.set(p, 0);
  const platform = [...platformCount]
    .map(([value, count]) => ({ value, label: value, count, selected: filters.platforms.includes(value) }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  return { severity, gap, platform };
}
