-- The /compare picker at 50,000 analyses (issue 18): PostgreSQL now matches typed words in one stored,
-- lower-cased text of title, task id, slug and platform ("pickerText", its migration 0024). The models
-- are shared, so SQLite has the column too, computed on read (VIRTUAL: SQLite cannot add a stored
-- generated column to an existing table) and never written. SQLite's picker keeps matching the columns
-- one by one (lib/data/dialect.ts): its LIKE ignores ASCII case already, and an index holding a virtual
-- column is not read on its own, so the picker index (0022) stays as it is.
ALTER TABLE "Analysis" ADD COLUMN "pickerText" TEXT GENERATED ALWAYS AS (
  lower("title" || char(10) || coalesce("taskId", '') || char(10) || "slug" || char(10) || coalesce("platform", ''))
) VIRTUAL;
