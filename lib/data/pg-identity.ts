// Slugs, failure keys and their aliases on PostgreSQL (lib/data/identity-store.ts's rules), written
// inside the write store's batch transaction (lib/data/pg-store.ts).
import type { ParsedFailure } from "../parser/types";
import { failureKeys, legacySlug, matchFailureKeys, type StoredFailureIdentity } from "../ingest/identity";
import { failureContent, type NewAnalysisIdentity } from "./identity-store";
import type { PgClient } from "./postgres";
import { q } from "./pg-query";

/** lib/data/identity-store.ts on PostgreSQL: slugs, failure keys and their aliases, inside the batch's transaction. */
export class PgIdentity {
  /** Analyses created in this batch (forgotten when the document's savepoint rolls back). */
  private pending: number[] = [];

  constructor(
    private readonly c: PgClient,
    private readonly created: Map<number, { rank: string; candidates: string[] }>,
  ) {}

  forget(): void {
    for (const id of this.pending) this.created.delete(id);
    this.pending = [];
  }

  private async owner(slug: string): Promise<number | null> {
    const [row] = await q<{ id: number }>(this.c, `SELECT id FROM "Analysis" WHERE slug = $1`, [slug]);
    return row?.id ?? null;
  }

  /** A document's writes begin (its savepoint). */
  begin(): void {
    this.pending = [];
  }

  slugFor(identity: NewAnalysisIdentity): Promise<string> {
    return this.place(rankOf(identity), identity.candidates, 0);
  }

  /** As IdentityStore.place: the smaller path in this run wins a contested slug; slugs from earlier runs are never taken. */
  private async place(rank: string, candidates: string[], from: number): Promise<string> {
    for (let i = from; i < candidates.length; i++) {
      const candidate = candidates[i]!;
      const owner = await this.owner(candidate);
      if (owner === null) return candidate;
      const claim = this.created.get(owner);
      if (claim && rank < claim.rank) {
        const moved = await this.place(claim.rank, claim.candidates, claim.candidates.indexOf(candidate) + 1);
        await q(this.c, `UPDATE "Analysis" SET slug = $1 WHERE id = $2`, [moved, owner]);
        return candidate;
      }
    }
    const base = candidates[0] ?? "analysis";
    for (let n = 2; ; n++) if ((await this.owner(`${base}-${n}`)) === null) return `${base}-${n}`;
  }

  async registerNew(id: number, slug: string, identity: NewAnalysisIdentity): Promise<void> {
    this.created.set(id, { rank: rankOf(identity), candidates: identity.candidates });
    this.pending.push(id);
    await q(this.c, `UPDATE "Analysis" SET "sourceKey" = $1 WHERE id = $2`, [identity.sourceKey, id]);
    const legacy = legacySlug(identity.sourcePath);
    if (legacy !== slug && (await this.owner(legacy)) === null) {
      await q(this.c, `INSERT INTO "AnalysisAlias" (alias, "analysisId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [legacy, id]);
    }
  }

  async keysFor(analysisId: number | null, failures: ParsedFailure[]): Promise<string[]> {
    const fresh = failures.map((f) => ({ title: f.title, content: failureContent(f) }));
    if (analysisId === null) return failureKeys(fresh.map((f) => f.title));
    const previous = await q<StoredFailureIdentity>(
      this.c,
      `SELECT f."key" AS "key", f.number, f.title,
         f."modelText" || E'\\n' || f."idealText" || E'\\n' ||
           coalesce((SELECT string_agg(c.value, E'\\n' ORDER BY c.side DESC, c.position) FROM "CodeBlock" c WHERE c."failureId" = f.id), '') AS content
       FROM "Failure" f WHERE f."analysisId" = $1 ORDER BY f.number`,
      [analysisId],
    );
    return matchFailureKeys(previous, fresh);
  }

  async recordFailures(analysisId: number, failures: { number: number; title: string }[], keys: string[]): Promise<void> {
    if (!failures.length) return;
    const titles = failures.map((f) => f.title);
    await q(
      this.c,
      `INSERT INTO "FailureAlias" ("analysisId", alias, "failureKey", title) SELECT $1, k, k, t FROM unnest($2::text[], $3::text[]) AS x(k, t)
       ON CONFLICT ("analysisId", alias) DO UPDATE SET "failureKey" = excluded."failureKey", title = excluded.title`,
      [analysisId, keys, titles],
    );
    // A number keeps naming the failure that had it first: links shared then must not move.
    await q(
      this.c,
      `INSERT INTO "FailureAlias" ("analysisId", alias, "failureKey", title) SELECT $1, n, k, t FROM unnest($2::text[], $3::text[], $4::text[]) AS x(n, k, t)
       ON CONFLICT DO NOTHING`,
      [analysisId, failures.map((f) => String(f.number)), keys, titles],
    );
  }
}

function rankOf(identity: NewAnalysisIdentity): string {
  return `${identity.sourceKey}\u0000${identity.sourcePath}`;
}
