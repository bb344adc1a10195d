// Review state per failure, for lists, filters and exports (issue 17 "Find and act"): who reviewed
// each current failure, verdict counts, tags, and whether it is disputed (any disagree, or a proposed
// severity other than the parsed one). One query over the annotations of the given analyses.
import { prisma } from "../db";
import { bySeverity } from "../domain";

export interface FailureReviewState {
  reviewers: string[];
  agree: number;
  disagree: number;
  unsure: number;
  /** Any disagree, or a proposed severity other than `severity` (the parsed one). */
  disputed: boolean;
  /** Most proposed severity, when reviewers proposed any (ties: the more severe). */
  proposedSeverity: string | null;
  tags: string[];
}

export const reviewKey = (analysisId: number, failureKey: string) => `${analysisId}\u0000${failureKey}`;

/**
 * Review state of failures, keyed by reviewKey(analysisId, failureKey). `severities` gives each
 * failure's parsed severity under the same key (for "disputed"); failures without annotations are absent.
 */
export async function reviewStates(analysisIds: number[], severities: Map<string, string>): Promise<Map<string, FailureReviewState>> {
  const rows = analysisIds.length
    ? await prisma.annotation.findMany({
        where: { analysisId: { in: analysisIds } },
        select: {
          analysisId: true,
          failureKey: true,
          verdict: true,
          proposedSeverity: true,
          tagsJson: true,
          reviewer: { select: { name: true } },
        },
        orderBy: { id: "asc" },
      })
    : [];
  const states = new Map<string, FailureReviewState & { proposals: Map<string, number> }>();
  for (const row of rows) {
    const key = reviewKey(row.analysisId, row.failureKey);
    let state = states.get(key);
    if (!state) {
      state = { reviewers: [], agree: 0, disagree: 0, unsure: 0, disputed: false, proposedSeverity: null, tags: [], proposals: new Map() };
      states.set(key, state);
    }
    state.reviewers.push(row.reviewer.name);
    if (row.verdict === "agree" || row.verdict === "disagree" || row.verdict === "unsure") state[row.verdict]++;
    const parsed = severities.get(key);
    if (row.verdict === "disagree" || (row.proposedSeverity && parsed !== undefined && row.proposedSeverity !== parsed))
      state.disputed = true;
    if (row.proposedSeverity) state.proposals.set(row.proposedSeverity, (state.proposals.get(row.proposedSeverity) ?? 0) + 1);
    try {
      for (const tag of JSON.parse(row.tagsJson) as unknown[])
        if (typeof tag === "string" && !state.tags.includes(tag)) state.tags.push(tag);
    } catch {
      // a malformed tag list adds no tags
    }
  }
  const out = new Map<string, FailureReviewState>();
  for (const [key, { proposals, ...state }] of states) {
    const best = [...proposals.entries()].sort((a, b) => b[1] - a[1] || bySeverity(a[0], b[0]))[0];
    out.set(key, { ...state, proposedSeverity: best?.[0] ?? null });
  }
  return out;
}
