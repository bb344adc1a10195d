// The rows one document becomes on PostgreSQL (lib/data/pg-store.ts writes them in its savepoint): the
// Analysis columns, each failure with its code blocks, impacts, references and gaps, and the
// keep-the-previous-analysis rule of lib/data/keep-previous.ts when a changed document failed to parse.
import type { ParsedFailure } from "../parser/types";
import type { PreparedAnalysis } from "../ingest/prepare";
import type { FailureProseHtml } from "../render/prose";
import { keptRows } from "./keep-previous";
import type { PgClient } from "./postgres";
import { clean, q } from "./pg-query";
import { analysisParams, failureHtmlParams, SEVERITY_RANK } from "./store-model";

export const ANALYSIS_COLUMNS = [
  "contentHash", "title", "taskId", "documentDate", "platform", "language", "summary", "summaryHtml", "scoreValue", "scoreMax", "scoreNorm",
  "scoresJson", "declaredCritical", "declaredHigh", "declaredMedium", "declaredLow", "hasDeclaredCounts", "criticalCount",
  "highCount", "mediumCount", "lowCount", "unknownCount", "failureCount", "failureLoad", "knowledgeGapsJson", "warningsJson",
  "warningCount", "severityMismatchCount", "byteSize", "parseMs", "parserVersion",
] as const;

export type AnalysisValues = Record<(typeof ANALYSIS_COLUMNS)[number], unknown>;

export function analysisValues(doc: PreparedAnalysis, parserVersion: string): AnalysisValues {
  // The SQLite store's values (store-model.ts), with a real boolean and without its integer timestamp.
  const { now: _now, ...shared } = analysisParams(doc);
  return { ...shared, hasDeclaredCounts: Boolean(doc.record.declaredCounts), parserVersion };
}

/**
 * Writes one analysis's failures with their code blocks, impacts, references and gaps: one statement per
 * table for the whole document (arrays through unnest), not one per failure, so a document costs the
 * same few round trips whatever its size. Failure ids follow the failures' order.
 */
