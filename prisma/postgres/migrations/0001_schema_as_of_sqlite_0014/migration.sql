-- PostgreSQL starts where SQLite's migrations 0001..0014 ended: the same tables, columns, indexes and
-- foreign keys (generated with `prisma migrate diff --from-empty --to-schema-datamodel` from the
-- PostgreSQL schema, itself generated from prisma/schema.prisma), plus the cascades SQLite's 0013 adds
-- outside the Prisma relations. The full-text index is 0002. Later SQLite migrations get a PostgreSQL
-- translation with the same number and name.
-- CreateTable
CREATE TABLE "Analysis" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "sourceKey" TEXT,
    "sourcePath" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "parserVersion" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "taskId" TEXT,
    "documentDate" TEXT,
    "platform" TEXT,
    "language" TEXT,
    "summary" TEXT,
    "scoreValue" DOUBLE PRECISION,
    "scoreMax" DOUBLE PRECISION,
    "scoreNorm" DOUBLE PRECISION,
    "scoresJson" TEXT NOT NULL DEFAULT '[]',
    "declaredCritical" INTEGER,
    "declaredHigh" INTEGER,
    "declaredMedium" INTEGER,
    "declaredLow" INTEGER,
    "hasDeclaredCounts" BOOLEAN NOT NULL DEFAULT false,
    "criticalCount" INTEGER NOT NULL DEFAULT 0,
    "highCount" INTEGER NOT NULL DEFAULT 0,
    "mediumCount" INTEGER NOT NULL DEFAULT 0,
    "lowCount" INTEGER NOT NULL DEFAULT 0,
    "unknownCount" INTEGER NOT NULL DEFAULT 0,
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "failureLoad" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "knowledgeGapsJson" TEXT NOT NULL DEFAULT '[]',
    "warningsJson" TEXT NOT NULL DEFAULT '[]',
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "byteSize" INTEGER NOT NULL DEFAULT 0,
    "parseMs" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Analysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalysisSource" (
    "analysisId" INTEGER NOT NULL,
    "raw" TEXT NOT NULL,
    "recordJson" TEXT NOT NULL,
    "rawBytes" BYTEA,

    CONSTRAINT "AnalysisSource_pkey" PRIMARY KEY ("analysisId")
);

