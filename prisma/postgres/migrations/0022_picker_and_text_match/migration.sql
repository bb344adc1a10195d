-- The /compare picker at 50,000 analyses (issue 18): every keystroke filters all analyses by their
-- title, task id, slug and platform and lists the newest matches with their failure count and score.
-- One index holding exactly those columns, led by updatedAt, lets it read the index instead of the wide
-- rows (about 3x less time per keystroke on both engines); it also serves every updatedAt ordering, so
-- the index on updatedAt alone goes.
DROP INDEX "Analysis_updatedAt_idx";

CREATE INDEX "Analysis_picker_idx" ON "Analysis"("updatedAt", "title", "slug", "taskId", "platform", "failureCount", "scoreValue", "scoreMax", "scoreNorm");

-- /analyses?q= at 50,000 analyses: the analyses whose failures match a text query were found by
-- looking up each matching failure's analysis in "Failure" (10,000 lookups for "bucket encryption").
-- The full-text row of a failure now carries its analysis id (written with it, lib/data/pg-search-rows.ts),
-- so the match answers by itself. SQLite's FTS5 index is contentless and holds no columns to read: it
-- keeps the lookup. The table is rebuilt rather than updated in place, which would leave every row's
-- old version behind in the heap the match reads.
CREATE TABLE "failure_fts_next" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Failure"("id") ON DELETE CASCADE,
    "analysis_id" INTEGER NOT NULL,
    "document" tsvector NOT NULL
);
INSERT INTO "failure_fts_next" ("id", "analysis_id", "document")
SELECT t."id", f."analysisId", t."document" FROM "failure_fts" t JOIN "Failure" f ON f."id" = t."id";
DROP TABLE "failure_fts";
ALTER TABLE "failure_fts_next" RENAME TO "failure_fts";
ALTER INDEX "failure_fts_next_pkey" RENAME TO "failure_fts_pkey";
ALTER TABLE "failure_fts" RENAME CONSTRAINT "failure_fts_next_id_fkey" TO "failure_fts_id_fkey";
CREATE INDEX "failure_fts_document_idx" ON "failure_fts" USING GIN ("document");
