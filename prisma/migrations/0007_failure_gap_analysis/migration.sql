-- Knowledge-gap links carry their failure's analysis, so "analyses with this gap" (the /analyses and
-- /scores gap filters, the /gaps view) is read from one covering index instead of joining every link
-- to its failure.
ALTER TABLE "FailureGap" ADD COLUMN "analysisId" INTEGER NOT NULL DEFAULT 0;
UPDATE "FailureGap" SET "analysisId" = (SELECT "analysisId" FROM "Failure" WHERE "Failure"."id" = "FailureGap"."failureId");
CREATE INDEX "FailureGap_gapId_analysisId_idx" ON "FailureGap"("gapId", "analysisId");
