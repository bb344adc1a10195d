// "Find and act" (issue 17): /failures and its API/exports filter by review state — annotated by
// anyone, by nobody, or disputed (a disagree, or a proposed severity other than the parsed one) —
// and the failures CSV/JSON carry what reviewers said. Annotations hang on failure keys.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite } from "@/lib/data/sqlite";
import { parseCsv } from "@/lib/export/to-csv";
import { parseFailureFilters } from "@/lib/filters/view-params";
import { freshDatabase, tempDir } from "../ingest/helpers";
import { REFILL_FACETS } from "../data/facet-recount";

vi.mock("server-only", () => ({}));

let restore: string | undefined;

beforeAll(() => {
  const file = freshDatabase(tempDir());
  const db = openSqlite(file);
  const analysis = db
    .prepare(
      `INSERT INTO "Analysis" (slug, sourcePath, contentHash, title, failureCount, highCount, updatedAt) VALUES ('rev', 'rev.md', 'x', 'Reviewed doc', 4, 4, CURRENT_TIMESTAMP)`,
    )
    .run().lastInsertRowid;
  db.prepare(`INSERT OR IGNORE INTO "KnowledgeGap" (id, label) VALUES ('iam', 'IAM')`).run();
  for (const [n, key] of ["agreed", "disagreed", "resevered", "untouched"].entries()) {
    const failure = db
      .prepare(
        `INSERT INTO "Failure" (analysisId, number, title, severity, severityRank, line, key, modelText, idealText) VALUES (?, ?, ?, 'high', 1, ?, ?, '', '')`,
      )
      .run(analysis, n + 1, `Failure ${key}`, n + 1, key).lastInsertRowid;
    // Every stored failure has one primary gap link (the facets count failures through them).
    db.prepare(`INSERT INTO "FailureGap" (failureId, gapId, rank, severity, analysisId) VALUES (?, 'iam', 0, 'high', ?)`).run(
      failure,
      analysis,
    );
  }
  const ann = db.prepare(`INSERT INTO "Reviewer" (name, kind) VALUES (?, 'header')`);
  const ada = ann.run("ada").lastInsertRowid;
  const bob = ann.run("bob").lastInsertRowid;
  const note = db.prepare(
    `INSERT INTO "Annotation" (analysisId, failureKey, reviewerId, verdict, proposedSeverity, tagsJson) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  note.run(analysis, "agreed", ada, "agree", null, '["solid"]');
  note.run(analysis, "agreed", bob, "agree", "high", "[]"); // proposing the parsed severity is no dispute
  note.run(analysis, "disagreed", ada, "disagree", null, "[]");
  note.run(analysis, "resevered", bob, "unsure", "low", '["severity"]');
  note.run(analysis, "gone-key", bob, "disagree", null, "[]"); // outdated: no current failure has it
  db.exec(REFILL_FACETS);
  db.close();
  restore = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
}, 120_000);
afterAll(() => {
  if (restore === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = restore;
});

const keysFor = async (query: string) => {
  const { searchFailures } = await import("@/lib/failures/search-failures");
  const result = await searchFailures(parseFailureFilters(Object.fromEntries(new URLSearchParams(query))));
  return { keys: result.hits.map((h) => h.key).sort(), total: result.total };
};

describe("the review filter on /failures", () => {
  it("finds failures reviewed by anyone, by nobody, and disputed ones, counted the same", async () => {
    expect(await keysFor("review=reviewed")).toEqual({ keys: ["agreed", "disagreed", "resevered"], total: 3 });
    expect(await keysFor("review=unreviewed")).toEqual({ keys: ["untouched"], total: 1 });
    expect(await keysFor("review=disputed")).toEqual({ keys: ["disagreed", "resevered"], total: 2 });
    expect((await keysFor("")).total).toBe(4);
  });

  it("ignores an unknown review value on pages and refuses it with 400 on the API", async () => {
    expect((await keysFor("review=whatever")).total).toBe(4);
    const { getFailures } = await import("@/lib/api/get-failures");
    const response = await getFailures(new Request("http://h/api/failures?review=whatever"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("review");
  });

  it("puts each failure's review state in the CSV and the JSON, filtered the same way", async () => {
    const { getFailures } = await import("@/lib/api/get-failures");
    const csv = parseCsv(await (await getFailures(new Request("http://h/api/failures?review=disputed&format=csv"))).text());
    const [header, ...rows] = csv;
    const byKey = Object.fromEntries(rows.map((r) => [r[header!.indexOf("key")], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(Object.keys(byKey).sort()).toEqual(["disagreed", "resevered"]);
    expect(byKey.resevered).toMatchObject({
      review_disputed: "yes",
      review_proposed_severity: "low",
      review_unsure: "1",
      review_reviewers: "bob",
    });
    expect(byKey.resevered!.review_tags).toContain("severity");
    const json = await (await getFailures(new Request("http://h/api/failures?review=reviewed"))).json();
    const agreed = json.items.find((f: { key: string }) => f.key === "agreed");
    expect(agreed.review).toMatchObject({ agree: 2, disagree: 0, disputed: false, reviewers: ["ada", "bob"] });
  });
});
