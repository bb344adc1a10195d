-- PostgreSQL translation of prisma/migrations/0016_prose_html (see there): report prose stored as
-- sanitized HTML beside its Markdown; NULL = stored before, rendered per request.
ALTER TABLE "Analysis" ADD COLUMN "summaryHtml" TEXT;

ALTER TABLE "Failure" ADD COLUMN "modelHtml" TEXT;
ALTER TABLE "Failure" ADD COLUMN "idealHtml" TEXT;
ALTER TABLE "Failure" ADD COLUMN "rootCauseHtml" TEXT;
ALTER TABLE "Failure" ADD COLUMN "fieldsHtml" TEXT;

ALTER TABLE "Impact" ADD COLUMN "html" TEXT;
