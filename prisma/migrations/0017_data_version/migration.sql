-- A data version every write bumps (issue 19): one row whose "version" goes up by one on every insert,
-- update or delete of any table the pages read, through the triggers below, so no write path (ingest,
-- upload, delete, re-ingest, reviews, sign-in, shares, scripts, a hand-run SQL statement) can forget it.
-- The app reads it once per request (SELECT "version" FROM "DataVersion" WHERE "id" = 1) and keys its
-- in-process caches and ETags by it: a committed write is visible at the next request in every process.
-- A table added later needs the same three triggers (tests/cache/version.test.ts fails until it has them).
-- Plain SQL on purpose: one row, one UPDATE per trigger, nothing engine-specific beyond trigger syntax.

CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);


CREATE TRIGGER "Analysis_version_insert" AFTER INSERT ON "Analysis" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Analysis_version_update" AFTER UPDATE ON "Analysis" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Analysis_version_delete" AFTER DELETE ON "Analysis" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AnalysisSource_version_insert" AFTER INSERT ON "AnalysisSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisSource_version_update" AFTER UPDATE ON "AnalysisSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisSource_version_delete" AFTER DELETE ON "AnalysisSource" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Failure_version_insert" AFTER INSERT ON "Failure" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Failure_version_update" AFTER UPDATE ON "Failure" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Failure_version_delete" AFTER DELETE ON "Failure" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "CodeBlock_version_insert" AFTER INSERT ON "CodeBlock" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CodeBlock_version_update" AFTER UPDATE ON "CodeBlock" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CodeBlock_version_delete" AFTER DELETE ON "CodeBlock" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Impact_version_insert" AFTER INSERT ON "Impact" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Impact_version_update" AFTER UPDATE ON "Impact" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Impact_version_delete" AFTER DELETE ON "Impact" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Reference_version_insert" AFTER INSERT ON "Reference" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Reference_version_update" AFTER UPDATE ON "Reference" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Reference_version_delete" AFTER DELETE ON "Reference" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "KnowledgeGap_version_insert" AFTER INSERT ON "KnowledgeGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "KnowledgeGap_version_update" AFTER UPDATE ON "KnowledgeGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "KnowledgeGap_version_delete" AFTER DELETE ON "KnowledgeGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "FailureGap_version_insert" AFTER INSERT ON "FailureGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FailureGap_version_update" AFTER UPDATE ON "FailureGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FailureGap_version_delete" AFTER DELETE ON "FailureGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "GapFacet_version_insert" AFTER INSERT ON "GapFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "GapFacet_version_update" AFTER UPDATE ON "GapFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "GapFacet_version_delete" AFTER DELETE ON "GapFacet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AnalysisGap_version_insert" AFTER INSERT ON "AnalysisGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisGap_version_update" AFTER UPDATE ON "AnalysisGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisGap_version_delete" AFTER DELETE ON "AnalysisGap" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AnalysisAlias_version_insert" AFTER INSERT ON "AnalysisAlias" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisAlias_version_update" AFTER UPDATE ON "AnalysisAlias" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisAlias_version_delete" AFTER DELETE ON "AnalysisAlias" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "FailureAlias_version_insert" AFTER INSERT ON "FailureAlias" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FailureAlias_version_update" AFTER UPDATE ON "FailureAlias" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FailureAlias_version_delete" AFTER DELETE ON "FailureAlias" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Reviewer_version_insert" AFTER INSERT ON "Reviewer" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Reviewer_version_update" AFTER UPDATE ON "Reviewer" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Reviewer_version_delete" AFTER DELETE ON "Reviewer" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ReviewSession_version_insert" AFTER INSERT ON "ReviewSession" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ReviewSession_version_update" AFTER UPDATE ON "ReviewSession" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ReviewSession_version_delete" AFTER DELETE ON "ReviewSession" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "Annotation_version_insert" AFTER INSERT ON "Annotation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Annotation_version_update" AFTER UPDATE ON "Annotation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Annotation_version_delete" AFTER DELETE ON "Annotation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AnnotationRevision_version_insert" AFTER INSERT ON "AnnotationRevision" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnnotationRevision_version_update" AFTER UPDATE ON "AnnotationRevision" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnnotationRevision_version_delete" AFTER DELETE ON "AnnotationRevision" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "ShareLink_version_insert" AFTER INSERT ON "ShareLink" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ShareLink_version_update" AFTER UPDATE ON "ShareLink" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ShareLink_version_delete" AFTER DELETE ON "ShareLink" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AnalysisReview_version_insert" AFTER INSERT ON "AnalysisReview" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisReview_version_update" AFTER UPDATE ON "AnalysisReview" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisReview_version_delete" AFTER DELETE ON "AnalysisReview" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;

CREATE TRIGGER "AnalysisReviewRevision_version_insert" AFTER INSERT ON "AnalysisReviewRevision" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisReviewRevision_version_update" AFTER UPDATE ON "AnalysisReviewRevision" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "AnalysisReviewRevision_version_delete" AFTER DELETE ON "AnalysisReviewRevision" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END;
