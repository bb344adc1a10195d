// The cross-analysis failure explorer: one page of failures matching the URL's filters, plus facet
// counts per severity, knowledge gap and platform, each counted with the *other* filters applied.
import "server-only";
import { prisma } from "../db";
import { inIdOrder } from "../data/in-id-order";
import { failureIdsPage, hasSearchableWords, tallyFailures, type FailureCriteria, type FailureTally } from "./failure-criteria";
import { PAGE_SIZE, type FailureFilters } from "../filters/view-params";
import { SEVERITIES, type Severity } from "../parser/types";

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
  const criteria: FailureCriteria = { q: filters.q, severities: filters.severities, gaps: filters.gaps, platform: filters.platform };
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
  const hits = rows.map(({ gaps, ...rest }) => ({ ...rest, gaps: gaps.map((g) => g.gap) }));
  return { hits, total, page, pageCount, facets: toFacets(filters, counts, gapRows), emptyQuery };
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
  if (filters.platform && !platformCount.has(filters.platform)) platformCount.set(filters.platform, 0);
  const platform = [...platformCount]
    .map(([value, count]) => ({ value, label: value, count, selected: filters.platform === value }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  return { severity, gap, platform };
}
