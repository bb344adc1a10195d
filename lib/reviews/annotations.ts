// Annotations (reviewer verdicts on failures): the only code that reads or writes the Annotation and
// AnnotationRevision tables. An annotation names its failure by key; whether that key is still one of
// the analysis's failures ("outdated" when not) is worked out here at read time, never stored.
import { prisma } from "../db";
import { renderComment } from "./markdown";
import { normalizeTags, type CreateInput, type PatchInput, type Verdict } from "./validate";
import type { ReviewerIdentity } from "./reviewers";

export class ReviewNotFound extends Error {}
export class ReviewForbidden extends Error {}
export class ReviewConflict extends Error {}

export interface RevisionView {
  editor: string;
  editedAt: string;
  /** What the annotation said before this edit. */
  verdict: Verdict;
  proposedSeverity: string | null;
  comment: string;
  tags: string[];
}

export interface AnnotationView {
  id: number;
  analysisId: number;
  failureKey: string;
  /** The failure's title now, or its last known title when outdated. */
  failureTitle: string;
  /** The analysis no longer has this failure (a re-ingest changed the document). */
  outdated: boolean;
  /** Disagrees, or proposes a severity other than the parsed one. */
  disputed: boolean;
  reviewer: { name: string; kind: string };
  verdict: Verdict;
  proposedSeverity: string | null;
  comment: string;
  /** The comment as sanitized HTML (lib/reviews/markdown.ts). */
  commentHtml: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** Newest edit first. */
  history: RevisionView[];
  canEdit: boolean;
  canDelete: boolean;
}

const parseTags = (json: string): string[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
};

/** The analysis a slug names now (its current slug or an old one), or null. */
export async function findAnalysis(slug: string): Promise<{ id: number; slug: string } | null> {
  const current = await prisma.analysis.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (current) return current;
  const alias = await prisma.analysisAlias.findUnique({
    where: { alias: slug },
    select: { analysis: { select: { id: true, slug: true } } },
  });
  return alias?.analysis ?? null;
}

/** The current failures among `keys` (a 25,000-failure analysis is not read whole for three annotations). */
async function currentFailures(analysisId: number, keys: string[]): Promise<Map<string, { title: string; severity: string }>> {
  if (!keys.length) return new Map();
  const rows = await prisma.failure.findMany({
    where: { analysisId, key: { in: keys } },
    select: { key: true, title: true, severity: true },
  });
  return new Map(rows.map((r) => [r.key, { title: r.title, severity: r.severity }]));
}

const INCLUDE = {
  reviewer: { select: { name: true, kind: true } },
  revisions: { orderBy: { id: "desc" as const }, include: { editor: { select: { name: true } } } },
};

/** Every annotation of an analysis (or of one failure key), oldest first, as `viewer` may act on them. */
export async function listAnnotations(analysisId: number, viewer: ReviewerIdentity | null, failureKey?: string): Promise<AnnotationView[]> {
  const rows = await prisma.annotation.findMany({
    where: { analysisId, ...(failureKey !== undefined ? { failureKey } : {}) },
    orderBy: { id: "asc" },
    include: INCLUDE,
  });
  const failures = await currentFailures(analysisId, [...new Set(rows.map((r) => r.failureKey))]);
  const goneKeys = [...new Set(rows.map((r) => r.failureKey).filter((k) => !failures.has(k)))];
  const goneTitles = new Map(
    goneKeys.length
      ? (await prisma.failureAlias.findMany({ where: { analysisId, alias: { in: goneKeys } }, select: { alias: true, title: true } })).map(
          (a) => [a.alias, a.title],
        )
      : [],
  );
  return rows.map((row) => {
    const failure = failures.get(row.failureKey);
    const mine = viewer !== null && viewer.id === row.reviewerId;
    return {
      id: row.id,
      analysisId: row.analysisId,
      failureKey: row.failureKey,
      failureTitle: failure?.title ?? goneTitles.get(row.failureKey) ?? row.failureKey,
      outdated: !failure,
      disputed:
        row.verdict === "disagree" || (row.proposedSeverity !== null && failure !== undefined && row.proposedSeverity !== failure.severity),
      reviewer: row.reviewer,
      verdict: row.verdict as Verdict,
      proposedSeverity: row.proposedSeverity,
      comment: row.comment,
      commentHtml: renderComment(row.comment),
      tags: parseTags(row.tagsJson),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      history: row.revisions.map((r) => ({
        editor: r.editor.name,
        editedAt: r.editedAt.toISOString(),
        verdict: r.verdict as Verdict,
        proposedSeverity: r.proposedSeverity,
        comment: r.comment,
        tags: parseTags(r.tagsJson),
      })),
      canEdit: mine,
      canDelete: mine || (viewer?.admin ?? false),
    };
  });
}

export async function getAnnotation(id: number, viewer: ReviewerIdentity | null): Promise<AnnotationView> {
  const row = await prisma.annotation.findUnique({ where: { id }, select: { analysisId: true, failureKey: true } });
  if (!row) throw new ReviewNotFound(`No annotation ${id}.`);
  const views = await listAnnotations(row.analysisId, viewer, row.failureKey);
  const view = views.find((v) => v.id === id);
  if (!view) throw new ReviewNotFound(`No annotation ${id}.`);
  return view;
}

