-- Reviewing together (issue 17): reviewer identities, their sign-in sessions, verdicts on failures
-- and scoped share links.
-- Tokens and session ids are stored only as SHA-256 hashes. Annotations hang on the failure's stable
-- key (Failure.key) within an analysis, not on the Failure row, which a re-ingest replaces: a key the
-- analysis no longer has makes its annotations "outdated" (computed when read), never deleted.

CREATE TABLE "Reviewer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    -- "token" (personal token from `npm run reviewers -- add`), "header" (trusted proxy header), "admin".
    "kind" TEXT NOT NULL DEFAULT 'token',
    -- sha256 hex of the personal token; NULL for header and admin identities.
    "tokenHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);
CREATE UNIQUE INDEX "Reviewer_name_key" ON "Reviewer"("name");
CREATE UNIQUE INDEX "Reviewer_tokenHash_key" ON "Reviewer"("tokenHash");

CREATE TABLE "ReviewSession" (
    -- sha256 hex of the random session id the cookie carries.
    "idHash" TEXT NOT NULL PRIMARY KEY,
    "reviewerId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewSession_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Reviewer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ReviewSession_reviewerId_idx" ON "ReviewSession"("reviewerId");

CREATE TABLE "Annotation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "analysisId" INTEGER NOT NULL,
    "failureKey" TEXT NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    -- "agree" | "disagree" | "unsure" with the failure as written.
    "verdict" TEXT NOT NULL,
    "proposedSeverity" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    -- JSON string[]
    "tagsJson" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Deleting an analysis deletes its annotations; re-ingesting it (same id) never does.
    CONSTRAINT "Annotation_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Annotation_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Reviewer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Annotation_analysisId_failureKey_reviewerId_key" ON "Annotation"("analysisId", "failureKey", "reviewerId");
CREATE INDEX "Annotation_reviewerId_idx" ON "Annotation"("reviewerId");

-- What an annotation said before each edit, and who changed it when.
CREATE TABLE "AnnotationRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "annotationId" INTEGER NOT NULL,
    "editorId" INTEGER NOT NULL,
    "editedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verdict" TEXT NOT NULL,
    "proposedSeverity" TEXT,
    "comment" TEXT NOT NULL DEFAULT '',
    "tagsJson" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "AnnotationRevision_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnnotationRevision_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "Reviewer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "AnnotationRevision_annotationId_idx" ON "AnnotationRevision"("annotationId");

-- Scoped share links: open one analysis (failureKey NULL) or one failure without the read token,
-- until expiresAt or revocation. Only the SHA-256 of the link's token is stored.
CREATE TABLE "ShareLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tokenHash" TEXT NOT NULL,
    "reviewerId" INTEGER NOT NULL,
    "analysisId" INTEGER NOT NULL,
    "failureKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "lastUsedAt" DATETIME,
    "uses" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ShareLink_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Reviewer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ShareLink_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "Analysis" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");
CREATE INDEX "ShareLink_reviewerId_idx" ON "ShareLink"("reviewerId");
