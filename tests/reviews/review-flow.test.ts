// Issue 17, the parts finished later: each reviewer's "reviewed" tick and overall comment per analysis
// (edit history, stale after a changed document, in the API and exports), and the review filters of
// /failures and /analyses with their facet counts: reviewed / not reviewed by anyone or by me,
// disputed, outdated, tag, reviewer. On a migrated throwaway database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { parseCsv } from "@/lib/export/to-csv";
import { parseAnalysisFilters, parseFailureFilters } from "@/lib/filters/view-params";
import type { ReviewerIdentity } from "@/lib/reviews/reviewers";
import { freshDatabase, tempDir } from "../ingest/helpers";
import { REFILL_FACETS } from "../data/facet-recount";

vi.mock("server-only", () => ({}));

let restore: string | undefined;
let db: Sqlite;
const ids: Record<string, number> = {};
const who = (name: string): ReviewerIdentity => ({ id: ids[name]!, name, kind: "header", admin: false });

beforeAll(() => {
  const file = freshDatabase(tempDir());
  db = openSqlite(file);
  db.prepare(`INSERT OR IGNORE INTO "KnowledgeGap" (id, label) VALUES ('iam', 'IAM')`).run();
  const addAnalysis = (slug: string, keys: string[], summary = "") => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO "Analysis" (slug, sourcePath, contentHash, title, failureCount, highCount, updatedAt) VALUES (?, ?, 'v1', ?, ?, ?, CURRENT_TIMESTAMP)`,
        )
        .run(slug, `${slug}.md`, `Doc ${slug}`, keys.length, keys.length).lastInsertRowid,
    );
    db.prepare(`INSERT INTO "analysis_fts" (rowid, title, task_id, summary, failure_titles) VALUES (?, ?, '', ?, '')`).run(
      id,
      `Doc ${slug}`,
      summary,
    );
    for (const [n, key] of keys.entries()) {
      const failure = db
        .prepare(
          `INSERT INTO "Failure" (analysisId, number, title, severity, severityRank, line, key, modelText, idealText) VALUES (?, ?, ?, 'high', 1, ?, ?, '', '')`,
        )
        .run(id, n + 1, `Failure ${key}`, n + 1, key).lastInsertRowid;
      db.prepare(`INSERT INTO "FailureGap" (failureId, gapId, rank, severity, analysisId) VALUES (?, 'iam', 0, 'high', ?)`).run(
        failure,
        id,
      );
    }
    return id;
  };
  ids.rev = addAnalysis("rev", ["agreed", "disagreed", "resevered", "untouched"], "Watched closely.");
  ids.calm = addAnalysis("calm", ["fine", "also-fine"], "Watched.");
  ids.quiet = addAnalysis("quiet", ["nobody"]);
  const reviewer = db.prepare(`INSERT INTO "Reviewer" (name, kind) VALUES (?, 'header')`);
  for (const name of ["ada", "bob", "cy"]) ids[name] = Number(reviewer.run(name).lastInsertRowid);
  const note = db.prepare(
    `INSERT INTO "Annotation" (analysisId, failureKey, reviewerId, verdict, proposedSeverity, tagsJson) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  note.run(ids.rev, "agreed", ids.ada, "agree", null, '["Solid"]');
  note.run(ids.rev, "agreed", ids.bob, "agree", "high", "[]");
  note.run(ids.rev, "disagreed", ids.ada, "disagree", null, '["needs 50%_work"]');
  note.run(ids.rev, "resevered", ids.bob, "unsure", "low", '["severity"]');
  note.run(ids.rev, "gone-key", ids.bob, "disagree", null, "[]"); // outdated
  note.run(ids.calm, "fine", ids.cy, "agree", null, '["solid"]');
  db.exec(REFILL_FACETS);
  restore = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
}, 120_000);
afterAll(() => {
  db.close();
  if (restore === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = restore;
});

const failures = async (query: string, viewer?: string) => {
  const { searchFailures } = await import("@/lib/failures/search-failures");
  const result = await searchFailures(
    parseFailureFilters(Object.fromEntries(new URLSearchParams(query))),
    viewer ? ids[viewer] : undefined,
  );
  return { keys: result.hits.map((h) => h.key).sort(), total: result.total, facets: result.facets };
};
const analyses = async (query: string, viewer?: string) => {
  const { searchAnalyses } = await import("@/lib/analyses/search-analyses");
  const result = await searchAnalyses(
    parseAnalysisFilters(Object.fromEntries(new URLSearchParams(query))),
    viewer ? ids[viewer] : undefined,
  );
  return { slugs: result.analyses.map((a) => a.slug).sort(), total: result.total, facets: result.facets };
};
const counts = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

describe("review filters on /failures", () => {
  it("filters by tag (whole tags, any case, LIKE wildcards taken literally) and by reviewer", async () => {
    expect((await failures("tag=solid")).keys).toEqual(["agreed", "fine"]);
    expect((await failures("tag=SOLID")).keys).toEqual(["agreed", "fine"]);
    expect((await failures("tag=sol")).total).toBe(0);
    expect((await failures("tag=needs 50%_work")).keys).toEqual(["disagreed"]);
    expect((await failures("tag=needs 50%25xwork")).total).toBe(0);
    expect((await failures("tag=severity,solid")).keys).toEqual(["agreed", "fine", "resevered"]);
    expect((await failures("reviewer=bob")).keys).toEqual(["agreed", "resevered"]);
    expect((await failures("reviewer=bob&review=disputed")).keys).toEqual(["resevered"]);
  });

  it("filters by me: reviewed by the signed-in reviewer or not yet; without a viewer, mine does not filter", async () => {
    expect((await failures("mine=reviewed", "ada")).keys).toEqual(["agreed", "disagreed"]);
    expect((await failures("mine=unreviewed", "ada")).keys).toEqual(["also-fine", "fine", "nobody", "resevered", "untouched"]);
    expect((await failures("mine=unreviewed")).total).toBe(7);
  });

  it("counts each review facet value under the other filters", async () => {
    const all = await failures("", "ada");
    expect(counts(all.facets.review)).toEqual({ reviewed: 4, unreviewed: 3, disputed: 2 });
    expect(counts(all.facets.mine)).toEqual({ reviewed: 2, unreviewed: 5 });
    expect(counts(all.facets.tag)).toEqual({ solid: 2, "needs 50%_work": 1, severity: 1 });
    expect(all.facets.tag.find((t) => t.value === "solid")?.label).toBe("Solid");
    expect(counts(all.facets.reviewer)).toEqual({ ada: 2, bob: 2, cy: 1 });

    // Reviewer bob chosen: the review states count bob's failures; the reviewer facet ignores itself.
    const bobs = await failures("reviewer=bob", "ada");
    expect(bobs.total).toBe(2);
    expect(counts(bobs.facets.review)).toEqual({ reviewed: 2, unreviewed: 0, disputed: 1 });
    expect(counts(bobs.facets.reviewer)).toEqual({ ada: 2, bob: 2, cy: 1 });
    expect(counts(bobs.facets.mine)).toEqual({ reviewed: 1, unreviewed: 1 });
    // Counts agree with what choosing the value shows, and other facets narrow too.
    expect((await failures("reviewer=bob&mine=reviewed", "ada")).total).toBe(1);
    expect(counts((await failures("review=disputed")).facets.severity).high).toBe(2);
  });

  it("refuses bad review params on the API with 400 naming them, and mine without a reviewer", async () => {
    const { getFailures } = await import("@/lib/api/get-failures");
    const mine = await getFailures(new Request("http://h/api/failures?mine=reviewed"));
    expect(mine.status).toBe(400);
    expect((await mine.json()).error).toMatchObject({ code: "bad_request", field: "mine", message: expect.stringContaining('"mine"') });
    const bad = await getFailures(new Request("http://h/api/failures?mine=maybe"));
    expect(bad.status).toBe(400);
    const json = await (await getFailures(new Request("http://h/api/failures?tag=Solid&reviewer=cy"))).json();
    expect(json.items.map((f: { key: string }) => f.key)).toEqual(["fine"]);
  });
});

describe("the reviewed tick and overall comment of an analysis", () => {
  it("ticks, comments with history, survives a changed document as a stale tick, and is exported", async () => {
    const { setAnalysisReview, reviewsOfAnalysis } = await import("@/lib/reviews/analysis-reviews");
    let state = await setAnalysisReview(who("ada"), { analysis: "rev", viewed: true, comment: "Looks **right**. <script>x()</script>" });
    expect(state.reviewedBy).toEqual(["ada"]);
    const ada = state.items.find((i) => i.reviewer.name === "ada")!;
    expect(ada).toMatchObject({ viewed: "current", canEdit: true, history: [] });
    expect(ada.commentHtml).toContain("<strong>right</strong>");
    expect(ada.commentHtml).not.toContain("<script");

    state = await setAnalysisReview(who("ada"), { analysis: "rev", comment: "Second thoughts." });
    expect(state.items.find((i) => i.reviewer.name === "ada")!.history.map((h) => [h.editor, h.comment])).toEqual([
      ["ada", "Looks **right**. <script>x()</script>"],
    ]);
    state = await setAnalysisReview(who("ada"), { analysis: "rev", comment: "" });
    expect(state.items.find((i) => i.reviewer.name === "ada")!.history).toHaveLength(2);
    await setAnalysisReview(who("bob"), { analysis: "calm", viewed: true });
    await setAnalysisReview(who("cy"), { analysis: "quiet", comment: "Nothing to see." });

    // Others see it read-only; an unticked, uncommented row is not shown to them.
    const seen = await reviewsOfAnalysis("rev", who("bob"));
    expect(seen.items.map((i) => [i.reviewer.name, i.canEdit])).toEqual([["ada", false]]);

    // A re-ingest that changes the document keeps the row; the tick no longer counts.
    db.prepare(`UPDATE "Analysis" SET contentHash = 'v2' WHERE id = ?`).run(ids.calm);
    const calm = await reviewsOfAnalysis("calm", null);
    expect(calm.reviewedBy).toEqual([]);
    expect(calm.items.map((i) => [i.reviewer.name, i.viewed])).toEqual([["bob", "stale"]]);

    const { getAnalyses } = await import("@/lib/api/get-analyses");
    const csv = parseCsv(await (await getAnalyses(new Request("http://h/api/analyses?format=csv&sort=title&dir=asc"))).text());
    const [header, ...rows] = csv;
    const bySlug = Object.fromEntries(rows.map((r) => [r[header!.indexOf("slug")], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(bySlug.rev).toMatchObject({
      review_reviewed_by: "ada",
      review_annotations: "5",
      review_disputed_failures: "2",
      review_outdated_annotations: "1",
    });
    expect(bySlug.calm).toMatchObject({ review_reviewed_by: "", review_stale_reviews: "bob" });
    expect(bySlug.quiet!.review_comments).toBe("cy: Nothing to see.");
    const json = await (await getAnalyses(new Request("http://h/api/analyses?review=reviewed"))).json();
    expect(json.items.map((a: { slug: string }) => a.slug)).toEqual(["rev"]);
    expect(json.items[0].review).toMatchObject({ reviewedBy: ["ada"], disputedFailures: 2, outdatedAnnotations: 1 });
  });

  it("filters /analyses by review state, by me, tag and reviewer, with counts", async () => {
    expect((await analyses("review=reviewed")).slugs).toEqual(["rev"]);
    expect((await analyses("review=unreviewed")).slugs).toEqual(["calm", "quiet"]);
    expect((await analyses("review=disputed")).slugs).toEqual(["rev"]);
    expect((await analyses("review=outdated")).slugs).toEqual(["rev"]);
    expect((await analyses("mine=reviewed", "ada")).slugs).toEqual(["rev"]);
    expect((await analyses("mine=reviewed", "bob")).slugs).toEqual([]); // his tick is for an earlier version
    expect((await analyses("tag=solid")).slugs).toEqual(["calm", "rev"]);
    expect((await analyses("reviewer=cy")).slugs).toEqual(["calm", "quiet"]); // an annotation; a comment
    expect((await analyses("reviewer=bob")).slugs).toEqual(["calm", "rev"]); // a stale tick is still his review
    const all = await analyses("", "ada");
    expect(counts(all.facets.review)).toEqual({ reviewed: 1, unreviewed: 2, disputed: 1, outdated: 1 });
    expect(counts(all.facets.mine)).toEqual({ reviewed: 1, unreviewed: 2 });
    expect(counts(all.facets.reviewer)).toEqual({ ada: 1, bob: 2, cy: 2 });
    expect(counts((await analyses("tag=solid")).facets.review)).toEqual({ reviewed: 1, unreviewed: 1, disputed: 1, outdated: 1 });
    // Within a text query, the reviews of the analyses it matches only (cy's comment is on "quiet").
    const watched = await analyses("q=watched", "ada");
    expect(watched.slugs).toEqual(["calm", "rev"]);
    expect(counts(watched.facets.review)).toEqual({ reviewed: 1, unreviewed: 1, disputed: 1, outdated: 1 });
    expect(counts(watched.facets.reviewer)).toEqual({ ada: 1, bob: 2, cy: 1 });
    expect(counts(watched.facets.mine)).toEqual({ reviewed: 1, unreviewed: 1 });
    expect((await analyses("q=watched&reviewer=cy")).slugs).toEqual(["calm"]);
  });
});

describe("/api/reviews", () => {
  it("saves the caller's tick and comment, refuses bad bodies naming the field, and needs a reviewer", async () => {
    const { addReviewer } = await import("@/lib/reviews/reviewers");
    const { token } = await addReviewer("dee");
    const { getReviews, putReview } = await import("@/lib/reviews/review-api");
    const put = (body: unknown, auth = true) =>
      putReview(
        new Request("http://h/api/reviews", {
          method: "PUT",
          headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        }),
      );
    const ok = await put({ analysis: "quiet", viewed: true, comment: "Done." });
    expect(ok.status).toBe(200);
    expect((await ok.json()).reviewedBy).toEqual(["dee"]);
    const unknown = await put({ analysis: "quiet", seen: true });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatchObject({ code: "bad_request", field: "seen" });
    const badType = await put({ analysis: "quiet", viewed: "yes" });
    expect((await badType.json()).error.field).toBe("viewed");
    expect((await put({ analysis: "quiet" })).status).toBe(400);
    expect((await put({ analysis: "nope", viewed: true })).status).toBe(404);
    expect((await put({ analysis: "quiet", viewed: true }, false)).status).toBe(401);
    const listed = await (await getReviews(new Request("http://h/api/reviews?analysis=quiet"))).json();
    expect(listed.items.map((i: { reviewer: { name: string } }) => i.reviewer.name)).toEqual(["cy", "dee"]);
    expect((await getReviews(new Request("http://h/api/reviews"))).status).toBe(400);
  });
});

describe("the trainer's view of reviews", () => {
  it("gives a failure the severity most verdicts give it (no proposal votes for the parsed one)", async () => {
    const { severityAsReviewed } = await import("@/lib/reviews/trainer");
    expect(severityAsReviewed("high", [])).toBe("high");
    expect(severityAsReviewed("high", ["low"])).toBe("low");
    expect(severityAsReviewed("high", ["low", null])).toBe("high"); // a tie keeps the parsed severity
    expect(severityAsReviewed("high", ["low", null, "low"])).toBe("low");
    expect(severityAsReviewed("high", ["low", "critical"])).toBe("critical"); // a tie without it: the more severe
  });

  it("counts reviewed and disputed failures per analysis and per gap, and the counts as reviewed", async () => {
    const { reviewSharesOf, gapReviewShares, reviewShareOf } = await import("@/lib/reviews/trainer");
    const rows = [
      { id: ids.rev!, criticalCount: 0, highCount: 4, mediumCount: 0, lowCount: 0, unknownCount: 0 },
      { id: ids.calm!, criticalCount: 0, highCount: 2, mediumCount: 0, lowCount: 0, unknownCount: 0 },
    ];
    const shares = await reviewSharesOf(rows);
    // rev: agreed, disagreed, resevered reviewed (the outdated one does not count); bob's "low" moves one.
    expect(shares.get(ids.rev!)).toEqual({ reviewed: 3, disputed: 2, asReviewed: { critical: 0, high: 3, medium: 0, low: 1, unknown: 0 } });
    expect(shares.get(ids.calm!)).toEqual({ reviewed: 1, disputed: 0, asReviewed: null });
    expect(shares.has(ids.quiet!)).toBe(false);
    expect((await reviewShareOf(ids.rev!))?.asReviewed?.low).toBe(1);
    expect((await gapReviewShares()).get("iam")).toEqual({ reviewed: 4, disputed: 2 });
  });
});
