// Scoped share links: a reviewer lets someone without the read token open one analysis (or one
// failure) until the link expires or is revoked. The link carries a 256-bit token; only its SHA-256
// is stored. The only code that reads or writes the ShareLink table (proxy.ts checks scopes through
// lib/reviews/read-access.ts, read-only).
import type { Route } from "next";
import { prisma } from "../db";
import { hashSecret, newSessionId } from "../auth/tokens";
import { findAnalysis, ReviewForbidden, ReviewNotFound } from "./annotations";
import type { ReviewerIdentity } from "./reviewers";
import { analysisHref, failureHref, shareHref } from "../routes/paths";

export const SHARE_DAYS_DEFAULT = 14;
export const SHARE_DAYS_MAX = 90;

export interface ShareView {
  id: number;
  analysis: { slug: string; title: string };
  failureKey: string | null;
  /** Where the link leads. */
  target: Route;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  uses: number;
  state: "active" | "expired" | "revoked";
}

const targetOf = (slug: string, failureKey: string | null) => (failureKey ? failureHref(slug, failureKey) : analysisHref(slug));

/** Creates a link; returns it with its path `/s/<token>`, shown once (only the hash is kept). */
export async function createShare(
  viewer: ReviewerIdentity,
  input: { analysis: string; failure?: string; days?: number },
  now = new Date(),
): Promise<{ share: ShareView; path: string }> {
  const analysis = await findAnalysis(input.analysis);
  if (!analysis) throw new ReviewNotFound(`No analysis "${input.analysis}".`);
  if (input.failure) {
    const failure = await prisma.failure.findUnique({
      where: { analysisId_key: { analysisId: analysis.id, key: input.failure } },
      select: { key: true },
    });
    if (!failure) throw new ReviewNotFound(`The analysis "${analysis.slug}" has no failure "${input.failure}" now.`);
  }
  const token = newSessionId();
  const days = input.days ?? SHARE_DAYS_DEFAULT;
  const row = await prisma.shareLink.create({
    data: {
      tokenHash: hashSecret(token),
      reviewerId: viewer.id,
      analysisId: analysis.id,
      failureKey: input.failure ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + days * 86_400_000),
    },
    select: { id: true },
  });
  const share = (await listShares(viewer, now)).find((s) => s.id === row.id)!;
  return { share, path: shareHref(token) };
}

/** The links a reviewer made (an admin sees everyone's), newest first. */
export async function listShares(viewer: ReviewerIdentity, now = new Date()): Promise<ShareView[]> {
  const rows = await prisma.shareLink.findMany({
    where: viewer.admin ? {} : { reviewerId: viewer.id },
    orderBy: { id: "desc" },
    include: { reviewer: { select: { name: true } } },
  });
  const analyses = new Map(
    (
      await prisma.analysis.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.analysisId))] } },
        select: { id: true, slug: true, title: true },
      })
    ).map((a) => [a.id, a]),
  );
  return rows.flatMap((r) => {
    const analysis = analyses.get(r.analysisId);
    if (!analysis) return [];
    return [
      {
        id: r.id,
        analysis: { slug: analysis.slug, title: analysis.title },
        failureKey: r.failureKey,
        target: targetOf(analysis.slug, r.failureKey),
        createdBy: r.reviewer.name,
        createdAt: r.createdAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        revokedAt: r.revokedAt?.toISOString() ?? null,
        lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
        uses: r.uses,
        state: r.revokedAt ? "revoked" : r.expiresAt.getTime() <= now.getTime() ? "expired" : "active",
      },
    ];
  });
}

export async function revokeShare(viewer: ReviewerIdentity, id: number, now = new Date()): Promise<void> {
  const row = await prisma.shareLink.findUnique({ where: { id }, select: { reviewerId: true, revokedAt: true } });
  if (!row) throw new ReviewNotFound(`No share link ${id}.`);
  if (row.reviewerId !== viewer.id && !viewer.admin) throw new ReviewForbidden("You can revoke only the links you made.");
  if (!row.revokedAt) await prisma.shareLink.update({ where: { id }, data: { revokedAt: now } });
}

export type OpenedShare = { ok: true; target: Route; expiresAt: Date } | { ok: false; status: 404 | 410; message: string };

/** Someone opened `/s/<token>`: where it leads (counting the use), or why it does not. */
export async function openShare(token: string, now = new Date()): Promise<OpenedShare> {
  const row = await prisma.shareLink.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row) return { ok: false, status: 404, message: "This share link does not exist." };
  if (row.revokedAt) return { ok: false, status: 410, message: "This share link was revoked by the reviewer who made it." };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, status: 410, message: "This share link has expired." };
  const analysis = await prisma.analysis.findUnique({ where: { id: row.analysisId }, select: { slug: true } });
  if (!analysis) return { ok: false, status: 410, message: "The analysis this link shared no longer exists." };
  await prisma.shareLink.update({ where: { id: row.id }, data: { lastUsedAt: now, uses: { increment: 1 } } });
  return { ok: true, target: targetOf(analysis.slug, row.failureKey), expiresAt: row.expiresAt };
}