export async function writeFailures(
  c: PgClient, analysisId: number, platform: string | null, failures: ParsedFailure[], keys: string[], codeHtml: string[][][], prose: (FailureProseHtml | undefined)[],
): Promise<void> {
  if (!failures.length) return;
  const gapsOf = failures.map((f) => (f.gaps.length ? f.gaps : ["unclassified"]));
  const html = failures.map((_, i) => failureHtmlParams(prose[i]));
  const column = <T,>(value: (f: ParsedFailure, i: number) => T) => failures.map((f, i) => clean(value(f, i)));
  const rows = await q<{ id: number; key: string }>(
    c,
    `INSERT INTO "Failure" ("analysisId", number, "key", title, severity, "severityRank", "severityNote", section, "modelText",
       "idealText", "rootCause", location, status, "fieldsJson", line, "primaryGap", platform,
       "modelHtml", "idealHtml", "rootCauseHtml", "fieldsHtml")
     SELECT $1, x.number, x.key, x.title, x.severity, x.rank, x.note, x.section, x.model, x.ideal, x.cause, x.location, x.status,
       x.fields, x.line, x.gap, $2, x."modelHtml", x."idealHtml", x."rootCauseHtml", x."fieldsHtml"
     FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
       $13::text[], $14::text[], $15::text[], $16::int[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[])
       WITH ORDINALITY AS x(number, key, title, severity, rank, note, section, model, ideal, cause, location, status, fields, line, gap,
         "modelHtml", "idealHtml", "rootCauseHtml", "fieldsHtml", ord)
     ORDER BY x.ord RETURNING id, "key"`,
    [
      analysisId, platform, column((f) => f.number), column((_, i) => keys[i]!), column((f) => f.title), column((f) => f.severity),
      column((f) => SEVERITY_RANK[f.severity] ?? 4), column((f) => f.severityNote), column((f) => f.section), column((f) => f.model.text),
      column((f) => f.ideal.text), column((f) => f.rootCause), column((f) => f.location), column((f) => f.status),
      column((f) => JSON.stringify(f.fields ?? [])), column((f) => f.line), column((_, i) => gapsOf[i]![0] ?? "unclassified"),
      column((_, i) => html[i]!.modelHtml), column((_, i) => html[i]!.idealHtml), column((_, i) => html[i]!.rootCauseHtml),
      column((_, i) => html[i]!.fieldsHtml),
    ],
  );
  const idOf = new Map(rows.map((r) => [r.key, r.id]));
  const ids = keys.map((key) => idOf.get(key)!);
  const blocks = failures.flatMap((f, i) =>
    [...f.model.code.map((block, position) => ({ side: "model", position, block })), ...f.ideal.code.map((block, position) => ({ side: "ideal", position, block }))].map(
      (b, n) => ({ ...b, failureId: ids[i]!, html: JSON.stringify(codeHtml[i]?.[n] ?? []) }),
    ),
  );
  if (blocks.length) {
    await q(c, `INSERT INTO "CodeBlock" ("failureId", side, position, lang, value, "linesHtml") SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])`, [
      blocks.map((b) => b.failureId), blocks.map((b) => b.side), blocks.map((b) => b.position), blocks.map((b) => clean(b.block.lang ?? null)),
      blocks.map((b) => clean(b.block.value)), blocks.map((b) => clean(b.html)),
    ]);
  }
  const impacts = failures.flatMap((f, i) => f.impacts.map((impact, position) => ({ failureId: ids[i]!, position, impact, html: prose[i]?.impacts[position] ?? null })));
  if (impacts.length) {
    await q(c, `INSERT INTO "Impact" ("failureId", position, label, text, html) SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[])`, [
      impacts.map((x) => x.failureId), impacts.map((x) => x.position), impacts.map((x) => clean(x.impact.label)), impacts.map((x) => clean(x.impact.text)),
      impacts.map((x) => clean(x.html)),
    ]);
  }
  const refs = failures.flatMap((f, i) => f.references.map((ref, position) => ({ failureId: ids[i]!, position, ref })));
  if (refs.length) {
    await q(c, `INSERT INTO "Reference" ("failureId", position, title, url) SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[])`, [
      refs.map((x) => x.failureId), refs.map((x) => x.position), refs.map((x) => clean(x.ref.title)), refs.map((x) => clean(x.ref.url)),
    ]);
  }
  const links = failures.flatMap((f, i) => gapsOf[i]!.map((gapId, rank) => ({ failureId: ids[i]!, gapId, rank, severity: f.severity })));
  await q(c, `INSERT INTO "KnowledgeGap" (id, label, description) SELECT g, g, '' FROM unnest($1::text[]) g ON CONFLICT DO NOTHING`, [
    [...new Set(links.map((l) => clean(l.gapId)))],
  ]);
  await q(
    c,
    `INSERT INTO "FailureGap" ("failureId", "gapId", rank, severity, platform, "analysisId")
     SELECT x.f, x.g, x.r, x.s, $1, $2 FROM unnest($3::int[], $4::text[], $5::int[], $6::text[]) AS x(f, g, r, s) ON CONFLICT DO NOTHING`,
    [platform, analysisId, links.map((l) => l.failureId), links.map((l) => clean(l.gapId)), links.map((l) => l.rank), links.map((l) => l.severity)],
  );
}

/** lib/data/keep-previous.ts on PostgreSQL: keeps the stored analysis when the changed document failed to parse. */
export async function keepPrevious(c: PgClient, id: number, doc: PreparedAnalysis): Promise<boolean> {
  if (!doc.failed) return false;
  const [row] = await q<{ warningsJson: string; recordJson: string | null }>(
    c,
    `SELECT a."warningsJson", s."recordJson" FROM "Analysis" a LEFT JOIN "AnalysisSource" s ON s."analysisId" = a.id WHERE a.id = $1`,
    [id],
  );
  const kept = row ? keptRows(row, doc.failed) : null;
  if (!kept) return false;
  await q(c, `UPDATE "Analysis" SET "warningsJson" = $1, "warningCount" = $2 WHERE id = $3`, [kept.warningsJson, kept.warningCount, id]);
  if (kept.recordJson) await q(c, `UPDATE "AnalysisSource" SET "recordJson" = $1 WHERE "analysisId" = $2`, [kept.recordJson, id]);
  return true;
}
