// The FTS5 search index (see prisma/migrations/0002_search_index): rebuild and query helpers.
// Triggers keep it current during ingest; rebuild repairs it on demand.
import type { Sqlite } from "./sqlite";

export function rebuildSearchIndex(db: Sqlite): { analyses: number; failures: number } {
  return db.transaction(() => {
    db.exec(`DELETE FROM "failure_fts"; DELETE FROM "analysis_fts";`);
    const analyses = db
      .prepare(
        `INSERT INTO "analysis_fts" (rowid, title, task_id, summary, failure_titles)
         SELECT a.id, a.title, coalesce(a.taskId, ''), coalesce(a.summary, ''),
                coalesce((SELECT group_concat(f.title, char(10)) FROM "Failure" f WHERE f.analysisId = a.id), '')
         FROM "Analysis" a`,
      )
      .run().changes;
    const failures = db
      .prepare(
        `INSERT INTO "failure_fts" (rowid, analysis_title, title, root_cause, body, code)
         SELECT f.id, a.title, f.title, coalesce(f.rootCause, ''), f.modelText || char(10) || f.idealText,
                coalesce((SELECT group_concat(c.value, char(10)) FROM "CodeBlock" c WHERE c.failureId = f.id), '')
         FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId`,
      )
      .run().changes;
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
