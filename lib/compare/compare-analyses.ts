// /compare: two analyses side by side (scores, severity counts, knowledge gaps) and their failures
// aligned into shared / only-in-A / only-in-B by knowledge gap and title similarity.
import "server-only";
import { prisma } from "../db";
import type { Severity } from "../parser/types";
import { alignFailures, type Alignment } from "./align-failures";

export interface CompareFailure {
  number: number;
  title: string;
  severity: Severity;
  gaps: string[];
  url: string;
}

export interface CompareSide {
  id: number;
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  language: string | null;
  scoreValue: number | null;
  scoreMax: number | null;
  scoreNorm: number | null;
  counts: Record<Severity, number>;
  failureCount: number;
  failureLoad: number;
  gapIds: string[];
  failures: CompareFailure[];
  url: string;
}

export interface GapRef {
  id: string;
  label: string;
}

export interface Comparison {
  a: CompareSide;
  b: CompareSide;
  gaps: { shared: GapRef[]; onlyA: GapRef[]; onlyB: GapRef[] };
  alignment: Alignment<CompareFailure>;
}

export interface AnalysisOption {
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
}

export async function getCompareSide(slug: string): Promise<CompareSide | null> {
  const a = await prisma.analysis.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, title: true, taskId: true, platform: true, language: true,
      scoreValue: true, scoreMax: true, scoreNorm: true, failureCount: true, failureLoad: true,
      criticalCount: true, highCount: true, mediumCount: true, lowCount: true, unknownCount: true,
      gaps: { select: { gapId: true } },
      failures: {
        orderBy: { number: "asc" },
        select: { number: true, title: true, severity: true, gaps: { orderBy: { rank: "asc" }, select: { gapId: true } } },
      },
    },
  });
  if (!a) return null;
  const failures = a.failures.map((f) => ({
    number: f.number,
    title: f.title,
    severity: f.severity as Severity,
    gaps: f.gaps.map((g) => g.gapId),
    url: `/analyses/${encodeURIComponent(a.slug)}/failures/${f.number}`,
  }));
  const gapIds = [...new Set([...failures.flatMap((f) => f.gaps), ...a.gaps.map((g) => g.gapId)])].filter((g) => g !== "unclassified");
  return {
    id: a.id, slug: a.slug, title: a.title, taskId: a.taskId, platform: a.platform, language: a.language,
    scoreValue: a.scoreValue, scoreMax: a.scoreMax, scoreNorm: a.scoreNorm,
    counts: { critical: a.criticalCount, high: a.highCount, medium: a.mediumCount, low: a.lowCount, unknown: a.unknownCount },
    failureCount: a.failureCount, failureLoad: a.failureLoad, gapIds, failures,
    url: `/analyses/${encodeURIComponent(a.slug)}`,
  };
}

export function compareSides(a: CompareSide, b: CompareSide, labels: Map<string, string>): Comparison {
  const ref = (id: string): GapRef => ({ id, label: labels.get(id) ?? id });
  const byLabel = (x: GapRef, y: GapRef) => x.label.localeCompare(y.label);
  return {
    a,
    b,
    gaps: {
      shared: a.gapIds.filter((g) => b.gapIds.includes(g)).map(ref).sort(byLabel),
      onlyA: a.gapIds.filter((g) => !b.gapIds.includes(g)).map(ref).sort(byLabel),
      onlyB: b.gapIds.filter((g) => !a.gapIds.includes(g)).map(ref).sort(byLabel),
    },
    alignment: alignFailures(a.failures, b.failures),
  };
}

export type CompareResult =
  | { ok: true; comparison: Comparison }
  | { ok: false; missing: ("a" | "b")[] };

export async function compareAnalyses(slugA: string, slugB: string): Promise<CompareResult> {
  const [a, b, gaps] = await Promise.all([
    getCompareSide(slugA),
    getCompareSide(slugB),
    prisma.knowledgeGap.findMany({ select: { id: true, label: true } }),
  ]);
  if (!a || !b) return { ok: false, missing: [...(a ? [] : (["a"] as const)), ...(b ? [] : (["b"] as const))] };
  return { ok: true, comparison: compareSides(a, b, new Map(gaps.map((g) => [g.id, g.label]))) };
}

export async function listAnalysisOptions(): Promise<AnalysisOption[]> {
  return prisma.analysis.findMany({
    select: { slug: true, title: true, taskId: true, platform: true },
    orderBy: [{ platform: "asc" }, { title: "asc" }, { slug: "asc" }],
  });
}

export interface SuggestedPair {
  a: AnalysisOption;
  b: AnalysisOption;
  sharedGaps: number;
  similarity: number;
}

/** Pairs worth comparing: the analyses whose knowledge-gap sets overlap most (Jaccard), same platform first. */
export async function suggestPairs(limit = 5): Promise<SuggestedPair[]> {
  const rows = await prisma.analysis.findMany({
    where: { failureCount: { gt: 0 } },
    // Pairwise work grows with the square: look at the most recent few hundred only.
    orderBy: { updatedAt: "desc" },
    take: 400,
    select: {
      slug: true, title: true, taskId: true, platform: true,
      failures: { select: { gaps: { select: { gapId: true } } } },
    },
  });
  const sets = rows.map((r) => ({
    option: { slug: r.slug, title: r.title, taskId: r.taskId, platform: r.platform },
    gaps: new Set(r.failures.flatMap((f) => f.gaps.map((g) => g.gapId)).filter((g) => g !== "unclassified")),
  }));
  const pairs: SuggestedPair[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const x = sets[i]!;
      const y = sets[j]!;
      const shared = [...x.gaps].filter((g) => y.gaps.has(g)).length;
      const union = new Set([...x.gaps, ...y.gaps]).size;
      if (!shared || !union) continue;
      const samePlatform = x.option.platform && x.option.platform === y.option.platform ? 0.1 : 0;
      pairs.push({ a: x.option, b: y.option, sharedGaps: shared, similarity: shared / union + samePlatform });
    }
  }
  return pairs.sort((p, q) => q.similarity - p.similarity || q.sharedGaps - p.sharedGaps).slice(0, limit);
}
