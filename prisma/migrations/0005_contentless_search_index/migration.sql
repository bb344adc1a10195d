-- The search index keeps only its index, not a second copy of every failure's text and code: the app
-- never reads columns back from it (only rowids of matches), and the copy was a third of the bytes a
-- bulk ingest wrote. contentless_delete lets the delete triggers keep removing rows by rowid.
DROP TABLE "failure_fts";
DROP TABLE "analysis_fts";

CREATE VIRTUAL TABLE "failure_fts" USING fts5(
  analysis_title, title, root_cause, body, code,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE "analysis_fts" USING fts5(
  title, task_id, summary, failure_titles,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Refill from the tables (the same rows lib/data/search-index.ts writes).
INSERT INTO "analysis_fts" (rowid, title, task_id, summary, failure_titles)
SELECT a.id, a.title, coalesce(a.taskId, ''), coalesce(a.summary, ''),
       coalesce((SELECT group_concat(f.title, char(10)) FROM "Failure" f WHERE f.analysisId = a.id), '')
FROM "Analysis" a;

INSERT INTO "failure_fts" (rowid, analysis_title, title, root_cause, body, code)
SELECT f.id, a.title, f.title, coalesce(f.rootCause, ''), f.modelText || char(10) || f.idealText,
       coalesce((SELECT group_concat(c.value, char(10)) FROM "CodeBlock" c WHERE c.failureId = f.id), '')
FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId;
