-- /scores at 50,000 analyses (issue 18) without passes over the wide Analysis rows: the
-- severity-mismatch audit reads a count stored with the analysis (the store writes it from the parse
-- record's warnings) instead of searching warningsJson, and one index holds every column /scores
-- counts, groups, filters and sorts by, so its tallies and chart groups read the index alone.
ALTER TABLE "Analysis" ADD COLUMN "severityMismatchCount" INTEGER NOT NULL DEFAULT 0;

-- Filled from the warnings already stored (only analyses with such a warning differ from 0).
UPDATE "Analysis" SET "severityMismatchCount" = (
  SELECT count(*) FROM json_each("Analysis"."warningsJson") w WHERE json_extract(w.value, '$.code') = 'severity-mismatch'
) WHERE "warningCount" > 0 AND instr("warningsJson", '"code":"severity-mismatch"') > 0;

CREATE INDEX "Analysis_scores_idx" ON "Analysis"("scoreNorm", "failureLoad", "scoreMax", "slug", "title", "platform", "id",
  "criticalCount", "highCount", "mediumCount", "lowCount", "unknownCount", "failureCount", "warningCount", "severityMismatchCount",
  "hasDeclaredCounts", "declaredCritical", "declaredHigh", "declaredMedium", "declaredLow");
