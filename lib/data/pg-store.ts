// The write store on PostgreSQL: what lib/data/store.ts (with identity-store.ts and keep-previous.ts)
// does on SQLite, over a pooled pg connection, asynchronously. One transaction per batch, a savepoint
// per document (a document that fails leaves the database as it was for that document and the others
// proceed); the batch first takes a transaction-level advisory lock, so two ingests (or an ingest and
// an upload, from any app server) write one batch at a time, like SQLite's BEGIN IMMEDIATE, and a
// writer that waits longer than WRITE_LOCK_TIMEOUT gets a message saying another writer holds it.
// A PostgreSQL database starts after link identities existed (SQLite migration 0010), so there is
// nothing to upgrade here.
// Its parts: the rows of one document (pg-rows.ts), slugs and keys (pg-identity.ts), facet and
// full-text rows (pg-search-rows.ts), the query helper (pg-query.ts).
import type { PreparedAnalysis } from "../ingest/prepare";
import { describeDatabase } from "../db-url";
import { newAnalysisIdentity } from "./identity-store";
import { connectPg, isPgDatabaseLevelError, WriterBusyError, type PgClient } from "./postgres";
import { NUL, q } from "./pg-query";
import { PgIdentity } from "./pg-identity";
import { ANALYSIS_COLUMNS, analysisValues, keepPrevious, writeFailures } from "./pg-rows";
import { indexAnalysisPg } from "./pg-search-rows";
import { applyPgGapFacet, GapFacetDelta, pgAnalysisLinks, writePgGapPairs } from "./gap-facet";
import { isCurrentSource, storedParserVersion, type GapDefinition, type KnownSource, type StoreOptions, type WriteResult } from "./store-model";

export { indexAnalysisPg, rebuildSearchIndexPg } from "./pg-search-rows";

/** pg_advisory_xact_lock key taken by every write batch ("faultline writes"). */
export const WRITE_LOCK_KEY = 4_171_002;
/** How long a batch waits for another writer before giving up with a clear message. */
export const WRITE_LOCK_TIMEOUT = "30s";

/**
 * The tables a growing ingest vacuums and analyzes (everything it writes but the raw sources, which
 * are only read by key), as autovacuum would; CI's server runs with autovacuum off. Without
 * statistics PostgreSQL plans a per-document lookup such as "the gap links of analysis N" as a scan
 * of the whole link table, and an ingest turns quadratic (it stalled at about 7,600 documents); without
 * a vacuum no index-only scan is possible (the visibility map is empty), every first read of a new row
 * checks its transaction, and the gap facet's updated rows stay behind as dead ones.
 */
const MAINTAINED_TABLES = [
  "Analysis", "Failure", "FailureGap", "AnalysisGap", "CodeBlock", "Impact", "Reference", "FailureAlias", "AnalysisAlias",
  "GapFacet", "AnalysisGapFacet", "FailureFacet", "AnalysisGapPair", "KnowledgeGap", "analysis_fts", "failure_fts",
];

export class PgAnalysisStore {
  /** Tables are vacuumed and analyzed once the analyses written since the last time reach this many, or as many as were stored then (tests lower it). */
  static maintainAfter = 500;

  constructor(
    private readonly url?: string,
    private readonly options: StoreOptions = {},
  ) {}

  isCurrent(known: Pick<KnownSource, "contentHash" | "parserVersion">, contentHash: string): boolean {
    return isCurrentSource(known, contentHash, this.options);
  }

