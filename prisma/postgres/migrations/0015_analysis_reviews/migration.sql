-- PostgreSQL translation of prisma/migrations/0015_analysis_reviews (see there): a reviewer's tick and overall
-- comment per analysis, with revisions; deleting the analysis deletes its reviews.
-- CreateTable
CREATE TABLE "AnalysisReview" (
    "id" SERIAL NOT NULL,
    "analysisId" INTEGER NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "viewedAt" TIMESTAMP(3),
    "viewedHash" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalysisReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalysisReviewRevision" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "editorId" INTEGER NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AnalysisReviewRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnalysisReview_reviewerId_idx" ON "AnalysisReview"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "AnalysisReview_analysisId_reviewerId_key" ON "AnalysisReview"("analysisId", "reviewerId");

-- CreateIndex
CREATE INDEX "AnalysisReviewRevision_reviewId_idx" ON "AnalysisReviewRevision"("reviewId");

-- AddForeignKey
ALTER TABLE "AnalysisReview" ADD CONSTRAINT "AnalysisReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Reviewer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalysisReviewRevision" ADD CONSTRAINT "AnalysisReviewRevision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "AnalysisReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalysisReviewRevision" ADD CONSTRAINT "AnalysisReviewRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "Reviewer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- AddForeignKey (SQL only, no Prisma relation: as in SQLite)
ALTER TABLE "AnalysisReview" ADD CONSTRAINT "AnalysisReview_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
