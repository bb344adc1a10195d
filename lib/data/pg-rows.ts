// The rows one document becomes on PostgreSQL (lib/data/pg-store.ts writes them in its savepoint): the
// Analysis columns, each failure with its code blocks, impacts, references and gaps, and the
// keep-the-previous-analysis rule of lib/data/keep-previous.ts when a changed document failed to parse.
import type { ParsedFailure, ParseWarning } from "../parser/types";
import { PARSE_FAILURE_CODES, type PreparedAnalysis } from "../ingest/prepare";
import type { FailureProseHtml } from "../render/prose";
import { KEPT_WARNING } from "./keep-previous";
import type { PgClient } from "./postgres";
import { clean, q } from "./pg-query";
import { failureHtmlParams, failureLoad, SEVERITY_RANK, severityCounts } from "./store-model";

export const ANALYSIS_COLUMNS = [
  "contentHash", "title", "taskId", "documentDate", "platform", "language", "summary", "summaryHtml", "scoreValue", "scoreMax", "scoreNorm",
  "scoresJson", "declaredCritical", "declaredHigh", "declaredMedium", "declaredLow", "hasDeclaredCounts", "criticalCount",
  "highCount", "mediumCount", "lowCount", "unknownCount", "failureCount", "failureLoad", "knowledgeGapsJson", "warningsJson",
  "warningCount", "byteSize", "parseMs", "parserVersion",
] as const;

export type AnalysisValues = Record<(typeof ANALYSIS_COLUMNS)[number], unknown>;

export function analysisValues(doc: PreparedAnalysis, parserVersion: string): AnalysisValues {
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

export async function writeFailure(
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
export async function keepPrevious(c: PgClient, id: number, doc: PreparedAnalysis): Promise<boolean> {
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
