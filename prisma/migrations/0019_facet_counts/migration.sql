-- Pre-counted facets (issue 18: every page query under 100 ms at 50,000 analyses): analyses per
-- (gap, platform) and failures per (severity, platform, primary gap), kept by difference by the store
-- in each write transaction (lib/data/gap-facet.ts), like GapFacet. Filled here from the rows already
-- stored, so an upgraded database is correct at once.
CREATE TABLE "AnalysisGapFacet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "gapId" TEXT NOT NULL,
    "platform" TEXT,
    "analyses" INTEGER NOT NULL,
    "scored" INTEGER NOT NULL,
    "scoreTotal" REAL NOT NULL
);
INSERT INTO "AnalysisGapFacet" ("gapId", "platform", "analyses", "scored", "scoreTotal")
SELECT x."gapId", a."platform", count(*), count(a."scoreNorm"), coalesce(sum(a."scoreNorm"), 0)
FROM (SELECT "analysisId", "gapId" FROM "AnalysisGap"
      UNION SELECT f."analysisId", g."gapId" FROM "FailureGap" g JOIN "Failure" f ON f."id" = g."failureId") x
JOIN "Analysis" a ON a."id" = x."analysisId" GROUP BY 1, 2;

CREATE TABLE "FailureFacet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "severity" TEXT NOT NULL,
    "platform" TEXT,
    "primaryGap" TEXT NOT NULL,
    "failures" INTEGER NOT NULL
);
INSERT INTO "FailureFacet" ("severity", "platform", "primaryGap", "failures")
SELECT "severity", "platform", "primaryGap", count(*) FROM "Failure" GROUP BY 1, 2, 3;

CREATE TRIGGER "AnalysisGapFacet_version_insert" AFTER INSERT ON "AnalysisGapFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisGapFacet_version_update" AFTER UPDATE ON "AnalysisGapFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisGapFacet_version_delete" AFTER DELETE ON "AnalysisGapFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FailureFacet_version_insert" AFTER INSERT ON "FailureFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FailureFacet_version_update" AFTER UPDATE ON "FailureFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FailureFacet_version_delete" AFTER DELETE ON "FailureFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

-- /analyses sorted by score reads one page from an index instead of sorting every analysis (the ORDER
-- BY of lib/analyses/analysis-criteria.ts, both directions; an expression index, so not in the schema);
-- "with warnings" and the overview's count of them read an index instead of the table.
CREATE INDEX "Analysis_score_desc_order_idx" ON "Analysis"(("scoreNorm" IS NULL), "scoreNorm" DESC, "title", "id");
CREATE INDEX "Analysis_score_asc_order_idx" ON "Analysis"(("scoreNorm" IS NULL), "scoreNorm", "title", "id");
CREATE INDEX "Analysis_warningCount_idx" ON "Analysis"("warningCount");

-- The gaps of a set of analyses (the /analyses gap facet under a search or another filter) read by
-- analysis instead of a pass over every link.
CREATE INDEX "FailureGap_analysisId_gapId_idx" ON "FailureGap"("analysisId", "gapId");

-- The analyses per gap among failures of a severity (the /analyses gap facet with a severity filter)
-- read from the index alone: it now carries the analysis too.
DROP INDEX "FailureGap_severity_gapId_platform_idx";
CREATE INDEX "FailureGap_severity_gapId_platform_analysisId_idx" ON "FailureGap"("severity", "gapId", "platform", "analysisId");
