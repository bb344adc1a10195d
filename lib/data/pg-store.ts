// The write store on PostgreSQL: what lib/data/store.ts (with identity-store.ts and keep-previous.ts)
// does on SQLite, over a pooled pg connection, asynchronously. One transaction per batch, a savepoint
// per document (a document that fails leaves the database as it was for that document and the others
// proceed); the batch first takes a transaction-level advisory lock, so two ingests (or an ingest and
// an upload, from any app server) write one batch at a time, like SQLite's BEGIN IMMEDIATE, and a
// writer that waits longer than WRITE_LOCK_TIMEOUT gets a message saying another writer holds it.
// A PostgreSQL database starts after link identities existed (SQLite migration 0010), so there is
// nothing to upgrade here.
import type { ParsedFailure } from "../parser/types";
import type { PreparedAnalysis } from "../ingest/prepare";
import type { FailureProseHtml } from "../render/prose";
import { PARSE_FAILURE_CODES } from "../ingest/prepare";
import { failureKeys, legacySlug, matchFailureKeys, type StoredFailureIdentity } from "../ingest/identity";
import type { ParseWarning } from "../parser/types";
import { describeDatabase } from "../db-url";
import { failureContent, newAnalysisIdentity, type NewAnalysisIdentity } from "./identity-store";
import { KEPT_WARNING } from "./keep-previous";
import { connectPg, inPgTransaction, isPgDatabaseLevelError, WriterBusyError, type PgClient } from "./postgres";
import { failureHtmlParams, failureLoad, SEVERITY_RANK, severityCounts, type GapDefinition, type KnownSource, type StoreOptions, type WriteResult } from "./store";

/** pg_advisory_xact_lock key taken by every write batch ("faultline writes"). */
export const WRITE_LOCK_KEY = 4_171_002;
/** How long a batch waits for another writer before giving up with a clear message. */
export const WRITE_LOCK_TIMEOUT = "30s";

// PostgreSQL text cannot hold NUL characters (SQLite can): they are dropped from stored text. The raw
// document keeps its exact bytes in rawBytes when that changes it (lib/data/store.ts's contract).
const NUL = /\u0000/g;
const clean = (value: unknown) => (typeof value === "string" ? value.replace(NUL, "") : value);

async function q<T extends object = Record<string, unknown>>(client: PgClient, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, params.map(clean))).rows as T[];
}

const ANALYSIS_COLUMNS = [
  "contentHash", "title", "taskId", "documentDate", "platform", "language", "summary", "summaryHtml", "scoreValue", "scoreMax", "scoreNorm",
  "scoresJson", "declaredCritical", "declaredHigh", "declaredMedium", "declaredLow", "hasDeclaredCounts", "criticalCount",
  "highCount", "mediumCount", "lowCount", "unknownCount", "failureCount", "failureLoad", "knowledgeGapsJson", "warningsJson",
  "warningCount", "byteSize", "parseMs", "parserVersion",
] as const;

type AnalysisValues = Record<(typeof ANALYSIS_COLUMNS)[number], unknown>;

export class PgAnalysisStore {
  constructor(
    private readonly url?: string,
    private readonly options: StoreOptions = {},
  ) {}

