// The /gaps view: each knowledge-gap category with its failures, their severity mix, and the analyses
// that have it (a failure tagged with it, or the document's own gap list) with their mean score.
import "server-only";
import { prisma } from "../db";
import type { GapSort } from "../filters/trainer-params";
import { SEVERITIES, type Severity } from "../domain";

export interface GapSummary {
  id: string;
  label: string;
  description: string;
  /** Failures tagged with this gap at any rank (what /failures?gap= lists). */
  failureCount: number;
  /** Failures whose primary gap it is. */
  primaryCount: number;
  severity: Record<Severity, number>;
  analysisCount: number;
  scoredCount: number;
  meanScore: number | null;
}

function emptyMix(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
}

type MixRow = { gapId: string; severity: string; n: number | bigint };
type PrimaryRow = { gapId: string; n: number | bigint };
type ReachRow = { gapId: string; analyses: number | bigint; scored: number | bigint; total: number | string | null };

export async function listGaps(sort: GapSort = "failures"): Promise<GapSummary[]> {
  // Aggregated in SQL: the gap links carry severity and analysis, so no row per link leaves the database.
  // Each query reads a pre-counted table (lib/data/gap-facet.ts): links per (gap, severity, platform),
  // failures per primary gap, analyses per gap (its failures' analyses and documents that list it).
  const [gaps, mixRows, primaryRows, reachRows] = await Promise.all([
    prisma.knowledgeGap.findMany({ select: { id: true, label: true, description: true } }),
    prisma.$queryRaw<MixRow[]>`SELECT "gapId", "severity", sum("links") AS n FROM "GapFacet" GROUP BY 1, 2`,
    prisma.$queryRaw<PrimaryRow[]>`SELECT "primaryGap" AS "gapId", sum("failures") AS n FROM "FailureFacet" GROUP BY 1`,
    // An analysis has a gap when one of its failures is tagged with it or its own gap list names it.
    prisma.$queryRaw<ReachRow[]>`
      SELECT "gapId", sum("analyses") AS analyses, sum("scored") AS scored, sum("scoreTotal") AS total FROM "AnalysisGapFacet" GROUP BY 1`,
  ]);
  const byGap = new Map<
    string,
    { mix: Record<Severity, number>; failures: number; primary: number; analyses: number; scored: number; total: number }
  >();
  const entry = (id: string) => {
    let e = byGap.get(id);
    if (!e) byGap.set(id, (e = { mix: emptyMix(), failures: 0, primary: 0, analyses: 0, scored: 0, total: 0 }));
    return e;
  };
  for (const row of mixRows) {
    const e = entry(row.gapId);
    const severity = (SEVERITIES as readonly string[]).includes(row.severity) ? (row.severity as Severity) : "unknown";
    e.mix[severity] += Number(row.n);
    e.failures += Number(row.n);
  }
  for (const row of primaryRows) entry(row.gapId).primary = Number(row.n);
  for (const row of reachRows)
    Object.assign(entry(row.gapId), { analyses: Number(row.analyses), scored: Number(row.scored), total: Number(row.total ?? 0) });

  const summaries = gaps.flatMap((gap): GapSummary[] => {
    const e = byGap.get(gap.id);
    if (!e) return [];
    return [
      {
        id: gap.id,
        label: gap.label,
        description: gap.description,
        failureCount: e.failures,
        primaryCount: e.primary,
        severity: e.mix,
        analysisCount: e.analyses,
        scoredCount: e.scored,
        meanScore: e.scored ? e.total / e.scored : null,
      },
    ];
  });
  const key: Record<GapSort, (g: GapSummary) => number | string> = {
    failures: (g) => -g.failureCount,
    critical: (g) => -g.severity.critical,
    analyses: (g) => -g.analysisCount,
    score: (g) => -(g.meanScore ?? -1),
    label: (g) => g.label.toLowerCase(),
  };
  return summaries.sort((a, b) => {
    const x = key[sort](a);
    const y = key[sort](b);
    return x < y ? -1 : x > y ? 1 : b.failureCount - a.failureCount || a.label.localeCompare(b.label);
  });
}
