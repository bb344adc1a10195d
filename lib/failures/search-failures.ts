// The cross-analysis failure explorer: one page of failures matching the URL's filters, plus facet
// counts per severity, knowledge gap and platform, each counted with the *other* filters applied.
import "server-only";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { toFtsQuery } from "../data/search-index";
import { PAGE_SIZE, type FailureFilters } from "../filters/view-params";
import { SEVERITIES, type Severity } from "../parser/types";

/** Full-text matches beyond this many are not considered (the best-ranked first). */
const FTS_LIMIT = 5000;

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

/** Failure ids matching a full-text query, best first; null when the query has no searchable words. */
export async function matchFailureIds(q: string): Promise<number[] | null> {
  const match = toFtsQuery(q);
  if (!match) return null;
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT rowid AS id FROM "failure_fts" WHERE "failure_fts" MATCH ${match} ORDER BY rank LIMIT ${FTS_LIMIT}`;
  return rows.map((r) => Number(r.id));
}

type Facet = "severity" | "gap" | "platform";

function whereFor(filters: FailureFilters, ftsIds: number[] | null, without?: Facet): Prisma.FailureWhereInput {
  const and: Prisma.FailureWhereInput[] = [];
  if (ftsIds) and.push({ id: { in: ftsIds } });
  if (without !== "severity" && filters.severities.length) and.push({ severity: { in: filters.severities } });
  if (without !== "gap" && filters.gaps.length) and.push({ gaps: { some: { gapId: { in: filters.gaps } } } });
  if (without !== "platform" && filters.platform) and.push({ analysis: { platform: filters.platform } });
  return and.length ? { AND: and } : {};
}

function orderFor(sort: FailureFilters["sort"]): Prisma.FailureOrderByWithRelationInput[] {
  if (sort === "analysis") return [{ analysis: { title: "asc" } }, { analysisId: "asc" }, { number: "asc" }];
  if (sort === "recent") return [{ analysis: { updatedAt: "desc" } }, { analysisId: "desc" }, { number: "asc" }];
  return [{ severityRank: "asc" }, { analysis: { title: "asc" } }, { analysisId: "asc" }, { number: "asc" }];
}

export async function searchFailures(filters: FailureFilters): Promise<FailureSearchResult> {
  const ftsIds = filters.q ? await matchFailureIds(filters.q) : null;
  const emptyQuery = Boolean(filters.q) && ftsIds === null;
  const where = whereFor(filters, ftsIds);
  const total = await prisma.failure.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const [rows, facets] = await Promise.all([
    prisma.failure.findMany({
      where,
      orderBy: orderFor(filters.sort),
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, number: true, title: true, severity: true, severityNote: true, location: true, rootCause: true, status: true,
        analysis: { select: { slug: true, title: true, taskId: true, platform: true } },
        gaps: { orderBy: { rank: "asc" }, select: { gap: { select: { id: true, label: true } } } },
      },
    }),
    failureFacets(filters, ftsIds),
  ]);
  const hits = rows.map(({ gaps, ...rest }) => ({ ...rest, gaps: gaps.map((g) => g.gap) }));
  return { hits, total, page, pageCount, facets, emptyQuery };
}

async function failureFacets(filters: FailureFilters, ftsIds: number[] | null): Promise<FailureFacets> {
  const [bySeverity, byGap, byAnalysis, gapRows] = await Promise.all([
    prisma.failure.groupBy({ by: ["severity"], where: whereFor(filters, ftsIds, "severity"), _count: { _all: true } }),
    prisma.failureGap.groupBy({ by: ["gapId"], where: { failure: whereFor(filters, ftsIds, "gap") }, _count: { _all: true } }),
    prisma.failure.groupBy({ by: ["analysisId"], where: whereFor(filters, ftsIds, "platform"), _count: { _all: true } }),
    prisma.knowledgeGap.findMany({ select: { id: true, label: true } }),
  ]);

  const severityCount = new Map(bySeverity.map((row) => [row.severity, row._count._all]));
  const severity = SEVERITIES.map((s: Severity) => ({
    value: s, label: s, count: severityCount.get(s) ?? 0, selected: filters.severities.includes(s),
  })).filter((f) => f.count > 0 || f.selected || f.value !== "unknown");

  const gapCount = new Map(byGap.map((row) => [row.gapId, row._count._all]));
  const gap = gapRows
    .map((g) => ({ value: g.id, label: g.label, count: gapCount.get(g.id) ?? 0, selected: filters.gaps.includes(g.id) }))
    .filter((f) => f.count > 0 || f.selected)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  const analyses = await prisma.analysis.findMany({
    where: { id: { in: byAnalysis.map((row) => row.analysisId) } },
    select: { id: true, platform: true },
  });
  const platformOf = new Map(analyses.map((a) => [a.id, a.platform]));
  const platformCount = new Map<string, number>();
  for (const row of byAnalysis) {
    const platform = platformOf.get(row.analysisId);
    if (platform) platformCount.set(platform, (platformCount.get(platform) ?? 0) + row._count._all);
  }
  if (filters.platform && !platformCount.has(filters.platform)) platformCount.set(filters.platform, 0);
  const platform = [...platformCount]
    .map(([value, count]) => ({ value, label: value, count, selected: filters.platform === value }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  return { severity, gap, platform };
}