-- CreateTable
CREATE TABLE "Failure" (
    "id" SERIAL NOT NULL,
    "analysisId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "key" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "severityRank" INTEGER NOT NULL,
    "severityNote" TEXT,
    "section" TEXT,
    "modelText" TEXT NOT NULL DEFAULT '',
    "idealText" TEXT NOT NULL DEFAULT '',
    "rootCause" TEXT,
    "location" TEXT,
    "status" TEXT,
    "fieldsJson" TEXT NOT NULL DEFAULT '[]',
    "line" INTEGER NOT NULL,
    "primaryGap" TEXT NOT NULL DEFAULT 'unclassified',
    "platform" TEXT,

    CONSTRAINT "Failure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeBlock" (
    "id" SERIAL NOT NULL,
    "failureId" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "lang" TEXT,
    "value" TEXT NOT NULL,
    "linesHtml" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "CodeBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Impact" (
    "id" SERIAL NOT NULL,
    "failureId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "Impact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" SERIAL NOT NULL,
    "failureId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,

    CONSTRAINT "Reference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeGap" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "KnowledgeGap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FailureGap" (
    "failureId" INTEGER NOT NULL,
    "gapId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "severity" TEXT NOT NULL DEFAULT 'unknown',
    "platform" TEXT,
    "analysisId" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FailureGap_pkey" PRIMARY KEY ("failureId","gapId")
);

-- CreateTable
CREATE TABLE "GapFacet" (
    "id" SERIAL NOT NULL,
    "gapId" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "platform" TEXT,
    "links" INTEGER NOT NULL,

    CONSTRAINT "GapFacet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalysisGap" (
    "analysisId" INTEGER NOT NULL,
    "gapId" TEXT NOT NULL,

    CONSTRAINT "AnalysisGap_pkey" PRIMARY KEY ("analysisId","gapId")
);

-- CreateTable
CREATE TABLE "AnalysisAlias" (
    "alias" TEXT NOT NULL,
    "analysisId" INTEGER NOT NULL,

    CONSTRAINT "AnalysisAlias_pkey" PRIMARY KEY ("alias")
);

-- CreateTable
CREATE TABLE "FailureAlias" (
    "analysisId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "failureKey" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "FailureAlias_pkey" PRIMARY KEY ("analysisId","alias")
);

-- CreateTable
CREATE TABLE "Reviewer" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'token',
    "tokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Reviewer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewSession" (
    "idHash" TEXT NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewSession_pkey" PRIMARY KEY ("idHash")
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" SERIAL NOT NULL,
    "analysisId" INTEGER NOT NULL,
    "failureKey" TEXT NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "proposedSeverity" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "tagsJson" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationRevision" (
    "id" SERIAL NOT NULL,
    "annotationId" INTEGER NOT NULL,
    "editorId" INTEGER NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verdict" TEXT NOT NULL,
    "proposedSeverity" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "tagsJson" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "AnnotationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "analysisId" INTEGER NOT NULL,
    "failureKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "uses" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Analysis_slug_key" ON "Analysis"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Analysis_sourcePath_key" ON "Analysis"("sourcePath");

-- CreateIndex
CREATE INDEX "Analysis_taskId_idx" ON "Analysis"("taskId");

-- CreateIndex
CREATE INDEX "Analysis_platform_idx" ON "Analysis"("platform");

-- CreateIndex
CREATE INDEX "Analysis_scoreNorm_idx" ON "Analysis"("scoreNorm");

-- CreateIndex
CREATE INDEX "Analysis_criticalCount_idx" ON "Analysis"("criticalCount");

-- CreateIndex
CREATE INDEX "Analysis_title_idx" ON "Analysis"("title");

-- CreateIndex
CREATE INDEX "Analysis_updatedAt_idx" ON "Analysis"("updatedAt");

-- CreateIndex
CREATE INDEX "Failure_primaryGap_idx" ON "Failure"("primaryGap");

-- CreateIndex
CREATE INDEX "Failure_platform_idx" ON "Failure"("platform");

-- CreateIndex
CREATE INDEX "Failure_severity_platform_idx" ON "Failure"("severity", "platform");

-- CreateIndex
CREATE INDEX "Failure_severityRank_analysisId_number_idx" ON "Failure"("severityRank", "analysisId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Failure_analysisId_number_key" ON "Failure"("analysisId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Failure_analysisId_key_key" ON "Failure"("analysisId", "key");

-- CreateIndex
CREATE INDEX "CodeBlock_failureId_side_position_idx" ON "CodeBlock"("failureId", "side", "position");

-- CreateIndex
CREATE INDEX "Impact_failureId_idx" ON "Impact"("failureId");

-- CreateIndex
CREATE INDEX "Reference_failureId_idx" ON "Reference"("failureId");

-- CreateIndex
CREATE INDEX "FailureGap_gapId_severity_platform_failureId_idx" ON "FailureGap"("gapId", "severity", "platform", "failureId");

-- CreateIndex
CREATE INDEX "FailureGap_gapId_analysisId_idx" ON "FailureGap"("gapId", "analysisId");

-- CreateIndex
CREATE INDEX "FailureGap_failureId_rank_gapId_severity_platform_idx" ON "FailureGap"("failureId", "rank", "gapId", "severity", "platform");

-- CreateIndex
CREATE INDEX "FailureGap_severity_gapId_platform_idx" ON "FailureGap"("severity", "gapId", "platform");

-- CreateIndex
CREATE INDEX "AnalysisGap_gapId_idx" ON "AnalysisGap"("gapId");

-- CreateIndex
CREATE INDEX "AnalysisAlias_analysisId_idx" ON "AnalysisAlias"("analysisId");

-- CreateIndex
CREATE INDEX "FailureAlias_analysisId_failureKey_idx" ON "FailureAlias"("analysisId", "failureKey");

-- CreateIndex
CREATE UNIQUE INDEX "Reviewer_name_key" ON "Reviewer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Reviewer_tokenHash_key" ON "Reviewer"("tokenHash");

-- CreateIndex
CREATE INDEX "ReviewSession_reviewerId_idx" ON "ReviewSession"("reviewerId");

-- CreateIndex
CREATE INDEX "Annotation_reviewerId_idx" ON "Annotation"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Annotation_analysisId_failureKey_reviewerId_key" ON "Annotation"("analysisId", "failureKey", "reviewerId");

-- CreateIndex
CREATE INDEX "AnnotationRevision_annotationId_idx" ON "AnnotationRevision"("annotationId");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_reviewerId_idx" ON "ShareLink"("reviewerId");

-- AddForeignKey
ALTER TABLE "AnalysisSource" ADD CONSTRAINT "AnalysisSource_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Failure" ADD CONSTRAINT "Failure_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeBlock" ADD CONSTRAINT "CodeBlock_failureId_fkey" FOREIGN KEY ("failureId") REFERENCES "Failure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Impact" ADD CONSTRAINT "Impact_failureId_fkey" FOREIGN KEY ("failureId") REFERENCES "Failure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reference" ADD CONSTRAINT "Reference_failureId_fkey" FOREIGN KEY ("failureId") REFERENCES "Failure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureGap" ADD CONSTRAINT "FailureGap_failureId_fkey" FOREIGN KEY ("failureId") REFERENCES "Failure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureGap" ADD CONSTRAINT "FailureGap_gapId_fkey" FOREIGN KEY ("gapId") REFERENCES "KnowledgeGap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalysisGap" ADD CONSTRAINT "AnalysisGap_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalysisGap" ADD CONSTRAINT "AnalysisGap_gapId_fkey" FOREIGN KEY ("gapId") REFERENCES "KnowledgeGap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalysisAlias" ADD CONSTRAINT "AnalysisAlias_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FailureAlias" ADD CONSTRAINT "FailureAlias_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewSession" ADD CONSTRAINT "ReviewSession_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Reviewer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Reviewer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "Reviewer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Reviewer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Reviews hang on the analysis id without a Prisma relation; deleting the analysis deletes them (SQLite 0013).
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
