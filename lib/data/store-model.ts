// What both write stores share (lib/data/store.ts on SQLite, lib/data/pg-store.ts on PostgreSQL): the
// types of their interface and the Analysis and Failure column values one parsed document gives.
// Severity ranks, weights and the failure load are lib/domain's, re-exported for the stores.
import { failureLoad, SEVERITY_RANK, SEVERITY_WEIGHT } from "../domain/severity";
import type { ParsedFailure, Severity } from "../parser/types";
import type { PreparedAnalysis } from "../ingest/prepare";
import type { FailureProseHtml } from "../render/prose";

export { failureLoad, SEVERITY_RANK, SEVERITY_WEIGHT };

/** The parser warning /scores audits as "severity differs from section", counted per analysis (migration 0021). */
const SEVERITY_MISMATCH = "severity-mismatch";

export interface KnownSource {
  id: number;
  slug: string;
  contentHash: string;
  parserVersion: string;
}

export interface StoreOptions {
  /**
   * The parser/taxonomy version documents are parsed with now (lib/ingest/parser-version.ts): a stored
   * analysis counts as unchanged only when its bytes *and* its version match. Omitted: bytes only.
   */
  parserVersion?: string;
}

/**
 * Stored as the parser version of a document whose parse failed (parse-timeout, parser-error): such a
 * row is never "unchanged", so the next ingest parses the file again instead of keeping the failure
 * until the file changes (a timeout on a loaded machine is not a property of the file).
 */
export const FAILED_PARSE_VERSION = "parse-failed";

/** The parser version to store for `doc`. */
export function storedParserVersion(doc: Pick<PreparedAnalysis, "failed">, options: StoreOptions): string {
  return doc.failed ? FAILED_PARSE_VERSION : (options.parserVersion ?? "");
}

/** Whether a stored analysis already is what these bytes parse to now, so the file can be skipped. */
export function isCurrentSource(
  known: Pick<KnownSource, "contentHash" | "parserVersion">,
  contentHash: string,
  options: StoreOptions,
): boolean {
  if (known.parserVersion === FAILED_PARSE_VERSION || known.contentHash !== contentHash) return false;
  return options.parserVersion === undefined || known.parserVersion === options.parserVersion;
}

export interface WriteResult {
  sourcePath: string;
  slug?: string;
  status: "added" | "updated" | "unchanged" | "failed";
  error?: string;
  /** A changed document that failed to parse: its previous analysis was kept. */
  kept?: boolean;
}

export interface GapDefinition {
  id: string;
  label: string;
  description?: string;
}

/** Counts failures per severity. */
export function severityCounts(failures: Pick<ParsedFailure, "severity">[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
  for (const f of failures) counts[f.severity]++;
  return counts;
}

export function analysisParams(doc: PreparedAnalysis) {
  const r = doc.record;
  const counts = severityCounts(r.failures);
  const score = r.score;
  return {
    contentHash: doc.contentHash,
    title: r.title?.trim() || fallbackTitle(doc.sourcePath),
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
    hasDeclaredCounts: r.declaredCounts ? 1 : 0,
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
    severityMismatchCount: (r.warnings ?? []).filter((w) => w.code === SEVERITY_MISMATCH).length,
    byteSize: doc.byteSize,
    parseMs: doc.parseMs,
    now: sqliteTimestamp(new Date()),
  };
}

/** A failure's stored prose HTML columns; all null without prose (the page then renders the Markdown). */
export function failureHtmlParams(prose: FailureProseHtml | undefined) {
  return {
    modelHtml: prose?.model ?? null,
    idealHtml: prose?.ideal ?? null,
    rootCauseHtml: prose?.rootCause ?? null,
    fieldsHtml: prose ? JSON.stringify(prose.fields) : null,
  };
}

function fallbackTitle(sourcePath: string): string {
  return sourcePath.split("/").pop()?.replace(/\.(md|markdown|txt)$/i, "") || sourcePath;
}

/**
 * A time as SQLite's DATETIME columns hold it: the text Prisma's SQLite adapter writes and reads (ISO 8601
 * in UTC with milliseconds and `+00:00`), so the rows the store writes by hand sort and read like the rows
 * Prisma writes (migration 0018 turned the older integer milliseconds into the same text). The PostgreSQL
 * store uses the server's clock in its `timestamp(3)` columns instead.
 */
export function sqliteTimestamp(at: Date): string {
  return at.toISOString().replace("Z", "+00:00");
}
