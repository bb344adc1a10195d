-- Real datetimes (issue 12): on SQLite this turns the integer milliseconds the store once wrote into
-- ISO 8601 text. PostgreSQL's columns were always timestamp(3), so there is nothing to change here;
-- the migration exists so that both engines have the same history.
SELECT 1;
