// Per analysis, per reviewer (issue 17): the "reviewed" tick (like GitHub's Viewed checkbox) and the
// overall comment. The only code that reads or writes AnalysisReview and AnalysisReviewRevision. A
// tick records the document's contentHash: once a re-ingest changes the document the tick is shown as
// given to an earlier version and no longer counts as reviewed (tick again); the comment stays. A
// comment's edits keep what it said before (who, when), like annotations; clearing it is an edit too.
import { prisma } from "../db";
import { renderComment } from "./markdown";
import { ReviewForbidden, ReviewNotFound, findAnalysis } from "./annotations";
import type { ReviewerIdentity } from "./reviewers";

export interface AnalysisReviewView {
  id: number;
  reviewer: { name: string; kind: string };
  /** "current": ticked for the document as it is; "stale": ticked, the document changed since; null: not ticked. */
  viewed: "current" | "stale" | null;
  viewedAt: string | null;
  comment: string;
  /** The comment as sanitized HTML (lib/reviews/markdown.ts). */
  commentHtml: string;
  createdAt: string;
  updatedAt: string;
  /** Earlier comments, newest first. */
  history: { editor: string; editedAt: string; comment: string }[];
  canEdit: boolean;
}

export interface AnalysisReviews {
  analysis: string;
  items: AnalysisReviewView[];
  /** Reviewers whose tick counts (the current document), in tick order. */
  reviewedBy: string[];
}

/** Everyone's ticks and comments on an analysis (rows with neither are left out), oldest first. */
export async function analysisReviews(analysisId: number, viewer: ReviewerIdentity | null): Promise<AnalysisReviewView[]> {
  const [analysis, rows] = await Promise.all([
    prisma.analysis.findUnique({ where: { id: analysisId }, select: { contentHash: true } }),
    prisma.analysisReview.findMany({
      where: { analysisId },
      orderBy: { id: "asc" },
      include: {
        reviewer: { select: { name: true, kind: true } },
        revisions: { orderBy: { id: "desc" }, include: { editor: { select: { name: true } } } },
      },
    }),
  ]);
  if (!analysis) return [];
  return rows
    .filter((row) => row.viewedAt !== null || row.comment !== "" || row.revisions.length > 0 || row.reviewerId === viewer?.id)
    .map((row) => ({
      id: row.id,
      reviewer: row.reviewer,
      viewed: row.viewedAt === null ? null : row.viewedHash === analysis.contentHash ? "current" : "stale",
      viewedAt: row.viewedAt?.toISOString() ?? null,
      comment: row.comment,
      commentHtml: renderComment(row.comment),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      history: row.revisions.map((r) => ({ editor: r.editor.name, editedAt: r.editedAt.toISOString(), comment: r.comment })),
      canEdit: viewer !== null && viewer.id === row.reviewerId,
    }));
}

export interface SetReviewInput {
  analysis: string;
  viewed?: boolean;
  comment?: string;
}

/**
 * Ticks or unticks the analysis for `viewer` and/or sets their overall comment (a changed comment
 * keeps the one before as a revision). Returns everyone's reviews of the analysis.
 */
export async function setAnalysisReview(viewer: ReviewerIdentity, input: SetReviewInput, now = new Date()): Promise<AnalysisReviews> {
  const found = await findAnalysis(input.analysis);
  if (!found) throw new ReviewNotFound(`No analysis "${input.analysis}".`);
  const analysis = await prisma.analysis.findUnique({ where: { id: found.id }, select: { id: true, slug: true, contentHash: true } });
  if (!analysis) throw new ReviewNotFound(`No analysis "${input.analysis}".`);
  await prisma.$transaction(async (tx) => {
    const row = await tx.analysisReview.findUnique({
      where: { analysisId_reviewerId: { analysisId: analysis.id, reviewerId: viewer.id } },
    });
    const tick =
      input.viewed === undefined
        ? {}
        : input.viewed
          ? { viewedAt: now, viewedHash: analysis.contentHash }
          : { viewedAt: null, viewedHash: null };
    if (!row) {
      await tx.analysisReview.create({
        data: { analysisId: analysis.id, reviewerId: viewer.id, comment: input.comment ?? "", createdAt: now, updatedAt: now, ...tick },
      });
      return;
    }
    const commentChanged = input.comment !== undefined && input.comment !== row.comment;
    if (commentChanged && (row.comment !== "" || (await tx.analysisReviewRevision.count({ where: { reviewId: row.id } })) > 0)) {
      await tx.analysisReviewRevision.create({ data: { reviewId: row.id, editorId: viewer.id, editedAt: now, comment: row.comment } });
    }
    await tx.analysisReview.update({
      where: { id: row.id },
      data: { ...tick, ...(commentChanged ? { comment: input.comment } : {}), updatedAt: now },
    });
  });
  return reviewsOfAnalysis(analysis.slug, viewer);
}