  private async withClient<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
    const client = await connectPg(this.url);
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  /** One write transaction holding the write lock; rolled back when `work` throws. */
  private writeTransaction<T>(work: (client: PgClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query("BEGIN");
      try {
        await client.query(`SET LOCAL lock_timeout = '${WRITE_LOCK_TIMEOUT}'`);
        try {
          await client.query(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
        } catch (error) {
          if ((error as { code?: string }).code !== "55P03") throw error;
          throw new WriterBusyError(
            `Another ingest or upload has been writing to ${describeDatabase(this.url)} for over ${WRITE_LOCK_TIMEOUT} (writes go one batch at a time). Try again when it is done.`,
          );
        }
        await client.query(`SET LOCAL lock_timeout = 0`);
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    });
  }

  async knownSources(): Promise<Map<string, KnownSource>> {
    const rows = await this.withClient((c) =>
      q<KnownSource & { sourcePath: string }>(c, `SELECT id, slug, "sourcePath", "contentHash", "parserVersion" FROM "Analysis"`),
    );
    return new Map(rows.map((r) => [r.sourcePath, r]));
  }

  async syncGaps(gaps: GapDefinition[]): Promise<void> {
    const all = [...gaps.map((g) => [g.id, g.label, g.description ?? ""]), ["unclassified", "Unclassified", "No category matched this failure."]];
    await this.writeTransaction(async (c) => {
      await q(
        c,
        `INSERT INTO "KnowledgeGap" (id, label, description) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (id) DO UPDATE SET label = excluded.label, description = excluded.description
         WHERE "KnowledgeGap".label IS DISTINCT FROM excluded.label OR "KnowledgeGap".description IS DISTINCT FROM excluded.description`,
        [all.map((g) => g[0]), all.map((g) => g[1]), all.map((g) => g[2])],
      );
    });
  }

  /** Analyses written by this store since the statistics were last refreshed, and how many were stored then. */
  private growth: { written: number; base: number } | null = null;

  /**
   * VACUUM (ANALYZE) (after the batch's commit, outside any transaction) whenever the analyses written since the last time reach the
   * number stored then (at least maintainAfter): a few refreshes in a whole ingest, as autovacuum
   * would do, and plans that stay index lookups however large the tables grow. Unchanged documents
   * do not count.
   */
  private async refreshStatistics(results: WriteResult[]): Promise<void> {
    const written = results.filter((r) => r.status === "added" || r.status === "updated").length;
    if (!written) return;
    if (!this.growth) {
      const [row] = await this.withClient((c) => q<{ n: number }>(c, `SELECT greatest(reltuples, 0)::int AS n FROM pg_class WHERE oid = '"Analysis"'::regclass`));
      this.growth = { written: 0, base: row?.n ?? 0 };
    }
    this.growth.written += written;
    if (this.growth.written < Math.max(PgAnalysisStore.maintainAfter, this.growth.base)) return;
    await this.vacuumAnalyze();
  }

  private async vacuumAnalyze(): Promise<void> {
    await this.withClient((c) => c.query(`VACUUM (ANALYZE) ${MAINTAINED_TABLES.map((t) => `"${t}"`).join(", ")}`));
    this.growth = { written: 0, base: (this.growth?.base ?? 0) + (this.growth?.written ?? 0) };
  }

  /**
   * The end of an ingest run: VACUUM (ANALYZE) when it wrote at least maintainAfter analyses since the
   * last refresh. The doubling schedule above leaves up to half the tables unvisited at the end of a
   * large ingest (the last 16,800 of 48,800 analyses); their rows then have no statistics and no
   * visibility-map bits, and the first queries after the ingest ran up to 5x slower until a vacuum.
   */
  async finishRun(): Promise<void> {
    if (this.growth && this.growth.written >= PgAnalysisStore.maintainAfter) await this.vacuumAnalyze();
  }

  /** Writes a batch in one transaction; each document in its own savepoint. */
  async writeBatch(docs: PreparedAnalysis[]): Promise<WriteResult[]> {
    const results = await this.writeBatchTransaction(docs);
    await this.refreshStatistics(results);
    return results;
  }

  private writeBatchTransaction(docs: PreparedAnalysis[]): Promise<WriteResult[]> {
    return this.writeTransaction(async (c) => {
      const identity = new PgIdentity(c, this.created);
      const results: WriteResult[] = [];
      const batchDelta = new GapFacetDelta();
      for (const doc of docs) {
        await c.query("SAVEPOINT doc");
        identity.begin();
        try {
          const delta = new GapFacetDelta();
          const result = await this.writeDocument(c, identity, doc, delta);
          await c.query("RELEASE SAVEPOINT doc");
          batchDelta.merge(delta);
          if (!doc.failed) results.push(result);
          else {
            const kept = result.kept ? " The previous analysis is kept." : "";
            results.push({ ...result, status: "failed", error: `${doc.failed.code}: ${doc.failed.message.replace(/\.?$/, ".")}${kept}` });
          }
        } catch (error) {
          if (isPgDatabaseLevelError(error)) throw error;
          await c.query("ROLLBACK TO SAVEPOINT doc");
          identity.forget();
          results.push({ sourcePath: doc.sourcePath, status: "failed", error: (error as Error).message });
        }
      }
      await applyPgGapFacet(c, batchDelta);
      return results;
    });
  }

  /** Analyses created by this store (one ingest run): their slugs were never served yet. */
  private readonly created = new Map<number, { rank: string; candidates: string[] }>();

  async prune(shouldRemove: (sourcePath: string) => boolean): Promise<string[]> {
    return this.writeTransaction(async (c) => {
      const rows = await q<{ sourcePath: string }>(c, `SELECT "sourcePath" FROM "Analysis"`);
      const removed = rows.map((r) => r.sourcePath).filter(shouldRemove);
      if (removed.length) {
        const gone = await q<{ id: number }>(c, `SELECT id FROM "Analysis" WHERE "sourcePath" = ANY($1::text[])`, [removed]);
        await this.deleteWithLinks(c, gone.map((r) => r.id));
      }
      return removed;
    });
  }

  async deleteSource(sourcePath: string): Promise<boolean> {
    return this.writeTransaction(async (c) => {
      const gone = await q<{ id: number }>(c, `SELECT id FROM "Analysis" WHERE "sourcePath" = $1`, [sourcePath]);
      await this.deleteWithLinks(c, gone.map((r) => r.id));
      return gone.length > 0;
    });
  }

  /** Deletes one analysis by slug; returns its source path, or null when there is none. */
  async deleteBySlug(slug: string): Promise<string | null> {
    return this.writeTransaction(async (c) => {
      const rows = await q<{ id: number; sourcePath: string }>(c, `SELECT id, "sourcePath" FROM "Analysis" WHERE slug = $1`, [slug]);
      if (!rows.length) return null;
      await this.deleteWithLinks(c, [rows[0]!.id]);
      return rows[0]!.sourcePath;
    });
  }

  /** Deletes the analyses `ids`, their gap links taken off GapFacet (lib/data/gap-facet.ts). */
  private async deleteWithLinks(c: PgClient, ids: number[]): Promise<void> {
    if (!ids.length) return;
    const delta = new GapFacetDelta();
    delta.add(await pgAnalysisLinks(c, ids), -1);
    await q(c, `DELETE FROM "Analysis" WHERE id = ANY($1::int[])`, [ids]);
    await applyPgGapFacet(c, delta);
  }

  /** Writes one document; the change to its gap links goes to `delta`. */
  private async writeDocument(c: PgClient, identity: PgIdentity, doc: PreparedAnalysis, delta: GapFacetDelta): Promise<WriteResult> {
    const record = doc.record;
    const [existing] = await q<{ id: number; slug: string; contentHash: string; parserVersion: string }>(
      c,
      `SELECT id, slug, "contentHash", "parserVersion" FROM "Analysis" WHERE "sourcePath" = $1 FOR UPDATE`,
      [doc.sourcePath],
    );
    if (existing && this.isCurrent(existing, doc.contentHash)) return { sourcePath: doc.sourcePath, slug: existing.slug, status: "unchanged" };
    if (existing && doc.failed && (await keepPrevious(c, existing.id, doc))) return { sourcePath: doc.sourcePath, slug: existing.slug, status: "updated", kept: true };
    const values = analysisValues(doc, storedParserVersion(doc, this.options));
    const keys = await identity.keysFor(existing?.id ?? null, record.failures);
    let id: number;
    let slug: string;
    if (existing) {
      id = existing.id;
      slug = existing.slug;
      delta.add(await pgAnalysisLinks(c, [id]), -1);
      await q(c, `DELETE FROM "Failure" WHERE "analysisId" = $1`, [id]);
      await q(c, `DELETE FROM "AnalysisGap" WHERE "analysisId" = $1`, [id]);
      const sets = ANALYSIS_COLUMNS.map((col, i) => `"${col}" = $${i + 2}`).join(", ");
      await q(c, `UPDATE "Analysis" SET ${sets}, "updatedAt" = clock_timestamp() WHERE id = $1`, [id, ...ANALYSIS_COLUMNS.map((col) => values[col])]);
    } else {
      const newIdentity = newAnalysisIdentity(doc);
      slug = await identity.slugFor(newIdentity);
      const cols = ["slug", "sourcePath", ...ANALYSIS_COLUMNS];
      const [row] = await q<{ id: number }>(
        c,
        `INSERT INTO "Analysis" (${cols.map((col) => `"${col}"`).join(", ")}, "createdAt", "updatedAt")
         VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")}, clock_timestamp(), clock_timestamp()) RETURNING id`,
        [slug, doc.sourcePath, ...ANALYSIS_COLUMNS.map((col) => values[col])],
      );
      id = row!.id;
      await identity.registerNew(id, slug, newIdentity);
    }
    let raw = doc.raw;
    let rawBytes = doc.rawBytes ? Buffer.from(doc.rawBytes.buffer, doc.rawBytes.byteOffset, doc.rawBytes.byteLength) : null;
    if (raw.includes("\u0000")) {
      rawBytes ??= Buffer.from(raw, "utf8");
      raw = raw.replace(NUL, "");
    }
    await q(
      c,
      `INSERT INTO "AnalysisSource" ("analysisId", raw, "recordJson", "rawBytes") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("analysisId") DO UPDATE SET raw = excluded.raw, "recordJson" = excluded."recordJson", "rawBytes" = excluded."rawBytes"`,
      [id, raw, JSON.stringify(record), rawBytes],
    );
    await writeFailures(c, id, record.platform, record.failures, keys, doc.codeHtml, record.failures.map((_, i) => doc.proseHtml?.failures[i]));
    await identity.recordFailures(id, record.failures, keys);
    const gapIds = record.knowledgeGapIds ?? [];
    if (gapIds.length) {
      await q(c, `INSERT INTO "KnowledgeGap" (id, label, description) SELECT g, g, '' FROM unnest($1::text[]) g ON CONFLICT DO NOTHING`, [gapIds]);
      await q(c, `INSERT INTO "AnalysisGap" ("analysisId", "gapId") SELECT $1, g FROM unnest($2::text[]) g ON CONFLICT DO NOTHING`, [id, gapIds]);
    }
    await indexAnalysisPg(c, id);
    await writePgGapPairs(c, id);
    delta.add(await pgAnalysisLinks(c, [id]), 1);
    return { sourcePath: doc.sourcePath, slug, status: existing ? "updated" : "added" };
  }
}
