// /compare: two analyses side by side (scores, severity counts, knowledge gaps) and their failures
// aligned into shared / only-in-A / only-in-B by knowledge gap and title similarity.
import type { Route } from "next";
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { jsonArrayAgg } from "../data/dialect";
import { SEVERITY_RANK, type Severity } from "../domain";
import { scoreSource, type ScoreSource } from "../scores/score-source";
import { alignFailures, type Alignment } from "./align-failures";
import { analysisHref, failureHref } from "../routes/paths";

export interface CompareFailure {
  number: number;
  /** The failure's stable key (Failure.key): what its URL names. */
  key: string;
  title: string;
  severity: Severity;
  gaps: string[];
  url: Route;
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
  /** Which line of the document the score was read from (its label), when recorded. */
  scoreSource: ScoreSource | null;
  counts: Record<Severity, number>;
  failureCount: number;
  failureLoad: number;
  gapIds: string[];
  failures: CompareFailure[];
  url: Route;
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
  /** How many failures of each side were aligned: the first COMPARE_MAX_FAILURES by number. */
  compared: { a: number; b: number; limit: number };
}

/**
 * Failures of each side loaded and aligned. Beyond it the comparison covers the first N failures by
 * number and says so (two 10k-failure analyses once took the server down); the alignment itself is
 * bounded too (./align-failures.ts).
 */
export const COMPARE_MAX_FAILURES = 5_000;

export interface AnalysisOption {
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
}

interface FailureRow {
  number: number | bigint;
  key: string;
  title: string;
  severity: string;
  gaps: string;
}

export async function getCompareSide(slug: string, limit = COMPARE_MAX_FAILURES): Promise<CompareSide | null> {
  const a = await prisma.analysis.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      taskId: true,
      platform: true,
      language: true,
      scoreValue: true,
      scoreMax: true,
      scoreNorm: true,
      scoresJson: true,
      failureCount: true,
      failureLoad: true,
      criticalCount: true,
      highCount: true,
      mediumCount: true,
      lowCount: true,
      unknownCount: true,
      gaps: { select: { gapId: true } },
    },
  });
  if (!a) return null;
  // One statement with a LIMIT, gaps as a JSON array per failure: Prisma's nested include binds every
  // failure id as a variable, which fails above ~32k failures ("too many SQL variables").
  const rows = await prisma.$queryRaw<FailureRow[]>`
    SELECT f."number", f."key", f."title", f."severity",
      (SELECT ${jsonArrayAgg(Prisma.sql`g."gapId"`)} FROM (SELECT "gapId" FROM "FailureGap" WHERE "failureId" = f."id" ORDER BY "rank", "gapId") g) AS "gaps"
    FROM "Failure" f WHERE f."analysisId" = ${a.id} ORDER BY f."number" LIMIT ${limit}`;
  const failures = rows.map((f) => ({
    number: Number(f.number),
    key: f.key,
    title: f.title,
    severity: f.severity as Severity,
    gaps: JSON.parse(f.gaps) as string[],
    // The stable key, not the display number: numbers shift when a document is re-ingested.
    url: failureHref(a.slug, f.key),
  }));
  const failureGaps = await prisma.$queryRaw<{ gapId: string }[]>`
    SELECT DISTINCT g."gapId" FROM "Failure" f JOIN "FailureGap" g ON g."failureId" = f."id" WHERE f."analysisId" = ${a.id} ORDER BY 1`;
  const gapIds = [...new Set([...failureGaps.map((g) => g.gapId), ...a.gaps.map((g) => g.gapId)])].filter((g) => g !== "unclassified");
  const { gaps: _gaps, scoresJson, criticalCount, highCount, mediumCount, lowCount, unknownCount, ...side } = a;
  return {
    ...side,
    scoreSource: scoreSource(scoresJson, a.scoreValue, a.scoreMax),
    counts: { critical: criticalCount, high: highCount, medium: mediumCount, low: lowCount, unknown: unknownCount },
    gapIds,
    failures,
    url: analysisHref(a.slug),
  };
}

export function compareSides(a: CompareSide, b: CompareSide, labels: Map<string, string>): Comparison {
  const ref = (id: string): GapRef => ({ id, label: labels.get(id) ?? id });
  const byLabel = (x: GapRef, y: GapRef) => x.label.localeCompare(y.label);
  return {
    a,
    b,
    gaps: {
      shared: a.gapIds
        .filter((g) => b.gapIds.includes(g))
        .map(ref)
        .sort(byLabel),
      onlyA: a.gapIds
        .filter((g) => !b.gapIds.includes(g))
        .map(ref)
        .sort(byLabel),
      onlyB: b.gapIds
        .filter((g) => !a.gapIds.includes(g))
        .map(ref)
        .sort(byLabel),
    },
    alignment: alignFailures(a.failures, b.failures),
    compared: { a: a.failures.length, b: b.failures.length, limit: COMPARE_MAX_FAILURES },
  };
}

export type CompareResult = { ok: true; comparison: Comparison } | { ok: false; missing: ("a" | "b")[] };

export async function compareAnalyses(slugA: string, slugB: string): Promise<CompareResult> {
  const [a, b, gaps] = await Promise.all([
    getCompareSide(slugA),
    getCompareSide(slugB),
    prisma.knowledgeGap.findMany({ select: { id: true, label: true } }),
  ]);
  if (!a || !b) return { ok: false, missing: [...(a ? [] : (["a"] as const)), ...(b ? [] : (["b"] as const))] };
  return { ok: true, comparison: compareSides(a, b, new Map(gaps.map((g) => [g.id, g.label]))) };
}

