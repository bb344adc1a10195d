// Reviewer identities and their sign-in sessions: the only code that reads or writes the Reviewer
// and ReviewSession tables. Secrets arrive in clear and are hashed here; nothing stores them.
import { prisma } from "../db";
import { hashSecret, isExpired, matchesHash, nameProblem, newSessionId, newToken, sessionExpiry } from "../auth/tokens";

export interface ReviewerIdentity {
  id: number;
  name: string;
  kind: "token" | "header" | "admin";
  admin: boolean;
}

export class ReviewerError extends Error {}

const identity = (row: { id: number; name: string; kind: string }): ReviewerIdentity => ({
  id: row.id,
  name: row.name,
  kind: row.kind === "header" || row.kind === "admin" ? row.kind : "token",
  admin: row.kind === "admin",
});

/** Creates a reviewer with a personal token; returns the token, which is never shown again. */
export async function addReviewer(name: string): Promise<{ name: string; token: string }> {
  const problem = nameProblem(name);
  if (problem) throw new ReviewerError(problem);
  const existing = await prisma.reviewer.findUnique({ where: { name } });
  if (existing && !existing.revokedAt)
    throw new ReviewerError(`A reviewer named "${name}" already exists (revoke it first to issue a new token).`);
  if (existing && existing.kind !== "token") throw new ReviewerError(`"${name}" is a ${existing.kind} identity and cannot get a token.`);
  const token = newToken();
  const data = { kind: "token", tokenHash: hashSecret(token), revokedAt: null };
  // A revoked reviewer gets a fresh token under the same name, keeping their annotations.
  if (existing) await prisma.reviewer.update({ where: { id: existing.id }, data });
  else await prisma.reviewer.create({ data: { name, ...data } });
  return { name, token };
}

export interface ReviewerListing {
  name: string;
  kind: string;
  createdAt: Date;
  revokedAt: Date | null;
  annotations: number;
  activeSessions: number;
}

export async function listReviewers(now = new Date()): Promise<ReviewerListing[]> {
  const rows = await prisma.reviewer.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { annotations: true, sessions: { where: { expiresAt: { gt: now } } } } } },
  });
  return rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    createdAt: r.createdAt,
    revokedAt: r.revokedAt,
    annotations: r._count.annotations,
    activeSessions: r._count.sessions,
  }));
}

/** Revokes a reviewer's token and ends their sessions; their annotations stay. */
export async function revokeReviewer(name: string, now = new Date()): Promise<void> {
  const row = await prisma.reviewer.findUnique({ where: { name } });
  if (!row) throw new ReviewerError(`No reviewer named "${name}".`);
  if (row.revokedAt) throw new ReviewerError(`"${name}" is already revoked.`);
  await prisma.$transaction([
    prisma.reviewer.update({ where: { id: row.id }, data: { revokedAt: now, tokenHash: null } }),
    prisma.reviewSession.deleteMany({ where: { reviewerId: row.id } }),
  ]);
}

/** The reviewer a personal token belongs to (not revoked), or null. */
export async function reviewerByToken(token: string): Promise<ReviewerIdentity | null> {
  const hash = hashSecret(token);
  const row = await prisma.reviewer.findUnique({ where: { tokenHash: hash } });
  // The lookup is by hash (an attacker cannot steer it byte by byte); the compare is constant-time anyway.
  if (!row || row.revokedAt || !row.tokenHash || !matchesHash(token, row.tokenHash)) return null;
  return identity(row);
}

/** The identity of a name given by the trusted proxy header (created on first sight), or of "admin". */
export async function namedIdentity(name: string, kind: "header" | "admin"): Promise<ReviewerIdentity> {
  const row = await prisma.reviewer.upsert({ where: { name }, update: {}, create: { name, kind } });
  if (row.kind !== kind) throw new ReviewerError(`"${name}" is a ${row.kind} identity.`);
  if (row.revokedAt) throw new ReviewerError(`"${name}" is revoked.`);
  return identity(row);
}

/** Starts a session for a reviewer token; returns the cookie value (never stored) and its expiry. */
export async function startSession(
  token: string,
  now = new Date(),
): Promise<{ sessionId: string; expiresAt: Date; reviewer: ReviewerIdentity } | null> {
  const reviewer = await reviewerByToken(token);
  if (!reviewer) return null;
  const sessionId = newSessionId();
  const expiresAt = sessionExpiry(now);
  await prisma.$transaction([
    // Expired sessions of anyone are removed as new ones start: the table stays small.
    prisma.reviewSession.deleteMany({ where: { expiresAt: { lte: now } } }),
    prisma.reviewSession.create({ data: { idHash: hashSecret(sessionId), reviewerId: reviewer.id, expiresAt } }),
  ]);
  return { sessionId, expiresAt, reviewer };
}

export async function reviewerBySession(sessionId: string, now = new Date()): Promise<ReviewerIdentity | null> {
  const row = await prisma.reviewSession.findUnique({ where: { idHash: hashSecret(sessionId) }, include: { reviewer: true } });
  if (!row || isExpired(row.expiresAt, now) || row.reviewer.revokedAt) return null;
  return identity(row.reviewer);
}

export async function endSession(sessionId: string): Promise<void> {
  await prisma.reviewSession.deleteMany({ where: { idHash: hashSecret(sessionId) } });
}
