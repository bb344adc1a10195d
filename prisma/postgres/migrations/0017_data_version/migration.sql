-- PostgreSQL translation of prisma/migrations/0017_data_version (see there): one row whose "version" goes
-- up on every write to a table the pages read, so every app server sees a committed write at its next
-- request. Statement-level triggers here (one bump per INSERT/UPDATE/DELETE statement, not per row): the
-- version only has to change, and one UPDATE of the hot row per statement keeps bulk ingest cheap.
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "faultline_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Analysis_version" AFTER INSERT OR UPDATE OR DELETE ON "Analysis" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "AnalysisSource_version" AFTER INSERT OR UPDATE OR DELETE ON "AnalysisSource" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "Failure_version" AFTER INSERT OR UPDATE OR DELETE ON "Failure" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "CodeBlock_version" AFTER INSERT OR UPDATE OR DELETE ON "CodeBlock" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "Impact_version" AFTER INSERT OR UPDATE OR DELETE ON "Impact" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "Reference_version" AFTER INSERT OR UPDATE OR DELETE ON "Reference" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "KnowledgeGap_version" AFTER INSERT OR UPDATE OR DELETE ON "KnowledgeGap" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "FailureGap_version" AFTER INSERT OR UPDATE OR DELETE ON "FailureGap" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "GapFacet_version" AFTER INSERT OR UPDATE OR DELETE ON "GapFacet" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "AnalysisGap_version" AFTER INSERT OR UPDATE OR DELETE ON "AnalysisGap" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "AnalysisAlias_version" AFTER INSERT OR UPDATE OR DELETE ON "AnalysisAlias" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "FailureAlias_version" AFTER INSERT OR UPDATE OR DELETE ON "FailureAlias" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "Reviewer_version" AFTER INSERT OR UPDATE OR DELETE ON "Reviewer" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "ReviewSession_version" AFTER INSERT OR UPDATE OR DELETE ON "ReviewSession" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "Annotation_version" AFTER INSERT OR UPDATE OR DELETE ON "Annotation" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "AnnotationRevision_version" AFTER INSERT OR UPDATE OR DELETE ON "AnnotationRevision" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "ShareLink_version" AFTER INSERT OR UPDATE OR DELETE ON "ShareLink" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "AnalysisReview_version" AFTER INSERT OR UPDATE OR DELETE ON "AnalysisReview" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
CREATE TRIGGER "AnalysisReviewRevision_version" AFTER INSERT OR UPDATE OR DELETE ON "AnalysisReviewRevision" FOR EACH STATEMENT EXECUTE FUNCTION "faultline_bump_data_version"();
