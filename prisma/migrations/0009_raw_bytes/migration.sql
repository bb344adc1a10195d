-- The original bytes of a source file whose text does not encode back to them as UTF-8 (invalid
-- UTF-8, Latin-1, UTF-16): the decoded text alone could not reproduce the file or its contentHash.
-- NULL for every file that round-trips (all but ~0.1 % of real reports), so the table barely grows.
ALTER TABLE "AnalysisSource" ADD COLUMN "rawBytes" BLOB;
