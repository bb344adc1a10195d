-- Gap links counted per (gap, severity, platform): the failure explorer's gap facet without a pass
-- over every link on each request. Rewritten by the store in each write transaction.
CREATE TABLE "GapFacet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "gapId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "platform" TEXT,
    "links" INTEGER NOT NULL
);
INSERT INTO "GapFacet" ("gapId", "severity", "platform", "links")
SELECT "gapId", "severity", "platform", count(*) FROM "FailureGap" GROUP BY 1, 2, 3;

-- The links of a set of failures (a full-text match) read from one covering index.
CREATE INDEX "FailureGap_failureId_rank_gapId_severity_platform_idx" ON "FailureGap"("failureId", "rank", "gapId", "severity", "platform");
