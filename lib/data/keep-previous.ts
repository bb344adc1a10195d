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
  const failed = doc.failed;
  if (!failed) return false;
  const row = db
    .prepare<[number], { warningsJson: string; recordJson: string | null }>(
      `SELECT a.warningsJson, s.recordJson FROM "Analysis" a LEFT JOIN "AnalysisSource" s ON s.analysisId = a.id WHERE a.id = ?`,
    )
    .get(id);
  if (!row) return false;
  const warnings = parse<ParseWarning[]>(row.warningsJson) ?? [];
  if (warnings.some((w) => PARSE_FAILURE_CODES.includes(w.code))) return false;
  const note: ParseWarning = {
    code: KEPT_WARNING,
    message:
      `The file (or the parser) changed (${new Date().toISOString()}) but the new parse failed (${failed.code}: ${failed.message}); ` +
      `this is still the previous analysis, from the previous version.`,
    line: null,
  };
  const next = [...warnings.filter((w) => w.code !== KEPT_WARNING), note];
  db.prepare(`UPDATE "Analysis" SET warningsJson = ?, warningCount = ? WHERE id = ?`).run(JSON.stringify(next), next.length, id);
  const record = row.recordJson ? parse<{ warnings?: ParseWarning[] }>(row.recordJson) : null;
  if (record) {
    record.warnings = [...(record.warnings ?? []).filter((w) => w.code !== KEPT_WARNING), note];
    db.prepare(`UPDATE "AnalysisSource" SET recordJson = ? WHERE analysisId = ?`).run(JSON.stringify(record), id);
  }
  return true;
}

function parse<T>(json: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}
