-- Full-text search on PostgreSQL, the counterpart of SQLite's FTS5 index (0002, 0005, 0012): one row
-- per analysis and per failure, with the same texts (lib/data/search-index.ts), a GIN index, written by
-- the store in each document's own transaction; deleting the analysis or failure deletes its row.
--
-- Words as SQLite's `porter unicode61` sees them: the text is split on anything but letters, digits and
-- "_" first (PostgreSQL's parser would otherwise keep "config.yaml" or URLs as one token), then
-- stemmed with the English Snowball stemmer WITHOUT a stop-word list (FTS5 has none: "the" and "not"
-- are searchable there, so they are here).
-- Weights follow the bm25 column weights on SQLite: A = 8 (titles, task id), B = 4 (root cause,
-- failure titles), C = 2 (summary, the analysis title on a failure), D = 1 (MODEL/IDEAL text, code).
CREATE TEXT SEARCH DICTIONARY "faultline_stem" (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION "faultline" (COPY = english);
ALTER TEXT SEARCH CONFIGURATION "faultline"
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH "faultline_stem";

-- One field as weighted lexemes. A tsvector holds at most 1 MB: each field is cut at 256 KB of text.
CREATE FUNCTION "faultline_tsvector"(body text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('faultline'::regconfig, regexp_replace(left(coalesce(body, ''), 262144), '[^[:alnum:]_]+', ' ', 'g')), weight)
  $$;

CREATE TABLE "analysis_fts" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Analysis"("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);
CREATE INDEX "analysis_fts_document_idx" ON "analysis_fts" USING GIN ("document");

CREATE TABLE "failure_fts" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Failure"("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);
CREATE INDEX "failure_fts_document_idx" ON "failure_fts" USING GIN ("document");
