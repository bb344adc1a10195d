// The /compare picker at scale (5,000 analyses): a few matches per keystroke, never the whole list;
// "compare with…" suggestions; failure links by stable key.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite } from "@/lib/data/sqlite";
import { freshDatabase, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));

const ANALYSES = 5_000;
let restore: string | undefined;

beforeAll(() => {
  const file = freshDatabase(tempDir());
  const db = openSqlite(file);
  db.prepare(
    `INSERT INTO "KnowledgeGap" (id, label) VALUES ('iam', 'IAM'), ('networking', 'Networking'), ('secrets', 'Secrets'), ('cost', 'Cost')`,
  ).run();
  const analysis = db.prepare(
    `INSERT INTO "Analysis" (slug, sourcePath, contentHash, title, taskId, platform, failureCount, updatedAt) VALUES (?, ?, 'x', ?, ?, ?, ?, CURRENT_TIMESTAMP)`,
  );
  const failure = db.prepare(
    `INSERT INTO "Failure" (analysisId, number, key, title, severity, severityRank, line) VALUES (?, ?, ?, ?, ?, 0, 1)`,
  );
  const link = db.prepare(`INSERT INTO "FailureGap" (failureId, gapId, rank, severity, analysisId) VALUES (?, ?, 0, 'critical', ?)`);
  const add = (
    slug: string,
    title: string,
    taskId: string | null,
    platform: string | null,
    failures: [string, string, string, string][],
  ) => {
    const id = Number(analysis.run(slug, `${slug}.md`, title, taskId, platform, failures.length).lastInsertRowid);
    failures.forEach(([key, t, severity, gap], i) => {
      const failureId = Number(failure.run(id, i + 1, key, t, severity).lastInsertRowid);
      link.run(failureId, gap, id);
    });
  };
  db.transaction(() => {
    for (let i = 0; i < ANALYSES - 6; i++) {
      add(`report-${String(i).padStart(4, "0")}`, "Model Response Failures Analysis", `task-${i}`, i % 2 ? "pulumi" : "terraform", [
        [`failure-a-${i % 7}`, `Open security group ${i % 7}`, "high", i % 3 ? "networking" : "cost"],
      ]);
    }
    add("target", "Target analysis", "t-100", "cdk", [
      ["hardcoded-password", "Hardcoded password", "critical", "secrets"],
      ["wildcard-iam", "Wildcard IAM policy", "high", "iam"],
    ]);
    add("same-task", "Another attempt", "t-100", "terraform", [["open-port", "Open port", "low", "cost"]]);
    add("same-platform-similar", "Similar CDK", null, "cdk", [
      ["hard-coded-db-password", "Hard-coded DB password", "high", "secrets"],
      ["iam-star", "IAM star", "high", "iam"],
    ]);
    add("other-platform-similar", "Similar Pulumi", null, "pulumi", [
      ["password-in-code", "Password in code", "critical", "secrets"],
      ["iam-wildcard", "IAM wildcard", "critical", "iam"],
    ]);
    add("weird_100%", "Percent_and_underscore", null, null, []);
    add("weird-1000", "Plain", null, null, []);
  })();
  db.close();
  restore = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
}, 120_000);

afterAll(() => {
  if (restore === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = restore;
});

describe("the compare picker", () => {
  it("answers a keystroke with a handful of matches and the total, in a few KB", async () => {
    const { searchPickerOptions, PICKER_DEFAULT_LIMIT } = await import("@/lib/compare/picker");
    for (const q of ["", "r", "report", "pulumi", "model response"]) {
      const result = await searchPickerOptions(q);
      expect(result.options.length).toBeLessThanOrEqual(PICKER_DEFAULT_LIMIT);
      expect(Buffer.byteLength(JSON.stringify(result))).toBeLessThan(4_000);
    }
    const all = await searchPickerOptions("model response");
    expect(all.total).toBe(ANALYSES - 6);
  });

  it("needs every word, puts an exact slug or task id first and honours exclude", async () => {
    const { searchPickerOptions } = await import("@/lib/compare/picker");
    const both = await searchPickerOptions("report-012 pulumi", { limit: 20 });
    expect(both.total).toBe(5); // report-0121, 0123, … 0129 on pulumi (odd numbers)
    expect(both.options.every((o) => o.platform === "pulumi" && o.slug.startsWith("report-012"))).toBe(true);
    expect(
      (await searchPickerOptions("T-100")).options
        .map((o) => o.slug)
        .slice(0, 2)
        .sort(),
    ).toEqual(["same-task", "target"]);
    expect((await searchPickerOptions("target")).options[0]?.slug).toBe("target");
    expect((await searchPickerOptions("target", { exclude: "target" })).options.map((o) => o.slug)).not.toContain("target");
  });

  it("takes % and _ literally", async () => {
    const { searchPickerOptions } = await import("@/lib/compare/picker");
    expect((await searchPickerOptions("100%")).options.map((o) => o.slug)).toEqual(["weird_100%"]);
    expect((await searchPickerOptions("_and_")).options.map((o) => o.slug)).toEqual(["weird_100%"]);
  });
});

describe("compare with…", () => {
  it("suggests the same task first, then the same platform with similar failures", async () => {
    const { closestAnalyses } = await import("@/lib/compare/closest");
    const closest = await closestAnalyses("target", 3);
    expect(closest.map((c) => c.slug)).toEqual(["same-task", "same-platform-similar", "other-platform-similar"]);
    expect(closest[0]).toMatchObject({ sameTask: true });
    expect(closest[1]).toMatchObject({ samePlatform: true, sharedGaps: 2, similarity: 1 });
    expect(await closestAnalyses("no-such-analysis")).toEqual([]);
  });
});

describe("a comparison's failure links", () => {
  it("name the failure by its stable key, not its display number", async () => {
    const { compareAnalyses, summarizeComparison } = await import("@/lib/compare/compare-analyses");
    const result = await compareAnalyses("target", "other-platform-similar");
    if (!result.ok) throw new Error("missing side");
    const urls = result.comparison.a.failures.map((f) => f.url);
    expect(urls).toEqual(["/analyses/target/failures/hardcoded-password", "/analyses/target/failures/wildcard-iam"]);
    // Paired by title and gap; one pair is critical on both sides, the other moved high → critical.
    const s = summarizeComparison(result.comparison);
    expect(s.both).toBe(2);
    expect(s.moved).toEqual({ worse: 1, better: 0, ungraded: 0 });
  });
});
