// Loads one failure of one analysis (for its own page and preview image), with its neighbours. The
// URL names the failure by its key, or by a number or key it had before (FailureAlias): `getFailure`
// says where such a name leads now — the failure, or the fact that it no longer exists.
import "server-only";
import { prisma } from "../db";
import { resolveRef, type AliasRow, type FailureTarget } from "./resolve-failure";

const FAILURE_INCLUDE = {
  codeBlocks: { orderBy: [{ side: "asc" as const }, { position: "asc" as const }] },
  impacts: { orderBy: { position: "asc" as const } },
  references: { orderBy: { position: "asc" as const } },
  gaps: { orderBy: { rank: "asc" as const }, include: { gap: true } },
};

/** What a failure link (`ref`: key or old number) of analysis `analysisId` leads to now. */
export async function findFailureTarget(analysisId: number, ref: string): Promise<FailureTarget | null> {
  const aliasRow = (alias: string) =>
    prisma.failureAlias.findUnique({ where: { analysisId_alias: { analysisId, alias } }, select: { failureKey: true, title: true } });
  const [keys, row] = await Promise.all([prisma.failure.findMany({ where: { analysisId }, select: { key: true } }), aliasRow(ref)]);
  const current = new Set(keys.map((k) => k.key));
  const rows = new Map<string, AliasRow>();
  if (row) rows.set(ref, row);
  // A gone failure's own key row holds its last known title.
  if (row && !current.has(row.failureKey)) {
    const own = await aliasRow(row.failureKey);
    if (own) rows.set(row.failureKey, own);
  }
  return resolveRef(ref, current, (name) => rows.get(name));
}

export type FailureLookup =
  | { kind: "current"; data: FailurePageData; redirect: boolean }
  | { kind: "gone"; analysis: FailureAnalysis; title: string; ref: string }
  | null;

type FailureAnalysis = {
  id: number;
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  language: string | null;
  failureCount: number;
};

/** The failure `ref` names in the analysis `slug` (its current slug), or why there is none. */
export async function getFailure(slug: string, ref: string): Promise<FailureLookup> {
  const analysis = await prisma.analysis.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, taskId: true, platform: true, language: true, failureCount: true },
  });
  if (!analysis) return null;
  const target = await findFailureTarget(analysis.id, ref);
  if (!target) return null;
  if (target.kind === "gone") return { kind: "gone", analysis, title: target.title, ref };
  const failure = await loadFailureRow(analysis.id, target.key);
  if (!failure) return null;
  const [previous, next, aliases] = await Promise.all([
    prisma.failure.findFirst({
      where: { analysisId: analysis.id, number: { lt: failure.number } },
      orderBy: { number: "desc" },
      select: { number: true, key: true, title: true },
    }),
    prisma.failure.findFirst({
      where: { analysisId: analysis.id, number: { gt: failure.number } },
      orderBy: { number: "asc" },
      select: { number: true, key: true, title: true },
    }),
    // Its old numbers and keys, so an old `#failure-7-L3` on this page finds its line.
    prisma.failureAlias.findMany({
      where: { analysisId: analysis.id, failureKey: failure.key },
      select: { alias: true, failureKey: true, title: true },
    }),
  ]);
  return { kind: "current", data: { analysis, failure, previous, next, aliases }, redirect: target.key !== ref };
}

export interface FailurePageData {
  analysis: FailureAnalysis;
  failure: NonNullable<Awaited<ReturnType<typeof loadFailureRow>>>;
  previous: { number: number; key: string; title: string } | null;
  next: { number: number; key: string; title: string } | null;
  aliases: { alias: string; failureKey: string; title: string }[];
}

function loadFailureRow(analysisId: number, key: string) {
  return prisma.failure.findUnique({ where: { analysisId_key: { analysisId, key } }, include: FAILURE_INCLUDE });
}
