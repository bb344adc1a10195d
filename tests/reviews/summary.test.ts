// Review state per failure for lists and exports: verdict counts, reviewers, tags, the majority
// proposed severity, and "disputed" (any disagree, or a proposed severity other than the parsed one).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { freshDatabase, report, tempDir } from "../ingest/helpers";

let dir: string;
let db: Sqlite;

beforeAll(async () => {
  dir = tempDir();
  const file = freshDatabase(dir);
  vi.stubEnv("DATABASE_URL", `file:${file}`);
  db = openSqlite(file);
  const content = path.join(dir, "content");
  fs.mkdirSync(content);
  fs.writeFileSync(
    path.join(content, "a.md"),
    report("888000001", [
      { title: "Open port", severity: "High" },
      { title: "Typo", severity: "Low" },
      { title: "Unreviewed", severity: "Low" },
    ]),
  );
  await ingest({ paths: [content], db, workers: 0 });
}, 120_000);
afterAll(() => {
  db.close();
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("reviewStates", () => {
  it("counts verdicts, finds disputes and the majority proposed severity", async () => {
    const { addReviewer, reviewerByToken } = await import("@/lib/reviews/reviewers");
    const { createAnnotation } = await import("@/lib/reviews/annotations");
    const { reviewKey, reviewStates } = await import("@/lib/reviews/summary");
    const people = await Promise.all(["ann", "ben", "cat"].map(async (n) => (await reviewerByToken((await addReviewer(n)).token))!));
    const rows = db
      .prepare<[], { analysisId: number; key: string; severity: string }>(
        `SELECT analysisId, "key", severity FROM "Failure" ORDER BY number`,
      )
      .all();
    const [port, typo, unreviewed] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    await createAnnotation(people[0]!, {
      analysis: "888000001",
      failure: port.key,
      verdict: "agree",
      severity: "critical",
      tags: ["network"],
    });
    await createAnnotation(people[1]!, { analysis: "888000001", failure: port.key, verdict: "agree", severity: "critical" });
    await createAnnotation(people[2]!, {
      analysis: "888000001",
      failure: port.key,
      verdict: "unsure",
      severity: "medium",
      tags: ["network", "iam"],
    });
    await createAnnotation(people[0]!, { analysis: "888000001", failure: typo.key, verdict: "agree", severity: "low" });
    const severities = new Map(rows.map((r) => [reviewKey(r.analysisId, r.key), r.severity]));
    const states = await reviewStates([port.analysisId], severities);
    expect(states.get(reviewKey(port.analysisId, port.key))).toEqual({
      reviewers: ["ann", "ben", "cat"],
      agree: 2,
      disagree: 0,
      unsure: 1,
      disputed: true,
      proposedSeverity: "critical",
      tags: ["network", "iam"],
    });
    // Agreeing and proposing the parsed severity is no dispute.
    expect(states.get(reviewKey(typo.analysisId, typo.key))).toMatchObject({ disputed: false, agree: 1, proposedSeverity: "low" });
    expect(states.has(reviewKey(unreviewed.analysisId, unreviewed.key))).toBe(false);
    expect((await reviewStates([], severities)).size).toBe(0);
  });
});
