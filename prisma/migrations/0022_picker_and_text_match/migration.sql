-- The /compare picker at 50,000 analyses (issue 18): every keystroke filters all analyses by their
-- title, task id, slug and platform and lists the newest matches with their failure count and score.
-- One index holding exactly those columns, led by updatedAt, lets it read the index instead of the wide
-- rows (about 3x less time per keystroke on both engines); it also serves every updatedAt ordering, so
-- the index on updatedAt alone goes. (PostgreSQL's migration also gives each failure's full-text row
-- its analysis id; SQLite's contentless FTS5 index holds no columns.)
DROP INDEX "Analysis_updatedAt_idx";

CREATE INDEX "Analysis_picker_idx" ON "Analysis"("updatedAt", "title", "slug", "taskId", "platform", "failureCount", "scoreValue", "scoreMax", "scoreNorm");
