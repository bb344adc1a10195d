-- CreateTable
CREATE TABLE "Analysis" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "taskId" TEXT,
    "platform" TEXT,
    "language" TEXT,
    "summary" TEXT,
    "scoreValue" REAL,
    "scoreMax" REAL,
    "scoreNorm" REAL,
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
    "failureLoad" REAL NOT NULL DEFAULT 0,
    "knowledgeGapsJson" TEXT NOT NULL DEFAULT '[]',
    "warningsJson" TEXT NOT NULL DEFAULT '[]',
    "warningCount" INTEGER NOT NULL DEFAULT 0,
    "recordJson" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL DEFAULT 0,
    "parseMs" REAL NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Failure" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "analysisId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
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
    "line" INTEGER NOT NULL,
    "primaryGap" TEXT NOT NULL DEFAULT 'unclassified',
    CONSTRAINT "Failure_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CodeBlock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "failureId" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "lang" TEXT,
    "value" TEXT NOT NULL,
    "linesHtml" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "CodeBlock_failureId_fkey" FOREIGN KEY ("failureId") REFERENCES "Failure" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Impact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "failureId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "Impact_failureId_fkey" FOREIGN KEY ("failureId") REFERENCES "Failure" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reference" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "failureId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    CONSTRAINT "Reference_failureId_fkey" FOREIGN KEY ("failureId") REFERENCES "Failure" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "KnowledgeGap" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "FailureGap" (
    "failureId" INTEGER NOT NULL,
    "gapId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("failureId", "gapId"),
    CONSTRAINT "FailureGap_failureId_fkey" FOREIGN KEY ("failureId") REFERENCES "Failure" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FailureGap_gapId_fkey" FOREIGN KEY ("gapId") REFERENCES "KnowledgeGap" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnalysisGap" (
    "analysisId" INTEGER NOT NULL,
    "gapId" TEXT NOT NULL,

    PRIMARY KEY ("analysisId", "gapId"),
    CONSTRAINT "AnalysisGap_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnalysisGap_gapId_fkey" FOREIGN KEY ("gapId") REFERENCES "KnowledgeGap" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
CREATE INDEX "Failure_severity_idx" ON "Failure"("severity");

-- CreateIndex
CREATE INDEX "Failure_severityRank_idx" ON "Failure"("severityRank");

-- CreateIndex
CREATE INDEX "Failure_primaryGap_idx" ON "Failure"("primaryGap");

-- CreateIndex
CREATE UNIQUE INDEX "Failure_analysisId_number_key" ON "Failure"("analysisId", "number");

-- CreateIndex
CREATE INDEX "CodeBlock_failureId_side_position_idx" ON "CodeBlock"("failureId", "side", "position");

-- CreateIndex
CREATE INDEX "Impact_failureId_idx" ON "Impact"("failureId");

-- CreateIndex
CREATE INDEX "Reference_failureId_idx" ON "Reference"("failureId");

-- CreateIndex
CREATE INDEX "FailureGap_gapId_idx" ON "FailureGap"("gapId");

-- CreateIndex
CREATE INDEX "AnalysisGap_gapId_idx" ON "AnalysisGap"("gapId");

