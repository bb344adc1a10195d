// The /gaps view: each knowledge-gap category with its failures, their severity mix, and the analyses
// that have it (a failure tagged with it, or the document's own gap list) with their mean score.
import "server-only";
import { prisma } from "../db";
import type { GapSort } from "../filters/trainer-params";
import { SEVERITIES, type Severity } from "../parser/types";

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

export async function listGaps(sort: GapSort = "failures"): Promise<GapSummary[]> {
  const [gaps, tags, documentGaps, analyses] = await Promise.all([
    prisma.knowledgeGap.findMany({ select: { id: true, label: true, description: true } }),
    prisma.failureGap.findMany({ select: { gapId: true, rank: true, failure: { select: { severity: true, analysisId: true } } } }),
    prisma.analysisGap.findMany({ select: { gapId: true, analysisId: true } }),
    prisma.analysis.findMany({ select: { id: true, scoreNorm: true } }),
  ]);
  const scoreOf = new Map(analyses.map((a) => [a.id, a.scoreNorm]));
  const byGap = new Map<string, { mix: Record<Severity, number>; failures: number; primary: number; analyses: Set<number> }>();
  const entry = (id: string) => {
    let e = byGap.get(id);
    if (!e) byGap.set(id, (e = { mix: emptyMix(), failures: 0, primary: 0, analyses: new Set() }));
    return e;
  };
  for (const tag of tags) {
    const e = entry(tag.gapId);
    e.failures++;
    if (tag.rank === 0) e.primary++;
    const severity = (SEVERITIES as readonly string[]).includes(tag.failure.severity) ? (tag.failure.severity as Severity) : "unknown";
    e.mix[severity]++;
    e.analyses.add(tag.failure.analysisId);
  }
  for (const g of documentGaps) entry(g.gapId).analyses.add(g.analysisId);

  const summaries = gaps.flatMap((gap): GapSummary[] => {
    const e = byGap.get(gap.id);
    if (!e) return [];
    const scores = [...e.analyses].flatMap((id) => {
      const s = scoreOf.get(id);
      return s === null || s === undefined ? [] : [s];
    });
    return [{
      id: gap.id,
      label: gap.label,
      description: gap.description,
      failureCount: e.failures,
      primaryCount: e.primary,
      severity: e.mix,
      analysisCount: e.analyses.size,
      scoredCount: scores.length,
      meanScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    }];
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
