// The trainer's view of reviews (issue 17): per analysis and per knowledge gap, how many current
// failures reviewers have reviewed and disputed, and an analysis's severity counts "as reviewed".
// A failure's severity as reviewed: each verdict votes for its proposed severity, or for the parsed
// one when it proposes none; the most votes win, a tie keeps the parsed severity when it is among the
// tied, else the more severe. Annotations are few (people write them): read whole, one query each.
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { bySeverity, SEVERITIES, type Severity } from "../domain";

/** The severity reviewers give a failure parsed as `parsed`, from each verdict's proposal (null: none). Pure. */
export function severityAsReviewed(parsed: string, proposals: (string | null)[]): string {
  if (!proposals.length) return parsed;
  const votes = new Map<string, number>();
  for (const p of proposals) votes.set(p ?? parsed, (votes.get(p ?? parsed) ?? 0) + 1);
  const best = Math.max(...votes.values());
  const tied = [...votes].filter(([, n]) => n === best).map(([s]) => s);
  if (tied.includes(parsed)) return parsed;
  return tied.sort(bySeverity)[0]!;
}

export interface ReviewShare {
  /** Current failures with at least one verdict. */
  reviewed: number;
  /** Current failures with a disagree or a proposed severity other than the parsed one. */
  disputed: number;
  /** Severity counts as reviewed, when they differ from the parsed ones (else null). */
  asReviewed: Record<Severity, number> | null;
}

type Row = { failureId: number | bigint; analysisId: number | bigint; severity: string; verdict: string; proposedSeverity: string | null };

interface FailureReview {
  analysisId: number;
  severity: string;
  disputed: boolean;
  proposals: (string | null)[];
}

async function reviewedFailures(analysisId?: number): Promise<Map<number, FailureReview>> {
  const one = analysisId === undefined ? Prisma.empty : Prisma.sql`WHERE n."analysisId" = ${analysisId}`;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT f."id" AS "failureId", f."analysisId" AS "analysisId", f."severity" AS "severity", n."verdict" AS "verdict", n."proposedSeverity" AS "proposedSeverity"
    FROM "Annotation" n JOIN "Failure" f ON f."analysisId" = n."analysisId" AND f."key" = n."failureKey" ${one}`;
  const out = new Map<number, FailureReview>();
  for (const row of rows) {
    const id = Number(row.failureId);
    let f = out.get(id);
    if (!f) out.set(id, (f = { analysisId: Number(row.analysisId), severity: row.severity, disputed: false, proposals: [] }));
    if (row.verdict === "disagree" || (row.proposedSeverity !== null && row.proposedSeverity !== row.severity)) f.disputed = true;
    f.proposals.push(row.proposedSeverity);
  }
  return out;
}

/** Per analysis id: reviewed and disputed failures, and the severity counts as reviewed when they differ. */
export async function analysisReviewShares(
  parsedCounts: Map<number, Record<Severity, number>>,
  onlyAnalysis?: number,
): Promise<Map<number, ReviewShare>> {
  const out = new Map<number, ReviewShare>();
  for (const f of (await reviewedFailures(onlyAnalysis)).values()) {
    let share = out.get(f.analysisId);
    if (!share) out.set(f.analysisId, (share = { reviewed: 0, disputed: 0, asReviewed: null }));
    share.reviewed++;
    if (f.disputed) share.disputed++;
    const reviewed = severityAsReviewed(f.severity, f.proposals);
    const parsed = parsedCounts.get(f.analysisId);
    if (reviewed !== f.severity && parsed) {
      share.asReviewed ??= { ...parsed };
      const from = f.severity as Severity;
      const to = reviewed as Severity;
      if (SEVERITIES.includes(from)) share.asReviewed[from]--;
      if (SEVERITIES.includes(to)) share.asReviewed[to]++;
    }
  }
  return out;
}

/** Per knowledge gap: its failures (any rank) that are reviewed and disputed. */
export async function gapReviewShares(): Promise<Map<string, { reviewed: number; disputed: number }>> {
  const failures = await reviewedFailures();
  const out = new Map<string, { reviewed: number; disputed: number }>();
  if (!failures.size) return out;
  const links = await prisma.$queryRaw<{ gapId: string; failureId: number | bigint }[]>`
    SELECT DISTINCT g."gapId" AS "gapId", g."failureId" AS "failureId"
    FROM "FailureGap" g JOIN "Failure" f ON f."id" = g."failureId"
    WHERE EXISTS (SELECT 1 FROM "Annotation" n WHERE n."analysisId" = f."analysisId" AND n."failureKey" = f."key")`;
  for (const link of links) {
    const f = failures.get(Number(link.failureId));
    if (!f) continue;
    let share = out.get(link.gapId);
    if (!share) out.set(link.gapId, (share = { reviewed: 0, disputed: 0 }));
    share.reviewed++;
    if (f.disputed) share.disputed++;
  }
  return out;
}

/** Review shares of these analyses (their parsed counts from the rows), keyed by analysis id. */
export function reviewSharesOf(
  rows: { id: number; criticalCount: number; highCount: number; mediumCount: number; lowCount: number; unknownCount: number }[],
): Promise<Map<number, ReviewShare>> {
  return analysisReviewShares(
    new Map(
      rows.map((r) => [
        r.id,
        { critical: r.criticalCount, high: r.highCount, medium: r.mediumCount, low: r.lowCount, unknown: r.unknownCount },
      ]),
    ),
  );
}

/** One analysis's review share (its page); undefined when nobody reviewed it. */
export async function reviewShareOf(analysisId: number): Promise<ReviewShare | undefined> {
  const a = await prisma.analysis.findUnique({
    where: { id: analysisId },
    select: { criticalCount: true, highCount: true, mediumCount: true, lowCount: true, unknownCount: true },
  });
  if (!a) return undefined;
  const parsed = { critical: a.criticalCount, high: a.highCount, medium: a.mediumCount, low: a.lowCount, unknown: a.unknownCount };
  return (await analysisReviewShares(new Map([[analysisId, parsed]]), analysisId)).get(analysisId);
}
