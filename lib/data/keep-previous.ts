// A changed document whose parse failed (parse-timeout, parser-error) must not replace a good
// analysis with an empty one: the stored analysis stays as it was, with one warning saying that the
// file changed and why the new version could not be read. Its content hash stays the old one, so the
// next ingest tries the file again.
import { PARSE_FAILURE_CODES, type PreparedAnalysis } from "../ingest/prepare";
import type { ParseWarning } from "../parser/types";
import type { Sqlite } from "./sqlite";

export const KEPT_WARNING = "previous-analysis-kept";

/**
 * Keeps analysis `id` and adds (or replaces) its kept-previous warning. Returns false, changing
 * nothing, when the stored analysis is itself a failed parse: then the new version may replace it.
 * Call inside the write transaction.
 */
export function keepPreviousAnalysis(db: Sqlite, id: number, doc: PreparedAnalysis): boolean {
  if (!doc.failed) return false;
  const row = db
    .prepare<[number], { warningsJson: string; recordJson: string | null }>(
      `SELECT a.warningsJson, s.recordJson FROM "Analysis" a LEFT JOIN "AnalysisSource" s ON s.analysisId = a.id WHERE a.id = ?`,
    )
    .get(id);
  const kept = row ? keptRows(row, doc.failed) : null;
  if (!kept) return false;
  db.prepare(`UPDATE "Analysis" SET warningsJson = ?, warningCount = ? WHERE id = ?`).run(kept.warningsJson, kept.warningCount, id);
  if (kept.recordJson) db.prepare(`UPDATE "AnalysisSource" SET recordJson = ? WHERE analysisId = ?`).run(kept.recordJson, id);
  return true;
}

/**
 * The stored analysis's warnings and source record with the kept-previous warning added (or
 * replaced), for both stores to write; null when the stored analysis is itself a failed parse.
 */
export function keptRows(
  row: { warningsJson: string; recordJson: string | null },
  failed: NonNullable<PreparedAnalysis["failed"]>,
): { warningsJson: string; warningCount: number; recordJson: string | null } | null {
  const warnings = parse<ParseWarning[]>(row.warningsJson) ?? [];
  if (warnings.some((w) => PARSE_FAILURE_CODES.includes(w.code))) return null;
  const note: ParseWarning = {
    code: KEPT_WARNING,
    message:
      `The file (or the parser) changed (${new Date().toISOString()}) but the new parse failed (${failed.code}: ${failed.message}); ` +
      `this is still the previous analysis, from the previous version.`,
    line: null,
  };
  const withNote = (list: ParseWarning[]) => [...list.filter((w) => w.code !== KEPT_WARNING), note];
  const next = withNote(warnings);
  const record = row.recordJson ? parse<{ warnings?: ParseWarning[] }>(row.recordJson) : null;
  if (record) record.warnings = withNote(record.warnings ?? []);
  return { warningsJson: JSON.stringify(next), warningCount: next.length, recordJson: record ? JSON.stringify(record) : null };
}

function parse<T>(json: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}