/** Everyone's ticks and comments on the analysis a slug (or an old slug) names. */
export async function reviewsOfAnalysis(slug: string, viewer: ReviewerIdentity | null): Promise<AnalysisReviews> {
  const analysis = await findAnalysis(slug);
  if (!analysis) throw new ReviewNotFound(`No analysis "${slug}".`);
  const items = await analysisReviews(analysis.id, viewer);
  return { analysis: analysis.slug, items, reviewedBy: items.filter((i) => i.viewed === "current").map((i) => i.reviewer.name) };
}

/** An admin removes a reviewer's tick and comment (the reviewer themselves clears theirs by editing). */
export async function deleteAnalysisReview(viewer: ReviewerIdentity, slug: string, reviewerName: string): Promise<void> {
  if (!viewer.admin)
    throw new ReviewForbidden("Only an admin can remove another reviewer's review; clear your own comment and tick instead.");
  const analysis = await findAnalysis(slug);
  if (!analysis) throw new ReviewNotFound(`No analysis "${slug}".`);
  const reviewer = await prisma.reviewer.findUnique({ where: { name: reviewerName }, select: { id: true } });
  const row =
    reviewer &&
    (await prisma.analysisReview.findUnique({
      where: { analysisId_reviewerId: { analysisId: analysis.id, reviewerId: reviewer.id } },
      select: { id: true },
    }));
  if (!row) throw new ReviewNotFound(`${reviewerName} has no review of "${analysis.slug}".`);
  await prisma.analysisReview.delete({ where: { id: row.id } });
}

/** Review summary per analysis for lists and exports (issue 17: the review state is exported). */
export interface AnalysisReviewSummary {
  /** Reviewers whose "reviewed" tick is for the document as it is now. */
  reviewedBy: string[];
  /** Reviewers who ticked an earlier version of the document. */
  staleReviews: string[];
  /** Overall comments (Markdown source). */
  comments: { reviewer: string; comment: string; updatedAt: string }[];
  /** Verdicts on failures, outdated ones included. */
  annotations: number;
  /** Current failures with a disagree or a proposed severity other than the parsed one. */
  disputedFailures: number;
  /** Annotations on failures the analysis no longer has (kept, never deleted). */
  outdatedAnnotations: number;
}

export async function analysisReviewSummaries(analysisIds: number[]): Promise<Map<number, AnalysisReviewSummary>> {
  const out = new Map<number, AnalysisReviewSummary>();
  if (!analysisIds.length) return out;
  const [analyses, rows, notes] = await Promise.all([
    prisma.analysis.findMany({ where: { id: { in: analysisIds } }, select: { id: true, contentHash: true } }),
    prisma.analysisReview.findMany({
      where: { analysisId: { in: analysisIds } },
      orderBy: { id: "asc" },
      include: { reviewer: { select: { name: true } } },
    }),
    prisma.annotation.findMany({
      where: { analysisId: { in: analysisIds } },
      select: { analysisId: true, failureKey: true, verdict: true, proposedSeverity: true },
    }),
  ]);
  const failures = notes.length
    ? await prisma.failure.findMany({
        where: {
          analysisId: { in: [...new Set(notes.map((n) => n.analysisId))] },
          key: { in: [...new Set(notes.map((n) => n.failureKey))] },
        },
        select: { analysisId: true, key: true, severity: true },
      })
    : [];
  const severity = new Map(failures.map((f) => [`${f.analysisId}\u0000${f.key}`, f.severity]));
  const hashes = new Map(analyses.map((a) => [a.id, a.contentHash]));
  const summaryOf = (id: number) => {
    let summary = out.get(id);
    if (!summary)
      out.set(
        id,
        (summary = { reviewedBy: [], staleReviews: [], comments: [], annotations: 0, disputedFailures: 0, outdatedAnnotations: 0 }),
      );
    return summary;
  };
  const disputed = new Set<string>();
  for (const note of notes) {
    const summary = summaryOf(note.analysisId);
    summary.annotations++;
    const key = `${note.analysisId}\u0000${note.failureKey}`;
    const parsed = severity.get(key);
    if (parsed === undefined) summary.outdatedAnnotations++;
    else if ((note.verdict === "disagree" || (note.proposedSeverity !== null && note.proposedSeverity !== parsed)) && !disputed.has(key)) {
      disputed.add(key);
      summary.disputedFailures++;
    }
  }
  for (const row of rows) {
    const summary = summaryOf(row.analysisId);
    if (row.viewedAt !== null)
      (row.viewedHash === hashes.get(row.analysisId) ? summary.reviewedBy : summary.staleReviews).push(row.reviewer.name);
    if (row.comment) summary.comments.push({ reviewer: row.reviewer.name, comment: row.comment, updatedAt: row.updatedAt.toISOString() });
  }
  return out;
}
