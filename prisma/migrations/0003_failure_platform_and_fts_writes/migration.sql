-- Failures carry their analysis's platform, so the explorer's platform filter and facet need no join.
ALTER TABLE "Failure" ADD COLUMN "platform" TEXT;
UPDATE "Failure" SET "platform" = (SELECT "platform" FROM "Analysis" WHERE "Analysis"."id" = "Failure"."analysisId");
CREATE INDEX "Failure_platform_idx" ON "Failure"("platform");
CREATE INDEX "Failure_severity_platform_idx" ON "Failure"("severity", "platform");

-- Knowledge-gap links carry their failure's severity and platform, so gap-filtered counts and facets
-- are answered from one covering index without visiting the failures.
ALTER TABLE "FailureGap" ADD COLUMN "severity" TEXT NOT NULL DEFAULT 'unknown';
ALTER TABLE "FailureGap" ADD COLUMN "platform" TEXT;
UPDATE "FailureGap" SET
  "severity" = (SELECT "severity" FROM "Failure" WHERE "Failure"."id" = "FailureGap"."failureId"),
  "platform" = (SELECT "platform" FROM "Failure" WHERE "Failure"."id" = "FailureGap"."failureId");
CREATE INDEX "FailureGap_gapId_severity_platform_failureId_idx" ON "FailureGap"("gapId", "severity", "platform", "failureId");
CREATE INDEX "FailureGap_severity_gapId_platform_idx" ON "FailureGap"("severity", "gapId", "platform");

-- The explorer's default order (severity, then analysis, then item number) straight from an index.
CREATE INDEX "Failure_severityRank_analysisId_number_idx" ON "Failure"("severityRank", "analysisId", "number");

-- The search index is now written once per document by the store (lib/data/search-index.ts,
-- indexAnalysis), in the same transaction as the document: per-row insert triggers rewrote each
-- FTS row once per code block and the analysis row once per failure, which dominated bulk ingest.
-- The delete triggers stay, so removing an analysis or its failures always removes their rows.
DROP TRIGGER IF EXISTS "failure_fts_insert";
DROP TRIGGER IF EXISTS "code_fts_insert";
DROP TRIGGER IF EXISTS "analysis_fts_insert";
DROP TRIGGER IF EXISTS "analysis_fts_update";
