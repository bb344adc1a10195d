// The FTS5 search index (prisma/migrations/0002, 0003, 0005): one row per failure and per analysis,
// contentless (only rowids come back from a match; the text lives in the tables).
// The store writes a document's rows with indexAnalysis in the document's own transaction; delete
// triggers remove them; rebuildSearchIndex repairs everything on demand. Both use the same SQL.
import type { Sqlite } from "./sqlite";

const ANALYSIS_ROWS = `
  INSERT INTO "analysis_fts" (rowid, title, task_id, summary, failure_titles)
  SELECT a.id, a.title, coalesce(a.taskId, ''), coalesce(a.summary, ''),
         coalesce((SELECT group_concat(f.title, char(10)) FROM "Failure" f WHERE f.analysisId = a.id), '')
  FROM "Analysis" a`;
const FAILURE_ROWS = `
  INSERT INTO "failure_fts" (rowid, analysis_title, title, root_cause, body, code)
  SELECT f.id, a.title, f.title, coalesce(f.rootCause, ''), f.modelText || char(10) || f.idealText,
         coalesce((SELECT group_concat(c.value, char(10)) FROM "CodeBlock" c WHERE c.failureId = f.id), '')
  FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId`;

type Statement = ReturnType<Sqlite["prepare"]>;
const statements = new WeakMap<Sqlite, { deleteAnalysis: Statement; analysis: Statement; failures: Statement }>();

/** (Re)writes the index rows of one analysis and its failures; call after writing them. */
export function indexAnalysis(db: Sqlite, analysisId: number): void {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = {
      deleteAnalysis: db.prepare(`DELETE FROM "analysis_fts" WHERE rowid = ?`),
      analysis: db.prepare(`${ANALYSIS_ROWS} WHERE a.id = ?`),
      failures: db.prepare(`${FAILURE_ROWS} WHERE f.analysisId = ?`),
    };
    statements.set(db, prepared);
  }
  prepared.deleteAnalysis.run(analysisId);
  prepared.analysis.run(analysisId);
  prepared.failures.run(analysisId);
}

export function rebuildSearchIndex(db: Sqlite): { analyses: number; failures: number } {
  return db.transaction(() => {
    db.exec(`INSERT INTO "failure_fts" ("failure_fts") VALUES ('delete-all'); INSERT INTO "analysis_fts" ("analysis_fts") VALUES ('delete-all');`);
    const analyses = db.prepare(ANALYSIS_ROWS).run().changes;
    const failures = db.prepare(FAILURE_ROWS).run().changes;
    return { analyses, failures };
  })();
}

/**
 * Turns what a user typed into a safe FTS5 query: each word becomes a quoted prefix term, so
 * operators and punctuation in the input are never interpreted. Returns null when nothing is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms = input
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .slice(0, 16);
  if (!terms.length) return null;
  return terms.map((t) => `"${t.replace(/"/g, "")}"*`).join(" AND ");
}