/** A reviewer's verdict on a current failure; one per reviewer and failure (edit it with PATCH). */
export async function createAnnotation(viewer: ReviewerIdentity, input: CreateInput): Promise<AnnotationView> {
  const analysis = await findAnalysis(input.analysis);
  if (!analysis) throw new ReviewNotFound(`No analysis "${input.analysis}".`);
  const failure = await prisma.failure.findUnique({
    where: { analysisId_key: { analysisId: analysis.id, key: input.failure } },
    select: { key: true },
  });
  if (!failure) throw new ReviewNotFound(`The analysis "${analysis.slug}" has no failure "${input.failure}" now.`);
  const existing = await prisma.annotation.findUnique({
    where: { analysisId_failureKey_reviewerId: { analysisId: analysis.id, failureKey: failure.key, reviewerId: viewer.id } },
    select: { id: true },
  });
  if (existing) throw new ReviewConflict(`You already annotated this failure (annotation ${existing.id}); change it with PATCH.`);
  const now = new Date();
  const row = await prisma.annotation.create({
    data: {
      analysisId: analysis.id,
      failureKey: failure.key,
      reviewerId: viewer.id,
      verdict: input.verdict,
      proposedSeverity: input.severity ?? null,
      comment: input.comment ?? "",
      tagsJson: JSON.stringify(normalizeTags(input.tags ?? [])),
      createdAt: now,
      updatedAt: now,
    },
    select: { id: true },
  });
  return getAnnotation(row.id, viewer);
}

/** Changes one's own annotation, keeping what it said before as a revision. */
export async function updateAnnotation(viewer: ReviewerIdentity, input: PatchInput): Promise<AnnotationView> {
  const row = await prisma.annotation.findUnique({ where: { id: input.id } });
  if (!row) throw new ReviewNotFound(`No annotation ${input.id}.`);
  if (row.reviewerId !== viewer.id) throw new ReviewForbidden("You can change only your own annotations.");
  const next = {
    verdict: input.verdict ?? row.verdict,
    proposedSeverity: input.severity !== undefined ? input.severity : row.proposedSeverity,
    comment: input.comment ?? row.comment,
    tagsJson: input.tags ? JSON.stringify(normalizeTags(input.tags)) : row.tagsJson,
  };
  const changed =
    next.verdict !== row.verdict ||
    next.proposedSeverity !== row.proposedSeverity ||
    next.comment !== row.comment ||
    next.tagsJson !== row.tagsJson;
  if (changed) {
    const now = new Date();
    await prisma.$transaction([
      prisma.annotationRevision.create({
        data: {
          annotationId: row.id,
          editorId: viewer.id,
          editedAt: now,
          verdict: row.verdict,
          proposedSeverity: row.proposedSeverity,
          comment: row.comment,
          tagsJson: row.tagsJson,
        },
      }),
      prisma.annotation.update({ where: { id: row.id }, data: { ...next, updatedAt: now } }),
    ]);
  }
  return getAnnotation(row.id, viewer);
}

/** Deletes an annotation: its author, or an admin. */
export async function deleteAnnotation(viewer: ReviewerIdentity, id: number): Promise<void> {
  const row = await prisma.annotation.findUnique({ where: { id }, select: { reviewerId: true } });
  if (!row) throw new ReviewNotFound(`No annotation ${id}.`);
  if (row.reviewerId !== viewer.id && !viewer.admin) throw new ReviewForbidden("You can delete only your own annotations.");
  await prisma.annotation.delete({ where: { id } });
}

export interface ReviewProgress {
  /** Current failures of the analysis. */
  total: number;
  /** Current failures the viewer has a verdict on. */
  reviewedByYou: number;
  /** Current failures anyone has a verdict on. */
  reviewedByAnyone: number;
  /** Current failures the viewer has not reviewed yet, in order (key and title), to jump to the next. */
  next: { key: string; title: string; number: number } | null;
  outdated: AnnotationView[];
}

export async function reviewProgress(analysisId: number, viewer: ReviewerIdentity | null): Promise<ReviewProgress> {
  const [failures, rows] = await Promise.all([
    prisma.failure.findMany({ where: { analysisId }, orderBy: { number: "asc" }, select: { key: true, title: true, number: true } }),
    prisma.annotation.findMany({ where: { analysisId }, select: { failureKey: true, reviewerId: true } }),
  ]);
  const current = new Set(failures.map((f) => f.key));
  const byAnyone = new Set(rows.filter((r) => current.has(r.failureKey)).map((r) => r.failureKey));
  const byYou = new Set(rows.filter((r) => viewer && r.reviewerId === viewer.id && current.has(r.failureKey)).map((r) => r.failureKey));
  const hasOutdated = rows.some((r) => !current.has(r.failureKey));
  return {
    total: failures.length,
    reviewedByYou: byYou.size,
    reviewedByAnyone: byAnyone.size,
    next: viewer ? (failures.find((f) => !byYou.has(f.key)) ?? null) : null,
    outdated: hasOutdated ? (await listAnnotations(analysisId, viewer)).filter((a) => a.outdated) : [],
  };
}

/** Tags reviewers have used, most used first: suggestions for the tag field. */
export async function tagSuggestions(limit = 30): Promise<string[]> {
  const rows = await prisma.annotation.findMany({
    where: { tagsJson: { not: "[]" } },
    select: { tagsJson: true },
    take: 5000,
    orderBy: { id: "desc" },
  });
  const counts = new Map<string, number>();
  for (const row of rows) for (const tag of parseTags(row.tagsJson)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([tag]) => tag);
}
