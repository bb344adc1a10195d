-- Stable link identities (issue 13). Analyses get a slug from the document and its path relative to
-- the ingest root, failures a key from their title; every slug and failure number used so far stays
-- reachable through the alias tables filled here.

-- The file's path relative to its ingest root; NULL marks an analysis stored before this migration,
-- which the store re-slugs once (AnalysisStore.upgradeIdentities) — its old slug is kept below.
ALTER TABLE "Analysis" ADD COLUMN "sourceKey" TEXT;

-- Failure keys. Titles cannot be slugified in SQL, so existing failures get a "#<number>" placeholder
-- (no real key starts with "#") that the store replaces with the key of the title before serving.
ALTER TABLE "Failure" ADD COLUMN "key" TEXT NOT NULL DEFAULT '';
UPDATE "Failure" SET "key" = '#' || "number";
CREATE UNIQUE INDEX "Failure_analysisId_key_key" ON "Failure"("analysisId", "key");

CREATE TABLE "AnalysisAlias" (
    "alias" TEXT NOT NULL PRIMARY KEY,
    "analysisId" INTEGER NOT NULL,
    CONSTRAINT "AnalysisAlias_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "AnalysisAlias_analysisId_idx" ON "AnalysisAlias"("analysisId");

CREATE TABLE "FailureAlias" (
    "analysisId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "failureKey" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',

    PRIMARY KEY ("analysisId", "alias"),
    CONSTRAINT "FailureAlias_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "FailureAlias_analysisId_failureKey_idx" ON "FailureAlias"("analysisId", "failureKey");

-- Every slug in use today keeps working: the path-derived ones will be replaced, their links redirect.
INSERT INTO "AnalysisAlias" ("alias", "analysisId") SELECT "slug", "id" FROM "Analysis";

-- Every failure number in use today keeps leading to the failure it names now, whatever numbering a
-- later parser gives (the placeholder key is rewritten with the failure's real key).
INSERT INTO "FailureAlias" ("analysisId", "alias", "failureKey", "title")
SELECT "analysisId", CAST("number" AS TEXT), "key", "title" FROM "Failure";
