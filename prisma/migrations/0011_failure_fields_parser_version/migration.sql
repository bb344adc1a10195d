-- Labelled fields of a failure that no other column holds ("Training Value", "Category", "Lesson"),
-- as a JSON array of {label, text}; '[]' for failures parsed before fields were kept.
ALTER TABLE "Failure" ADD COLUMN "fieldsJson" TEXT NOT NULL DEFAULT '[]';

-- Which parser and taxonomy produced the analysis (lib/ingest/parser-version.ts). '' marks analyses
-- stored before versions were recorded: the next ingest parses them again, as it does after any
-- parser or taxonomy change, even when their bytes are unchanged.
ALTER TABLE "Analysis" ADD COLUMN "parserVersion" TEXT NOT NULL DEFAULT '';
