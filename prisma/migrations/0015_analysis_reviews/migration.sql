-- Per analysis, per reviewer (issue 17): a "reviewed" tick like GitHub's Viewed checkbox, and an overall
-- comment (Markdown, rendered through lib/reviews/markdown.ts). One row per reviewer and analysis.
-- The row hangs on the analysis id, which a re-ingest keeps (the store updates the row in place), so
-- ticks and comments survive re-ingest; `viewedHash` is the document's contentHash when ticked: a
-- changed document shows the tick as given to an earlier version (and it no longer counts), like
-- GitHub unticking a file that changed. Deleting the analysis deletes its reviews.

CREATE TABLE "AnalysisReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "analysisId" INTEGER NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    -- When the reviewer ticked the analysis reviewed; NULL when not ticked.
    "viewedAt" DATETIME,
    -- Analysis.contentHash at the tick.
    "viewedHash" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AnalysisReview_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnalysisReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Reviewer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "AnalysisReview_analysisId_reviewerId_key" ON "AnalysisReview"("analysisId", "reviewerId");
CREATE INDEX "AnalysisReview_reviewerId_idx" ON "AnalysisReview"("reviewerId");

-- What an overall comment said before each edit, and who changed it when (never deleted with an edit).
CREATE TABLE "AnalysisReviewRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" INTEGER NOT NULL,
    "editorId" INTEGER NOT NULL,
    "editedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "AnalysisReviewRevision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "AnalysisReview" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnalysisReviewRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "Reviewer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "AnalysisReviewRevision_reviewId_idx" ON "AnalysisReviewRevision"("reviewId");
