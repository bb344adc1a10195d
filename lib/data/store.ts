// Writes analyses with prepared statements, one transaction per batch and a savepoint per document,
// so a document that fails leaves the database as it was for that document and the others proceed.
// lib/data/pg-store.ts is the same store on PostgreSQL.
import type { ParsedFailure } from "../parser/types";
import type { PreparedAnalysis } from "../ingest/prepare";
import type { FailureProseHtml } from "../render/prose";
import { IdentityStore, newAnalysisIdentity } from "./identity-store";
import { GapFacetDelta, sqliteGapFacet } from "./gap-facet";
import { keepPreviousAnalysis } from "./keep-previous";
import { indexAnalysis } from "./search-index";
import { isPgDatabaseLevelError } from "./postgres";
import type { Sqlite } from "./sqlite";
import { analysisParams, failureHtmlParams, isCurrentSource, SEVERITY_RANK, storedParserVersion, type GapDefinition, type KnownSource, type StoreOptions, type WriteResult } from "./store-model";

// The shared part (store-model.ts) stays importable from here.
export {
  failureHtmlParams, failureLoad, SEVERITY_RANK, SEVERITY_WEIGHT, severityCounts, type GapDefinition, type KnownSource, type StoreOptions, type WriteResult,
} from "./store-model";

export class AnalysisStore {
  private readonly stmts;
  /** Slugs, failure keys and their aliases (lib/data/identity-store.ts). */
  readonly identity: IdentityStore;
  /** GapFacet kept by difference (lib/data/gap-facet.ts). */
  private readonly gapFacet;

