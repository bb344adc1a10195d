-- Real datetimes (issue 12): the store wrote an analysis's createdAt and updatedAt as integer
-- milliseconds, while Prisma writes DATETIME columns as ISO 8601 text in UTC ("2026-12-06T15:51:55.297+00:00").
-- The store now writes that text too (lib/data/store-model.ts, sqliteTimestamp); this turns the older
-- integers into the same text, to the millisecond, so every row sorts and reads alike.
UPDATE "Analysis"
SET "createdAt" = strftime('%Y-%m-%dT%H:%M:%S', "createdAt" / 1000, 'unixepoch') || '.' || printf('%03d', "createdAt" % 1000) || '+00:00'
WHERE typeof("createdAt") = 'integer';

UPDATE "Analysis"
SET "updatedAt" = strftime('%Y-%m-%dT%H:%M:%S', "updatedAt" / 1000, 'unixepoch') || '.' || printf('%03d', "updatedAt" % 1000) || '+00:00'
WHERE typeof("updatedAt") = 'integer';
