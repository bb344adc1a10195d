-- /failures?q= at 400,000 failures (issue 18): the explorer's tally counts the matching failures per
-- gap, severity and platform. It looked up every match's gap links in "FailureGap" (8,320 failures
-- match "password": 25,000 index probes, about 55 ms). Each failure's full-text row now carries its
-- severity, platform and gaps (in rank order, the primary gap first), written with it
-- (lib/data/pg-search-rows.ts), so the match answers the tally by itself. PostgreSQL only: SQLite's
-- FTS5 index is contentless and holds no columns, and keeps the lookup (lib/data/dialect.ts). The
-- table is rebuilt rather than updated in place, as in 0022.
CREATE TABLE "failure_fts_next" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Failure"("id") ON DELETE CASCADE,
    "analysis_id" INTEGER NOT NULL,
    "severity" TEXT NOT NULL,
    "platform" TEXT,
    "gaps" TEXT[] NOT NULL,
    "document" tsvector NOT NULL
);
INSERT INTO "failure_fts_next" ("id", "analysis_id", "severity", "platform", "gaps", "document")
SELECT t."id", f."analysisId", f."severity", f."platform",
       ARRAY(SELECT g."gapId" FROM "FailureGap" g WHERE g."failureId" = f."id" ORDER BY g."rank"), t."document"
FROM "failure_fts" t JOIN "Failure" f ON f."id" = t."id";
DROP TABLE "failure_fts";
ALTER TABLE "failure_fts_next" RENAME TO "failure_fts";
ALTER INDEX "failure_fts_next_pkey" RENAME TO "failure_fts_pkey";
ALTER TABLE "failure_fts" RENAME CONSTRAINT "failure_fts_next_id_fkey" TO "failure_fts_id_fkey";
CREATE INDEX "failure_fts_document_idx" ON "failure_fts" USING GIN ("document");