  constructor(
    private readonly db: Sqlite,
    private readonly options: StoreOptions = {},
  ) {
    this.identity = new IdentityStore(db);
    this.gapFacet = sqliteGapFacet(db);
    this.stmts = {
      known: db.prepare<[], { id: number; slug: string; sourcePath: string; contentHash: string; parserVersion: string }>(
        `SELECT id, slug, sourcePath, contentHash, parserVersion FROM "Analysis"`,
      ),
      slugOwner: db.prepare<[string], { sourcePath: string }>(`SELECT sourcePath FROM "Analysis" WHERE slug = ?`),
      bySource: db.prepare<[string], { id: number; slug: string; contentHash: string; parserVersion: string }>(
        `SELECT id, slug, contentHash, parserVersion FROM "Analysis" WHERE sourcePath = ?`,
      ),
      insertAnalysis: db.prepare(
        `INSERT INTO "Analysis" (slug, sourcePath, contentHash, title, taskId, documentDate, platform, language, summary, summaryHtml,
          scoreValue, scoreMax, scoreNorm, scoresJson, declaredCritical, declaredHigh, declaredMedium, declaredLow,
          hasDeclaredCounts, criticalCount, highCount, mediumCount, lowCount, unknownCount, failureCount, failureLoad,
          knowledgeGapsJson, warningsJson, warningCount, severityMismatchCount, byteSize, parseMs, parserVersion, createdAt, updatedAt)
         VALUES (@slug, @sourcePath, @contentHash, @title, @taskId, @documentDate, @platform, @language, @summary, @summaryHtml,
          @scoreValue, @scoreMax, @scoreNorm, @scoresJson, @declaredCritical, @declaredHigh, @declaredMedium, @declaredLow,
          @hasDeclaredCounts, @criticalCount, @highCount, @mediumCount, @lowCount, @unknownCount, @failureCount, @failureLoad,
          @knowledgeGapsJson, @warningsJson, @warningCount, @severityMismatchCount, @byteSize, @parseMs, @parserVersion, @now, @now)`,
      ),
      updateAnalysis: db.prepare(
        `UPDATE "Analysis" SET contentHash=@contentHash, title=@title, taskId=@taskId, documentDate=@documentDate, platform=@platform,
          language=@language, summary=@summary, summaryHtml=@summaryHtml, scoreValue=@scoreValue, scoreMax=@scoreMax, scoreNorm=@scoreNorm,
          scoresJson=@scoresJson, declaredCritical=@declaredCritical, declaredHigh=@declaredHigh,
          declaredMedium=@declaredMedium, declaredLow=@declaredLow, hasDeclaredCounts=@hasDeclaredCounts,
          criticalCount=@criticalCount, highCount=@highCount, mediumCount=@mediumCount, lowCount=@lowCount,
          unknownCount=@unknownCount, failureCount=@failureCount, failureLoad=@failureLoad,
          knowledgeGapsJson=@knowledgeGapsJson, warningsJson=@warningsJson, warningCount=@warningCount,
          severityMismatchCount=@severityMismatchCount,
          byteSize=@byteSize, parseMs=@parseMs, parserVersion=@parserVersion, updatedAt=@now
         WHERE id=@id`,
      ),
      upsertSource: db.prepare(
        `INSERT INTO "AnalysisSource" (analysisId, raw, recordJson, rawBytes) VALUES (?, ?, ?, ?)
         ON CONFLICT(analysisId) DO UPDATE SET raw = excluded.raw, recordJson = excluded.recordJson, rawBytes = excluded.rawBytes`,
      ),
      deleteFailures: db.prepare(`DELETE FROM "Failure" WHERE analysisId = ?`),
      deleteAnalysisGaps: db.prepare(`DELETE FROM "AnalysisGap" WHERE analysisId = ?`),
      insertFailure: db.prepare(
        `INSERT INTO "Failure" (analysisId, number, "key", title, severity, severityRank, severityNote, section, modelText,
          idealText, rootCause, location, status, fieldsJson, line, primaryGap, platform, modelHtml, idealHtml, rootCauseHtml, fieldsHtml)
         VALUES (@analysisId, @number, @key, @title, @severity, @severityRank, @severityNote, @section, @modelText,
          @idealText, @rootCause, @location, @status, @fieldsJson, @line, @primaryGap, @platform, @modelHtml, @idealHtml, @rootCauseHtml, @fieldsHtml)`,
      ),
      insertCode: db.prepare(
        `INSERT INTO "CodeBlock" (failureId, side, position, lang, value, linesHtml) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertImpact: db.prepare(`INSERT INTO "Impact" (failureId, position, label, text, html) VALUES (?, ?, ?, ?, ?)`),
      insertReference: db.prepare(`INSERT INTO "Reference" (failureId, position, title, url) VALUES (?, ?, ?, ?)`),
      insertFailureGap: db.prepare(`INSERT OR IGNORE INTO "FailureGap" (failureId, gapId, rank, severity, platform, analysisId) VALUES (?, ?, ?, ?, ?, ?)`),
      insertAnalysisGap: db.prepare(`INSERT OR IGNORE INTO "AnalysisGap" (analysisId, gapId) VALUES (?, ?)`),
      ensureGap: db.prepare(`INSERT OR IGNORE INTO "KnowledgeGap" (id, label, description) VALUES (?, ?, '')`),
      upsertGap: db.prepare(
        `INSERT INTO "KnowledgeGap" (id, label, description) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET label = excluded.label, description = excluded.description`,
      ),
      deleteBySource: db.prepare(`DELETE FROM "Analysis" WHERE sourcePath = ?`),
      idBySource: db.prepare<[string], { id: number }>(`SELECT id FROM "Analysis" WHERE sourcePath = ?`),
    };
  }

  /** Deletes the analysis of `sourcePath`, its links taken off `delta` first; false when there is none. */
  private deleteOne(sourcePath: string, delta: GapFacetDelta): boolean {
    const row = this.stmts.idBySource.get(sourcePath);
    if (!row) return false;
    delta.add(this.gapFacet.links(row.id), -1);
    this.stmts.deleteBySource.run(sourcePath);
    return true;
  }

  /** sourcePath → what is stored for it, to skip unchanged files without reading them twice. */
  /** Stored from these very bytes by the parser in use now (nothing to parse again). */
  isCurrent(known: Pick<KnownSource, "contentHash" | "parserVersion">, contentHash: string): boolean {
    return isCurrentSource(known, contentHash, this.options);
  }

  knownSources(): Map<string, KnownSource> {
    const map = new Map<string, KnownSource>();
    for (const row of this.stmts.known.all()) map.set(row.sourcePath, row);
    return map;
  }

  /** Makes the taxonomy's categories (and "unclassified") available as KnowledgeGap rows. */
  syncGaps(gaps: GapDefinition[]): void {
    this.db.transaction(() => {
      for (const gap of gaps) this.stmts.upsertGap.run(gap.id, gap.label, gap.description ?? "");
      this.stmts.upsertGap.run("unclassified", "Unclassified", "No category matched this failure.");
    }).immediate();
  }

  /** Writes a batch in one transaction; each document in its own savepoint. */
  writeBatch(docs: PreparedAnalysis[]): WriteResult[] {
    const writeOne = this.db.transaction((doc: PreparedAnalysis, delta: GapFacetDelta) => this.writeDocument(doc, delta));
    return this.db.transaction(() => {
      const batchDelta = new GapFacetDelta();
      const results = docs.map((doc): WriteResult => {
        try {
          const delta = new GapFacetDelta();
          const result = writeOne(doc, delta);
          batchDelta.merge(delta); // only once the document's savepoint is released
          // A document that could not be parsed is stored (raw text and the warning) but counts as failed.
          if (!doc.failed) return result;
          const kept = result.kept ? " The previous analysis is kept." : "";
          return { ...result, status: "failed", error: `${doc.failed.code}: ${doc.failed.message.replace(/\.?$/, ".")}${kept}` };
        } catch (error) {
          // A read-only, full, busy or broken database is not this document's fault: stop the batch.
          if (isSqliteDatabaseLevelError(error)) throw error;
          return { sourcePath: doc.sourcePath, status: "failed", error: (error as Error).message };
        }
      });
      this.gapFacet.apply(batchDelta);
      return results;
    }).immediate(); // take the write lock up front: a concurrent ingest waits instead of failing on upgrade
  }

  /** Removes the analyses of sources not in `keep`; returns the removed source paths. */
  prune(shouldRemove: (sourcePath: string) => boolean): string[] {
    const removed: string[] = [];
    this.db.transaction(() => {
      const delta = new GapFacetDelta();
      for (const row of this.stmts.known.all()) {
        if (shouldRemove(row.sourcePath) && this.deleteOne(row.sourcePath, delta)) removed.push(row.sourcePath);
      }
      this.gapFacet.apply(delta);
    }).immediate();
    return removed;
  }

  deleteSource(sourcePath: string): boolean {
    return this.db.transaction(() => {
      const delta = new GapFacetDelta();
      const deleted = this.deleteOne(sourcePath, delta);
      this.gapFacet.apply(delta);
      return deleted;
    }).immediate();
  }

  /** Deletes one analysis by slug; returns its source path, or null when there is none. */
  deleteBySlug(slug: string): string | null {
    const row = this.stmts.slugOwner.get(slug);
    if (!row) return null;
    this.deleteSource(row.sourcePath);
    return row.sourcePath;
  }

  /** Writes one document; the change to its gap links goes to `delta`. */
  private writeDocument(doc: PreparedAnalysis, delta: GapFacetDelta): WriteResult {
    const record = doc.record;
    const existing = this.stmts.bySource.get(doc.sourcePath);
    // Compared here, inside the write transaction: a concurrent ingest may have stored these very bytes
    // since this one listed what was known, and rewriting them would only report "updated" for nothing.
    if (existing && this.isCurrent(existing, doc.contentHash)) return { sourcePath: doc.sourcePath, slug: existing.slug, status: "unchanged" };
    // A changed file that failed to parse never replaces a good analysis with an empty one.
    if (existing && doc.failed && keepPreviousAnalysis(this.db, existing.id, doc)) return { sourcePath: doc.sourcePath, slug: existing.slug, status: "updated", kept: true };
    const params = { ...analysisParams(doc), parserVersion: storedParserVersion(doc, this.options) };
    let id: number;
    let slug: string;
    // Failures still in the document keep their link keys (read before the old rows go).
    const keys = this.identity.keysFor(existing?.id ?? null, record.failures);
    if (existing) {
      id = existing.id;
      slug = existing.slug;
      delta.add(this.gapFacet.links(id), -1);
      this.stmts.deleteFailures.run(id);
      this.stmts.deleteAnalysisGaps.run(id);
      this.stmts.updateAnalysis.run({ ...params, id });
    } else {
      const identity = newAnalysisIdentity(doc);
      slug = this.identity.slugFor(identity);
      id = Number(this.stmts.insertAnalysis.run({ ...params, slug, sourcePath: doc.sourcePath }).lastInsertRowid);
      this.identity.registerNew(id, slug, identity);
    }
    // The original bytes only when the text does not encode back to them (a worker sends a Uint8Array).
    const rawBytes = doc.rawBytes ? Buffer.from(doc.rawBytes.buffer, doc.rawBytes.byteOffset, doc.rawBytes.byteLength) : null;
    this.stmts.upsertSource.run(id, doc.raw, JSON.stringify(record), rawBytes);
    record.failures.forEach((failure, index) => this.writeFailure(id, record.platform, failure, keys[index]!, doc.codeHtml[index] ?? [], doc.proseHtml?.failures[index]));
    this.identity.recordFailures(id, record.failures, keys);
    for (const gapId of record.knowledgeGapIds ?? []) {
      this.stmts.ensureGap.run(gapId, gapId);
      this.stmts.insertAnalysisGap.run(id, gapId);
    }
    indexAnalysis(this.db, id);
    this.gapFacet.writePairs(id);
    delta.add(this.gapFacet.links(id), 1);
    return { sourcePath: doc.sourcePath, slug, status: existing ? "updated" : "added" };
  }

  private writeFailure(analysisId: number, platform: string | null, failure: ParsedFailure, key: string, codeHtml: string[][], prose?: FailureProseHtml): void {
    const gaps = failure.gaps.length ? failure.gaps : ["unclassified"];
    const failureId = Number(
      this.stmts.insertFailure.run({
        analysisId,
        number: failure.number,
        key,
        title: failure.title,
        severity: failure.severity,
        severityRank: SEVERITY_RANK[failure.severity] ?? 4,
        severityNote: failure.severityNote,
        section: failure.section,
        modelText: failure.model.text,
        idealText: failure.ideal.text,
        rootCause: failure.rootCause,
        location: failure.location,
        status: failure.status,
        fieldsJson: JSON.stringify(failure.fields ?? []),
        line: failure.line,
        primaryGap: gaps[0] ?? "unclassified",
        platform,
        ...failureHtmlParams(prose),
      }).lastInsertRowid,
    );
    const blocks = [
      ...failure.model.code.map((block, position) => ({ side: "model", position, block })),
      ...failure.ideal.code.map((block, position) => ({ side: "ideal", position, block })),
    ];
    blocks.forEach(({ side, position, block }, index) =>
      this.stmts.insertCode.run(failureId, side, position, block.lang, block.value, JSON.stringify(codeHtml[index] ?? [])),
    );
    failure.impacts.forEach((impact, position) => this.stmts.insertImpact.run(failureId, position, impact.label, impact.text, prose?.impacts[position] ?? null));
    failure.references.forEach((ref, position) => this.stmts.insertReference.run(failureId, position, ref.title, ref.url));
    gaps.forEach((gapId, rank) => {
      this.stmts.ensureGap.run(gapId, gapId);
      this.stmts.insertFailureGap.run(failureId, gapId, rank, failure.severity, platform, analysisId);
    });
  }
}

const DATABASE_LEVEL = /^SQLITE_(READONLY|BUSY|LOCKED|IOERR|FULL|CORRUPT|CANTOPEN|NOTADB|PERM)/;

function isSqliteDatabaseLevelError(error: unknown): boolean {
  return DATABASE_LEVEL.test((error as { code?: string })?.code ?? "");
}

/** A read-only, full, busy or broken database (SQLite), or an unreachable or refusing server (PostgreSQL). */
export function isDatabaseLevelError(error: unknown): boolean {
  return isSqliteDatabaseLevelError(error) || isPgDatabaseLevelError(error);
}
