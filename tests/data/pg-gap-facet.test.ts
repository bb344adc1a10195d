// The facet tables on PostgreSQL (GapFacet, AnalysisGapFacet, FailureFacet) are kept by difference
// (lib/data/gap-facet.ts): after every kind of write (ingest, a changed document, prune, delete) each
// equals a recount of the rows it summarizes, as tests/ingest's assertConsistent checks on SQLite. Runs only with
// FAULTLINE_TEST_POSTGRES_URL (tests/data/pg-harness.ts), in a throwaway database.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingest } from "@/lib/ingest/ingest";
import { PgAnalysisStore } from "@/lib/data/pg-store";
import { setEnv } from "@/lib/env";
import { report, tempDir } from "../ingest/helpers";
import { comparable, FACET_RECOUNTS } from "./facet-recount";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "./pg-harness";

vi.mock("server-only", () => ({}));

let url = "";
let content = "";
const saved = process.env.DATABASE_URL;

async function facetAndLive(): Promise<{ stored: unknown[]; live: unknown[]; links: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const stored: unknown[] = [];
    const live: unknown[] = [];
    for (const recount of FACET_RECOUNTS) {
      stored.push({ [recount.table]: comparable((await client.query(recount.stored)).rows) });
      live.push({ [recount.table]: comparable((await client.query(recount.live)).rows) });
    }
    const links = Number((await client.query(`SELECT count(*) AS n FROM "FailureGap"`)).rows[0].n);
    return { stored, live, links };
  } finally {
    await client.end();
  }
}

async function maintained(): Promise<{ vacuumed: boolean; analyzed: boolean }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [row] = (await client.query(`SELECT last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname = 'FailureGap'`)).rows;
    return row;
  } finally {
    await client.end();
  }
}

async function expectCurrent(): Promise<number> {
  const { stored, live, links } = await facetAndLive();
  expect(stored).toEqual(live);
  return links;
}

const run = (prune = false) => {
  process.env.DATABASE_URL = url;
  return ingest({ paths: [content], workers: 0, parserVersion: "test", prune }).finally(() => setEnv("DATABASE_URL", saved));
};

describe.skipIf(!POSTGRES_TEST_URL)("the gap facet on PostgreSQL", () => {
  beforeAll(async () => {
    content = path.join(tempDir("faultline-pg-gap-facet-"), "content");
    fs.mkdirSync(content);
    for (const name of fs.readdirSync("content").filter((n) => n.endsWith(".md"))) fs.copyFileSync(path.join("content", name), path.join(content, name));
    fs.writeFileSync(
      path.join(content, "small.md"),
      report("small-task", [
        { title: "Hardcoded database passwords", severity: "critical", model: "password = 'hunter2'" },
        { title: "Missing encryption at rest", severity: "high" },
      ]),
    );
    url = await createPostgresDatabase("faultline_gap_facet");
  }, 120_000);

  afterAll(async () => {
    if (url) await dropPostgresDatabase(url);
  });

  it("equals a recount of the links after an ingest, a change, an unchanged run, a prune and a delete", async () => {
    // Every write batch also vacuums and analyzes (as a growing ingest does every so often).
    const every = PgAnalysisStore.maintainAfter;
    PgAnalysisStore.maintainAfter = 1;
    try {
      expect((await run()).failed).toEqual([]);
    } finally {
      PgAnalysisStore.maintainAfter = every;
    }
    const first = await expectCurrent();
    expect(first).toBeGreaterThan(0);
    expect(await maintained()).toEqual({ vacuumed: true, analyzed: true });

    // A changed document: one failure fewer, another severity.
    const names = fs.readdirSync(content).filter((n) => /^\d/.test(n)).sort();
    const changed = path.join(content, names[0]!);
    const text = fs.readFileSync(changed, "utf8");
    fs.writeFileSync(changed, text.replace(/\*\*Impact Level\*\*: *\w+/, "**Impact Level**: low").replace(/\n### 2\.[\s\S]*?(?=\n### 3\.)/, ""));
    expect((await run()).updated).toBe(1);
    await expectCurrent();

    // Unchanged: nothing to write.
    expect((await run()).updated).toBe(0);
    await expectCurrent();

    // A file gone, pruned; then one deleted by its slug.
    fs.rmSync(path.join(content, names[1]!));
    expect((await run(true)).pruned).toHaveLength(1);
    await expectCurrent();
    const store = new PgAnalysisStore(url);
    const small = [...(await store.knownSources()).keys()].find((k) => k.endsWith("small.md"));
    expect(await store.deleteSource(small!)).toBe(true);
    const after = await expectCurrent();
    expect(after).toBeLessThan(first);
  }, 300_000);
});
