-- The distinct (analysis, gap) pairs, an analysis having a gap when its document names it or one of its
-- failures has it (issue 18): the /analyses gap facet under a broad filter (a text query, "with
-- warnings") counted them with a UNION over every link of the matching analyses; it now counts this
-- table from its primary key alone. The analysis's platform rides along, so a gap filter (with or
-- without a platform) reads one index. The store rewrites an analysis's pairs in the transaction that
-- writes it (lib/data/gap-facet.ts); a deleted analysis takes its pairs along. Filled here from the
-- rows already stored.
CREATE TABLE "AnalysisGapPair" (
    "analysisId" INTEGER NOT NULL,
    "gapId" TEXT NOT NULL,
    "platform" TEXT,

    PRIMARY KEY ("analysisId", "gapId"),
    CONSTRAINT "AnalysisGapPair_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "AnalysisGapPair" ("analysisId", "gapId", "platform")
SELECT x."analysisId", x."gapId", a."platform"
FROM (SELECT "analysisId", "gapId" FROM "AnalysisGap"
      UNION SELECT f."analysisId", g."gapId" FROM "FailureGap" g JOIN "Failure" f ON f."id" = g."failureId") x
JOIN "Analysis" a ON a."id" = x."analysisId";

CREATE INDEX "AnalysisGapPair_gapId_platform_analysisId_idx" ON "AnalysisGapPair"("gapId", "platform", "analysisId");

CREATE TRIGGER "AnalysisGapPair_version_insert" AFTER INSERT ON "AnalysisGapPair" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisGapPair_version_update" AFTER UPDATE ON "AnalysisGapPair" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisGapPair_version_delete" AFTER DELETE ON "AnalysisGapPair" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

-- The /analyses severity and platform facets and counts read this index alone instead of the wide
-- Analysis rows (on SQLite 0.35-0.7 s -> 0.03 s at 50,000 analyses, with or without "with warnings",
-- a platform or a severity filter); it leads with the platform (the platform facet groups by it, a
-- platform filter seeks it), ends with the id (PostgreSQL then answers "these ids" from it too: a
-- text query's or a gap's analyses) and replaces the index on warningCount alone, which SQLite, with
-- no statistics, preferred for "with warnings" and then read every matching row.
DROP INDEX "Analysis_warningCount_idx";
CREATE INDEX "Analysis_facet_counts_idx" ON "Analysis"("platform", "warningCount", "criticalCount", "highCount", "mediumCount", "lowCount", "unknownCount", "id");