export interface SuggestedPair {
  a: AnalysisOption;
  b: AnalysisOption;
  sharedGaps: number;
  similarity: number;
}

/**
 * Pairs worth comparing: the analyses whose knowledge-gap sets overlap most (Jaccard), same platform
 * first, each analysis in at most one suggested pair (so five suggestions are five different choices).
 */
export async function suggestPairs(limit = 5): Promise<SuggestedPair[]> {
  // Pairwise work grows with the square: look at the most recent few hundred only.
  const recent = await prisma.analysis.findMany({
    where: { failureCount: { gt: 0 } },
    orderBy: { updatedAt: "desc" },
    take: 400,
    select: { id: true, slug: true, title: true, taskId: true, platform: true },
  });
  const links = await prisma.$queryRaw<{ analysisId: number | bigint; gapId: string }[]>`
    SELECT DISTINCT "analysisId", "gapId" FROM "FailureGap"
    WHERE "gapId" <> 'unclassified' AND "analysisId" IN (${Prisma.join(recent.length ? recent.map((r) => r.id) : [-1])})`;
  const gapsOf = new Map<number, Set<string>>();
  for (const { analysisId, gapId } of links) {
    const id = Number(analysisId);
    gapsOf.set(id, (gapsOf.get(id) ?? new Set()).add(gapId));
  }
  const sets = recent.map(({ id, ...option }) => ({ option, gaps: gapsOf.get(id) ?? new Set<string>() }));
  // The best pairs, kept in order as they are found (ties stay in the order they came); enough of
  // them that `limit` pairs of distinct analyses can be picked from the top.
  const keep = limit * 10;
  const top: SuggestedPair[] = [];
  const ahead = (p: { similarity: number; sharedGaps: number }, q: SuggestedPair) =>
    p.similarity - q.similarity || p.sharedGaps - q.sharedGaps;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const x = sets[i]!;
      const y = sets[j]!;
      let shared = 0;
      for (const g of x.gaps) if (y.gaps.has(g)) shared++;
      if (!shared) continue;
      const samePlatform = x.option.platform && x.option.platform === y.option.platform ? 0.1 : 0;
      const candidate = { sharedGaps: shared, similarity: shared / (x.gaps.size + y.gaps.size - shared) + samePlatform };
      if (top.length >= keep && ahead(candidate, top[top.length - 1]!) <= 0) continue;
      const at = top.findIndex((q) => ahead(candidate, q) > 0);
      top.splice(at === -1 ? top.length : at, 0, { a: x.option, b: y.option, ...candidate });
      if (top.length > keep) top.pop();
    }
  }
  const used = new Set<string>();
  return top
    .filter((pair) => {
      if (used.has(pair.a.slug) || used.has(pair.b.slug)) return false;
      used.add(pair.a.slug).add(pair.b.slug);
      return true;
    })
    .slice(0, limit);
}

export interface FailureDiffData {
  key: string;
  number: number;
  title: string;
  modelText: string;
  idealText: string;
  /** The prose as stored at ingest (null: rendered from the text). */
  modelHtml: string | null;
  idealHtml: string | null;
  blocks: { side: string; position: number; lang: string | null; value: string; linesHtml: string }[];
}

/** What the side-by-side diff of each named failure of one analysis needs (the expanded pairs only). */
export async function loadFailureDiffs(slug: string, keys: readonly string[]): Promise<Map<string, FailureDiffData>> {
  if (!keys.length) return new Map();
  const rows = await prisma.failure.findMany({
    where: { analysis: { slug }, key: { in: [...keys] } },
    select: {
      key: true,
      number: true,
      title: true,
      modelText: true,
      idealText: true,
      modelHtml: true,
      idealHtml: true,
      codeBlocks: {
        orderBy: [{ side: "asc" }, { position: "asc" }],
        select: { side: true, position: true, lang: true, value: true, linesHtml: true },
      },
    },
  });
  return new Map(rows.map((r) => [r.key, { ...r, blocks: r.codeBlocks }]));
}

export interface ComparisonSummary {
  onlyA: number;
  onlyB: number;
  both: number;
  /**
   * Pairs whose severity differs, B against A: worse = more severe in B, better = less severe,
   * ungraded = one side has no severity (unknown), so neither direction can be told.
   */
  moved: { worse: number; better: number; ungraded: number };
}

export type SeverityMove = "same" | "worse" | "better" | "ungraded";

/** How a paired failure's severity moved from A to B. */
export function severityMove(a: Severity, b: Severity): SeverityMove {
  if (a === b) return "same";
  if (a === "unknown" || b === "unknown") return "ungraded";
  return SEVERITY_RANK[b] < SEVERITY_RANK[a] ? "worse" : "better";
}

export function summarizeComparison(c: Comparison): ComparisonSummary {
  const moves = c.alignment.shared.map((p) => severityMove(p.a.severity, p.b.severity));
  const count = (m: SeverityMove) => moves.filter((x) => x === m).length;
  return {
    onlyA: c.alignment.onlyA.length,
    onlyB: c.alignment.onlyB.length,
    both: c.alignment.shared.length,
    moved: { worse: count("worse"), better: count("better"), ungraded: count("ungraded") },
  };
}