  isCurrent(known: Pick<KnownSource, "contentHash" | "parserVersion">, contentHash: string): boolean {
    const { parserVersion } = this.options;
    return known.contentHash === contentHash && (parserVersion === undefined || known.parserVersion === parserVersion);
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

  /** Writes a batch in one transaction; each document in its own savepoint. */
  async writeBatch(docs: PreparedAnalysis[]): Promise<WriteResult[]> {
    return this.writeTransaction(async (c) => {
      const identity = new PgIdentity(c, this.created);
      const results: WriteResult[] = [];
      for (const doc of docs) {
        await c.query("SAVEPOINT doc");
        identity.begin();
        try {
          const result = await this.writeDocument(c, identity, doc);
          await c.query("RELEASE SAVEPOINT doc");
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
      await refreshGapFacets(c);
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
        await q(c, `DELETE FROM "Analysis" WHERE "sourcePath" = ANY($1::text[])`, [removed]);
        await refreshGapFacets(c);
      }
      return removed;
    });
  }

  async deleteSource(sourcePath: string): Promise<boolean> {
    return this.writeTransaction(async (c) => {
      const deleted = (await c.query(`DELETE FROM "Analysis" WHERE "sourcePath" = $1`, [sourcePath])).rowCount! > 0;
      if (deleted) await refreshGapFacets(c);
      return deleted;
    });
  }

  /** Deletes one analysis by slug; returns its source path, or null when there is none. */
  async deleteBySlug(slug: string): Promise<string | null> {
    return this.writeTransaction(async (c) => {
      const rows = await q<{ sourcePath: string }>(c, `DELETE FROM "Analysis" WHERE slug = $1 RETURNING "sourcePath"`, [slug]);
      if (!rows.length) return null;
      await refreshGapFacets(c);
      return rows[0]!.sourcePath;
    });
  }

  private async writeDocument(c: PgClient, identity: PgIdentity, doc: PreparedAnalysis): Promise<WriteResult> {
    const record = doc.record;
    const [existing] = await q<{ id: number; slug: string; contentHash: string; parserVersion: string }>(
      c,
      `SELECT id, slug, "contentHash", "parserVersion" FROM "Analysis" WHERE "sourcePath" = $1 FOR UPDATE`,
      [doc.sourcePath],
    );
    if (existing && this.isCurrent(existing, doc.contentHash)) return { sourcePath: doc.sourcePath, slug: existing.slug, status: "unchanged" };
    if (existing && doc.failed && (await keepPrevious(c, existing.id, doc))) return { sourcePath: doc.sourcePath, slug: existing.slug, status: "updated", kept: true };
    const values = analysisValues(doc, this.options.parserVersion ?? "");
    const keys = await identity.keysFor(existing?.id ?? null, record.failures);
    let id: number;
    let slug: string;
    if (existing) {
      id = existing.id;
      slug = existing.slug;
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
    for (const [index, failure] of record.failures.entries()) {
      await writeFailure(c, id, record.platform, failure, keys[index]!, doc.codeHtml[index] ?? [], doc.proseHtml?.failures[index]);
    }
    await identity.recordFailures(id, record.failures, keys);
    const gapIds = record.knowledgeGapIds ?? [];
    if (gapIds.length) {
      await q(c, `INSERT INTO "KnowledgeGap" (id, label, description) SELECT g, g, '' FROM unnest($1::text[]) g ON CONFLICT DO NOTHING`, [gapIds]);
      await q(c, `INSERT INTO "AnalysisGap" ("analysisId", "gapId") SELECT $1, g FROM unnest($2::text[]) g ON CONFLICT DO NOTHING`, [id, gapIds]);
    }
    await indexAnalysisPg(c, id);
    return { sourcePath: doc.sourcePath, slug, status: existing ? "updated" : "added" };
  }
}

async function refreshGapFacets(c: PgClient): Promise<void> {
  await c.query(`DELETE FROM "GapFacet"`);
  await c.query(`INSERT INTO "GapFacet" ("gapId", severity, platform, links) SELECT "gapId", severity, platform, count(*) FROM "FailureGap" GROUP BY 1, 2, 3`);
}

/** (Re)writes the full-text rows of one analysis and its failures (prisma/postgres/migrations/0002). */
export async function indexAnalysisPg(c: PgClient, analysisId: number): Promise<void> {
  await writeIndexRows(c, analysisId);
}

/** Rebuilds the whole full-text index from the tables (`npm run ingest -- --rebuild-index`). */
export async function rebuildSearchIndexPg(url?: string): Promise<{ analyses: number; failures: number }> {
  return inPgTransaction(async (client) => {
    await client.query(`DELETE FROM "analysis_fts"; DELETE FROM "failure_fts"`);
    return writeIndexRows(client, null);
  }, url);
}

async function writeIndexRows(c: PgClient, analysisId: number | null): Promise<{ analyses: number; failures: number }> {
  const only = (column: string) => (analysisId === null ? `$1::int IS NULL` : `${column} = $1`);
  const analyses = await c.query(
    `INSERT INTO "analysis_fts" (id, document)
     SELECT a.id, faultline_tsvector(a.title, 'A') || faultline_tsvector(a."taskId", 'A') || faultline_tsvector(a.summary, 'C')
       || faultline_tsvector((SELECT string_agg(f.title, E'\\n' ORDER BY f.number) FROM "Failure" f WHERE f."analysisId" = a.id), 'B')
     FROM "Analysis" a WHERE ${only("a.id")}
     ON CONFLICT (id) DO UPDATE SET document = excluded.document`,
    [analysisId],
  );
  const failures = await c.query(
    `INSERT INTO "failure_fts" (id, document)
     SELECT f.id, faultline_tsvector(a.title, 'C') || faultline_tsvector(f.title, 'A') || faultline_tsvector(f."rootCause", 'B')
       || faultline_tsvector(f."modelText" || E'\\n' || f."idealText", 'D')
       || faultline_tsvector((SELECT string_agg(c.value, E'\\n' ORDER BY c.side DESC, c.position) FROM "CodeBlock" c WHERE c."failureId" = f.id), 'D')
     FROM "Failure" f JOIN "Analysis" a ON a.id = f."analysisId" WHERE ${only('f."analysisId"')}
     ON CONFLICT (id) DO UPDATE SET document = excluded.document`,
    [analysisId],
  );
  return { analyses: analyses.rowCount ?? 0, failures: failures.rowCount ?? 0 };
}

async function writeFailure(
  c: PgClient, analysisId: number, platform: string | null, failure: ParsedFailure, key: string, codeHtml: string[][], prose?: FailureProseHtml,
): Promise<void> {
  const gaps = failure.gaps.length ? failure.gaps : ["unclassified"];
  const html = failureHtmlParams(prose);
  const [row] = await q<{ id: number }>(
    c,
    `INSERT INTO "Failure" ("analysisId", number, "key", title, severity, "severityRank", "severityNote", section, "modelText",
       "idealText", "rootCause", location, status, "fieldsJson", line, "primaryGap", platform,
       "modelHtml", "idealHtml", "rootCauseHtml", "fieldsHtml")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id`,
    [
      analysisId, failure.number, key, failure.title, failure.severity, SEVERITY_RANK[failure.severity] ?? 4, failure.severityNote,
      failure.section, failure.model.text, failure.ideal.text, failure.rootCause, failure.location, failure.status,
      JSON.stringify(failure.fields ?? []), failure.line, gaps[0] ?? "unclassified", platform,
      html.modelHtml, html.idealHtml, html.rootCauseHtml, html.fieldsHtml,
    ],
  );
  const failureId = row!.id;
  const blocks = [
    ...failure.model.code.map((block, position) => ({ side: "model", position, block })),
    ...failure.ideal.code.map((block, position) => ({ side: "ideal", position, block })),
  ];
  if (blocks.length) {
    await q(
      c,
      `INSERT INTO "CodeBlock" ("failureId", side, position, lang, value, "linesHtml")
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[])`,
      [
        failureId, blocks.map((b) => b.side), blocks.map((b) => b.position), blocks.map((b) => b.block.lang ?? null),
        blocks.map((b) => clean(b.block.value)), blocks.map((_, i) => clean(JSON.stringify(codeHtml[i] ?? []))),
      ],
    );
  }
  if (failure.impacts.length) {
    await q(c, `INSERT INTO "Impact" ("failureId", position, label, text, html) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`, [
      failureId, failure.impacts.map((_, i) => i), failure.impacts.map((i) => clean(i.label)), failure.impacts.map((i) => clean(i.text)),
      failure.impacts.map((_, i) => clean(prose?.impacts[i] ?? null)),
    ]);
  }
  if (failure.references.length) {
    await q(c, `INSERT INTO "Reference" ("failureId", position, title, url) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[])`, [
      failureId, failure.references.map((_, i) => i), failure.references.map((r) => clean(r.title)), failure.references.map((r) => clean(r.url)),
    ]);
  }
  await q(c, `INSERT INTO "KnowledgeGap" (id, label, description) SELECT g, g, '' FROM unnest($1::text[]) g ON CONFLICT DO NOTHING`, [gaps]);
  await q(
    c,
    `INSERT INTO "FailureGap" ("failureId", "gapId", rank, severity, platform, "analysisId")
     SELECT $1, g.id, g.rank - 1, $3, $4, $5 FROM unnest($2::text[]) WITH ORDINALITY AS g(id, rank) ON CONFLICT DO NOTHING`,
    [failureId, gaps, failure.severity, platform, analysisId],
  );
}

/** lib/data/keep-previous.ts on PostgreSQL: keeps the stored analysis when the changed document failed to parse. */
async function keepPrevious(c: PgClient, id: number, doc: PreparedAnalysis): Promise<boolean> {
  const failed = doc.failed;
  if (!failed) return false;
  const [row] = await q<{ warningsJson: string; recordJson: string | null }>(
    c,
    `SELECT a."warningsJson", s."recordJson" FROM "Analysis" a LEFT JOIN "AnalysisSource" s ON s."analysisId" = a.id WHERE a.id = $1`,
    [id],
  );
  if (!row) return false;
  const warnings = parseJson<ParseWarning[]>(row.warningsJson) ?? [];
  if (warnings.some((w) => PARSE_FAILURE_CODES.includes(w.code))) return false;
  const note: ParseWarning = {
    code: KEPT_WARNING,
    message:
      `The file (or the parser) changed (${new Date().toISOString()}) but the new parse failed (${failed.code}: ${failed.message}); ` +
      `this is still the previous analysis, from the previous version.`,
    line: null,
  };
  const next = [...warnings.filter((w) => w.code !== KEPT_WARNING), note];
  await q(c, `UPDATE "Analysis" SET "warningsJson" = $1, "warningCount" = $2 WHERE id = $3`, [JSON.stringify(next), next.length, id]);
  const record = row.recordJson ? parseJson<{ warnings?: ParseWarning[] }>(row.recordJson) : null;
  if (record) {
    record.warnings = [...(record.warnings ?? []).filter((w) => w.code !== KEPT_WARNING), note];
    await q(c, `UPDATE "AnalysisSource" SET "recordJson" = $1 WHERE "analysisId" = $2`, [JSON.stringify(record), id]);
  }
  return true;
}

function parseJson<T>(json: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** lib/data/identity-store.ts on PostgreSQL: slugs, failure keys and their aliases, inside the batch's transaction. */
class PgIdentity {
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

function analysisValues(doc: PreparedAnalysis, parserVersion: string): AnalysisValues {
  const r = doc.record;
  const counts = severityCounts(r.failures);
  const score = r.score;
  return {
    contentHash: doc.contentHash,
    title: r.title?.trim() || (doc.sourcePath.split("/").pop()?.replace(/\.(md|markdown|txt)$/i, "") || doc.sourcePath),
    taskId: r.taskId,
    documentDate: r.date ?? null,
    platform: r.platform,
    language: r.language,
    summary: r.summary,
    summaryHtml: doc.proseHtml?.summary ?? null,
    scoreValue: score?.value ?? null,
    scoreMax: score?.max ?? null,
    scoreNorm: score && score.max > 0 ? (score.value / score.max) * 10 : null,
    scoresJson: JSON.stringify(r.scores ?? []),
    declaredCritical: r.declaredCounts?.critical ?? null,
    declaredHigh: r.declaredCounts?.high ?? null,
    declaredMedium: r.declaredCounts?.medium ?? null,
    declaredLow: r.declaredCounts?.low ?? null,
    hasDeclaredCounts: Boolean(r.declaredCounts),
    criticalCount: counts.critical,
    highCount: counts.high,
    mediumCount: counts.medium,
    lowCount: counts.low,
    unknownCount: counts.unknown,
    failureCount: r.failures.length,
    failureLoad: failureLoad(r.failures),
    knowledgeGapsJson: JSON.stringify(r.knowledgeGaps ?? []),
    warningsJson: JSON.stringify(r.warnings ?? []),
    warningCount: r.warnings?.length ?? 0,
    byteSize: doc.byteSize,
    parseMs: doc.parseMs,
    parserVersion,
  };
}
