-- The date a report states for itself ("Date:", "Analysis Date:", front matter), YYYY-MM-DD, or NULL.
-- Lists show it where there is one, else the ingest date, labelled as such. Filled when an analysis
-- is parsed again (the parser version changes with this release, so the next ingest re-parses all).
ALTER TABLE "Analysis" ADD COLUMN "documentDate" TEXT;
