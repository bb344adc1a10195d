-- Full-text search with stemming: the same two contentless indexes (lib/data/search-index.ts), now
-- tokenized with the Porter stemmer over unicode61, so "passwords" finds "password" and "encrypted"
-- finds "encryption". The delete triggers on "Failure" and "Analysis" (0002) name the tables, not
-- their definitions, so they keep working on the new tables.
DROP TABLE "failure_fts";
DROP TABLE "analysis_fts";

CREATE VIRTUAL TABLE "failure_fts" USING fts5(
  analysis_title, title, root_cause, body, code,
  content = '', contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE "analysis_fts" USING fts5(
  title, task_id, summary, failure_titles,
  content = '', contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Rebuild from the tables for the data already stored (the same rows lib/data/search-index.ts writes).
INSERT INTO "analysis_fts" (rowid, title, task_id, summary, failure_titles)
SELECT a.id, a.title, coalesce(a.taskId, ''), coalesce(a.summary, ''),
       coalesce((SELECT group_concat(f.title, char(10)) FROM "Failure" f WHERE f.analysisId = a.id), '')
FROM "Analysis" a;

INSERT INTO "failure_fts" (rowid, analysis_title, title, root_cause, body, code)
SELECT f.id, a.title, f.title, coalesce(f.rootCause, ''), f.modelText || char(10) || f.idealText,
       coalesce((SELECT group_concat(c.value, char(10)) FROM "CodeBlock" c WHERE c.failureId = f.id), '')
FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId;
