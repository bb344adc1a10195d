-- The raw Markdown and the parse record move out of "Analysis" into "AnalysisSource". Both are large
-- and were stored before small columns (updatedAt, parseMs, ...), so sorting or filtering analyses
-- read every row's overflow pages: ~55 ms for one page of /analyses at 5,000 documents.
CREATE TABLE "AnalysisSource" (
    "analysisId" INTEGER NOT NULL PRIMARY KEY,
    "raw" TEXT NOT NULL,
    "recordJson" TEXT NOT NULL,
    CONSTRAINT "AnalysisSource_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "AnalysisSource" ("analysisId", "raw", "recordJson") SELECT "id", "raw", "recordJson" FROM "Analysis";
ALTER TABLE "Analysis" DROP COLUMN "raw";
ALTER TABLE "Analysis" DROP COLUMN "recordJson";
