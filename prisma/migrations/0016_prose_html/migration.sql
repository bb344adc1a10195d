-- Report prose stored as HTML (issue 15): the summary, each failure's MODEL/IDEAL prose, root cause,
-- labelled fields and impacts are rendered at ingest (lib/render/prose.ts: remark → remark-rehype →
-- rehype-sanitize → rehype-highlight → HTML) and kept beside their Markdown, so a page shows stored
-- HTML instead of rendering it per request. NULL = stored before this migration: the page renders the
-- Markdown as before, and the next ingest (whose parser version now covers the renderer) fills it.
-- No new table, so no data-version triggers: the existing ones on these tables cover the writes.

ALTER TABLE "Analysis" ADD COLUMN "summaryHtml" TEXT;

ALTER TABLE "Failure" ADD COLUMN "modelHtml" TEXT;
ALTER TABLE "Failure" ADD COLUMN "idealHtml" TEXT;
ALTER TABLE "Failure" ADD COLUMN "rootCauseHtml" TEXT;
-- JSON string[], one per entry of fieldsJson (in order).
ALTER TABLE "Failure" ADD COLUMN "fieldsHtml" TEXT;

ALTER TABLE "Impact" ADD COLUMN "html" TEXT;
