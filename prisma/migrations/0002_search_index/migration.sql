-- Full-text search (SQLite FTS5). Prisma has no FTS for SQLite, so the virtual tables and the
-- triggers that keep them in step live here. Rebuild with `npm run ingest -- --rebuild-index`.

-- One row per failure; rowid = Failure.id.
CREATE VIRTUAL TABLE "failure_fts" USING fts5(
  analysis_title, title, root_cause, body, code,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- One row per analysis; rowid = Analysis.id.
CREATE VIRTUAL TABLE "analysis_fts" USING fts5(
  title, task_id, summary, failure_titles,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "failure_fts_insert" AFTER INSERT ON "Failure" BEGIN
  INSERT INTO "failure_fts" (rowid, analysis_title, title, root_cause, body, code)
  VALUES (
    NEW."id",
    (SELECT "title" FROM "Analysis" WHERE "id" = NEW."analysisId"),
    NEW."title",
    coalesce(NEW."rootCause", ''),
    NEW."modelText" || char(10) || NEW."idealText",
    ''
  );
  UPDATE "analysis_fts" SET "failure_titles" = "failure_titles" || char(10) || NEW."title"
  WHERE rowid = NEW."analysisId";
END;

CREATE TRIGGER "failure_fts_delete" AFTER DELETE ON "Failure" BEGIN
  DELETE FROM "failure_fts" WHERE rowid = OLD."id";
END;

CREATE TRIGGER "code_fts_insert" AFTER INSERT ON "CodeBlock" BEGIN
  UPDATE "failure_fts" SET "code" = "code" || char(10) || NEW."value" WHERE rowid = NEW."failureId";
END;

CREATE TRIGGER "analysis_fts_insert" AFTER INSERT ON "Analysis" BEGIN
  INSERT INTO "analysis_fts" (rowid, title, task_id, summary, failure_titles)
  VALUES (NEW."id", NEW."title", coalesce(NEW."taskId", ''), coalesce(NEW."summary", ''), '');
END;

CREATE TRIGGER "analysis_fts_update" AFTER UPDATE OF "title", "taskId", "summary" ON "Analysis" BEGIN
  UPDATE "analysis_fts" SET title = NEW."title", task_id = coalesce(NEW."taskId", ''), summary = coalesce(NEW."summary", '')
  WHERE rowid = NEW."id";
END;

CREATE TRIGGER "analysis_fts_delete" AFTER DELETE ON "Analysis" BEGIN
  DELETE FROM "analysis_fts" WHERE rowid = OLD."id";
END;
