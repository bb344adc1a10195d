// An ingest on PostgreSQL leaves the tables it wrote vacuumed and analyzed (lib/data/pg-store.ts):
// the doubling refresh schedule inside the run, and one more at its end for what was written since.
// The app's connections start with the session settings FAULTLINE_PG_OPTIONS names.
// Runs only with FAULTLINE_TEST_POSTGRES_URL (tests/data/pg-harness.ts), in a throwaway database.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingest } from "@/lib/ingest/ingest";
import { PgAnalysisStore } from "@/lib/data/pg-store";
import { pgPool } from "@/lib/data/postgres";
import { setEnv } from "@/lib/env";
import { report, tempDir } from "../ingest/helpers";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "./pg-harness";

vi.mock("server-only", () => ({}));

let url = "";
let content = "";
const saved = process.env.DATABASE_URL;

/** What the planner believes "Analysis" holds (set by VACUUM and ANALYZE only) and what it holds. */
async function analysisRows(): Promise<{ estimated: number; stored: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (
      await client.query(
        `SELECT (SELECT reltuples FROM pg_class WHERE oid = '"Analysis"'::regclass)::int AS estimated, (SELECT count(*) FROM "Analysis")::int AS stored`,
      )
    ).rows;
    return row;
  } finally {
    await client.end();
  }
}

describe.skipIf(!POSTGRES_TEST_URL)("table maintenance during an ingest on PostgreSQL", () => {
  beforeAll(async () => {
    content = path.join(tempDir("faultline-pg-maintenance-"), "content");
    fs.mkdirSync(content);
    for (let i = 1; i <= 6; i++) {
      fs.writeFileSync(path.join(content, `task-${i}.md`), report(`task-${i}`, [{ title: `Failure ${i}`, severity: "high" }]));
    }
    url = await createPostgresDatabase("faultline_maintenance");
  }, 120_000);

  afterAll(async () => {
    if (url) await dropPostgresDatabase(url);
  });

  it("analyzes the analyses written after the last refresh inside the run when the run ends", async () => {
    // One document per batch, a refresh once 2 are written and as many as were stored then: after
    // documents 2 and 4; documents 5 and 6 come after the last one and are counted by the run's end.
    const every = PgAnalysisStore.maintainAfter;
    PgAnalysisStore.maintainAfter = 2;
    process.env.DATABASE_URL = url;
    try {
      const summary = await ingest({ paths: [content], workers: 0, parserVersion: "test", batchSize: 1 });
      expect(summary.added).toBe(6);
    } finally {
      PgAnalysisStore.maintainAfter = every;
      setEnv("DATABASE_URL", saved);
    }
    expect(await analysisRows()).toEqual({ estimated: 6, stored: 6 });
  });

  it("starts the pages' and the writers' connections without JIT and parallel workers", async () => {
    const settings = `SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers`;
    process.env.DATABASE_URL = url;
    try {
      const { prisma } = await import("@/lib/db");
      expect(await prisma.$queryRawUnsafe(settings)).toEqual([{ jit: "off", workers: "0" }]);
      expect((await pgPool(url).query(settings)).rows).toEqual([{ jit: "off", workers: "0" }]);
    } finally {
      setEnv("DATABASE_URL", saved);
    }
    // A plain connection gets the server's defaults: the settings are the app's, not the database's.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query(settings)).rows[0].workers).not.toBe("0");
    } finally {
      await client.end();
    }
  });
});
