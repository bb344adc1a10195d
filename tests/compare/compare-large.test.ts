// /compare and /api/compare of analyses with more failures than SQLite binds variables (~32k): once a
// 500 "too many SQL variables", and before that minutes of work. Now the first COMPARE_MAX_FAILURES
// of each side are compared and the page says so.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite } from "@/lib/data/sqlite";
import { freshDatabase, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));

const FAILURES = 33_000;
let restore: string | undefined;

beforeAll(() => {
  const file = freshDatabase(tempDir());
  const db = openSqlite(file);
  db.prepare(`INSERT INTO "KnowledgeGap" (id, label) VALUES ('iam', 'IAM'), ('networking', 'Networking')`).run();
  const analysis = db.prepare(
    `INSERT INTO "Analysis" (slug, sourcePath, contentHash, title, failureCount, criticalCount, updatedAt) VALUES (?, ?, 'x', ?, ?, ?, CURRENT_TIMESTAMP)`,
  );
  // Failure keys (migration 0010) are unique per analysis; fill them when the column exists.
  const hasKey = db.prepare(`SELECT 1 FROM pragma_table_info('Failure') WHERE name = 'key'`).get() !== undefined;
  const failure = db.prepare(
    `INSERT INTO "Failure" (analysisId, number, title, severity, severityRank, line${hasKey ? ", key" : ""}) VALUES (?, ?, ?, 'critical', 0, ?${hasKey ? ", ?" : ""})`,
  );
  const link = db.prepare(`INSERT INTO "FailureGap" (failureId, gapId, rank, severity, analysisId) VALUES (?, ?, 0, 'critical', ?)`);
  db.transaction(() => {
    for (const side of ["big-a", "big-b"]) {
      const id = Number(analysis.run(side, `${side}.md`, `Analysis ${side}`, FAILURES, FAILURES).lastInsertRowid);
      for (let n = 1; n <= FAILURES; n++) {
        const failureId = Number(
          failure.run(id, n, `Security group ${n % 97} open to the world on port ${n}`, n, ...(hasKey ? [`#${n}`] : [])).lastInsertRowid,
        );
        link.run(failureId, n % 2 ? "iam" : "networking", id);
      }
    }
  })();
  db.close();
  restore = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
}, 120_000);

afterAll(() => {
  if (restore === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = restore;
});

describe("comparing two analyses of 33,000 failures each", () => {
  it("answers with the first 5,000 of each side aligned and a note saying so", async () => {
    const { compareAnalyses, COMPARE_MAX_FAILURES } = await import("@/lib/compare/compare-analyses");
    const { compareLimitMessages } = await import("@/components/compare-limit-note");
    const result = await compareAnalyses("big-a", "big-b");
    if (!result.ok) throw new Error("comparison missing a side");
    const c = result.comparison;
    expect(c.compared).toEqual({ a: COMPARE_MAX_FAILURES, b: COMPARE_MAX_FAILURES, limit: COMPARE_MAX_FAILURES });
    expect(c.a.failureCount).toBe(FAILURES);
    expect(c.a.failures.map((f) => f.number).slice(0, 3)).toEqual([1, 2, 3]);
    expect(c.a.failures[1]?.gaps).toEqual(["networking"]);
    expect(c.a.gapIds.sort()).toEqual(["iam", "networking"]);
    // Same titles on both sides: every compared failure finds its twin, with bounded scoring.
    expect(c.alignment.shared).toHaveLength(COMPARE_MAX_FAILURES);
    expect(c.alignment.shared.every((p) => p.a.number === p.b.number)).toBe(true);
    expect(c.alignment.work.scoredPairs).toBeLessThan(COMPARE_MAX_FAILURES * 100);
    expect(compareLimitMessages(c)[0]).toBe(
      "Large analyses: compared the first 5,000 failures of each side (5,000 of 33,000 in A, 5,000 of 33,000 in B).",
    );
  });
});
