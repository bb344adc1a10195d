-- PostgreSQL translation of prisma/migrations/0020_analysis_gap_pairs (see there): the distinct
-- (analysis, gap) pairs with the analysis's platform, filled from the stored rows and rewritten per
-- analysis by the store (lib/data/gap-facet.ts).
CREATE TABLE "AnalysisGapPair" (
    "analysisId" INTEGER NOT NULL,
    "gapId" TEXT NOT NULL,
    "platform" TEXT,

    CONSTRAINT "AnalysisGapPair_pkey" PRIMARY KEY ("analysisId", "gapId"),
    CONSTRAINT "AnalysisGapPair_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "AnalysisGapPair" ("analysisId", "gapId", "platform")
SELECT x."analysisId", x."gapId", a."platform"
FROM (SELECT "analysisId", "gapId" FROM "AnalysisGap"
      UNION SELECT f."analysisId", g."gapId" FROM "FailureGap" g JOIN "Failure" f ON f."id" = g."failureId") x
JOIN "Analysis" a ON a."id" = x."analysisId";

CREATE INDEX "AnalysisGapPair_gapId_platform_analysisId_idx" ON "AnalysisGapPair"("gapId", "platform", "analysisId");

CREATE TRIGGER "AnalysisGapPair_version" AFTER INSERT OR UPDATE OR DELETE ON "AnalysisGapPair" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();

-- (See the SQLite migration.) The /analyses severity and platform facets and counts read this index alone instead of the wide
-- Analysis rows (on SQLite 0.35-0.7 s -> 0.03 s at 50,000 analyses, with or without "with warnings",
-- a platform or a severity filter); it leads with the platform (the platform facet groups by it, a
-- platform filter seeks it), ends with the id (PostgreSQL then answers "these ids" from it too: a
-- text query's or a gap's analyses) and replaces the index on warningCount alone, which SQLite, with
-- no statistics, preferred for "with warnings" and then read every matching row.
DROP INDEX "Analysis_warningCount_idx";
CREATE INDEX "Analysis_facet_counts_idx" ON "Analysis"("platform", "warningCount", "criticalCount", "highCount", "mediumCount", "lowCount", "unknownCount", "id");

-- PostgreSQL only (SQLite reads a failure by its rowid): a text query's analyses are its matching
-- failures' analysisId, read from this index for each of them instead of from the wide Failure row
-- (for "bucket encryption" at 50,000 analyses, 10,257 failures: 850 -> 390 ms). Not in the schema, like
-- the expression indexes: the models stay the same on both engines.
CREATE INDEX "Failure_id_analysisId_idx" ON "Failure"("id", "analysisId");

-- Statistics now, not at the next autovacuum: the facets' plans depend on them.
ANALYZE "AnalysisGapPair";
ANALYZE "Analysis";
ANALYZE "Failure";
