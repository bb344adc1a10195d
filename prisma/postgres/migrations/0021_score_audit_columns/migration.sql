-- PostgreSQL translation of prisma/migrations/0021_score_audit_columns (see there): the stored count of
-- severity-mismatch warnings and the index /scores reads instead of the wide Analysis rows.
ALTER TABLE "Analysis" ADD COLUMN "severityMismatchCount" INTEGER NOT NULL DEFAULT 0;

-- Filled from the warnings already stored; only the analyses with such a warning are rewritten.
UPDATE "Analysis" a SET "severityMismatchCount" = (
  SELECT count(*) FROM json_array_elements(a."warningsJson"::json) w WHERE w->>'code' = 'severity-mismatch'
) WHERE a."warningCount" > 0 AND strpos(a."warningsJson", '"code":"severity-mismatch"') > 0;

CREATE INDEX "Analysis_scores_idx" ON "Analysis"("scoreNorm", "failureLoad", "scoreMax", "slug", "title", "platform", "id",
  "criticalCount", "highCount", "mediumCount", "lowCount", "unknownCount", "failureCount", "warningCount", "severityMismatchCount",
  "hasDeclaredCounts", "declaredCritical", "declaredHigh", "declaredMedium", "declaredLow");
