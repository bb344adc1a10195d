// The explorer's counts for two knowledge gaps (lib/failures/failure-criteria.ts, twoGapFailures):
// each gap's pre-counted links less the failures having both must equal the failures having either,
// counted one by one, per severity and platform, for every pair of gaps the sample reports use (on
// SQLite, and on PostgreSQL when FAULTLINE_TEST_POSTGRES_URL is set).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { freshDatabase, tempDir } from "../ingest/helpers";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "../data/pg-harness";

vi.mock("server-only", () => ({}));

type Link = { failureId: number; gapId: string; severity: string; platform: string | null };

/** Failures having gap a or b (or a alone when a = b), by failure, and every facet the page shows. */
function expected(links: readonly Link[], a: string, b: string) {
  const failures = new Map<number, Link>();
  for (const link of links) if (link.gapId === a || link.gapId === b) failures.set(link.failureId, link);
  const count = (key: (l: Link) => string | null) => {
    const counts = new Map<string, number>();
    for (const l of failures.values()) {
      const k = key(l);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  return { total: failures.size, severity: count((l) => l.severity), platform: count((l) => l.platform) };
}

async function checkEveryPair(links: readonly Link[]): Promise<number> {
  const { tallyFailures } = await import("@/lib/failures/failure-criteria");
  const gaps = [...new Set(links.map((l) => l.gapId))].sort();
  let overlapping = 0;
  for (const a of gaps) {
    for (const b of gaps) {
      if (a > b) continue;
      const tally = await tallyFailures({ severities: [], gaps: [a, b], platforms: [] });
      const want = expected(links, a, b);
      expect({ pair: [a, b], total: tally.total, severity: tally.facets.severity, platform: tally.facets.platform }).toEqual({
        pair: [a, b],
        ...want,
      });
      const both = new Set(links.filter((l) => l.gapId === a).map((l) => l.failureId));
      if (a !== b && links.some((l) => l.gapId === b && both.has(l.failureId))) overlapping++;
    }
  }
  return overlapping;
}

let dir = "";
let content = "";

beforeAll(() => {
  dir = tempDir("faultline-two-gaps-");
  content = path.join(dir, "content");
  fs.mkdirSync(content);
  for (const name of fs.readdirSync("content").filter((n) => n.endsWith(".md")))
    fs.copyFileSync(path.join("content", name), path.join(content, name));
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the explorer's two-gap counts", () => {
  it("equal the failures having either gap, counted one by one, on SQLite", async () => {
    const file = freshDatabase(dir);
    vi.stubEnv("DATABASE_URL", `file:${file}`);
    const db = openSqlite(file);
    try {
      await ingest({ paths: [content], db, workers: 0 });
      const links = db.prepare(`SELECT failureId, gapId, severity, platform FROM "FailureGap"`).all() as Link[];
      // Pairs whose failures overlap are the case the subtraction is for.
      expect(await checkEveryPair(links)).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 120_000);

  it.skipIf(!POSTGRES_TEST_URL)(
    "equal the failures having either gap, counted one by one, on PostgreSQL",
    async () => {
      const url = await createPostgresDatabase("faultline_two_gaps");
      try {
        vi.stubEnv("DATABASE_URL", url);
        await ingest({ paths: [content], workers: 0 });
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const { rows } = await client.query(`SELECT "failureId", "gapId", severity, platform FROM "FailureGap"`);
        await client.end();
        expect(await checkEveryPair(rows as Link[])).toBeGreaterThan(0);
      } finally {
        await dropPostgresDatabase(url);
      }
    },
    120_000,
  );
});
