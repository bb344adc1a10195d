// Links that never break (issue 13): slugs and failure keys survive edits, renumbering, parser changes,
// and the folder the content was ingested from; every old failure link resolves to its failure or to
// "no longer exists".
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { AnalysisStore } from "@/lib/data/store";
import { failureKeys, matchFailureKeys, slugCandidates } from "@/lib/ingest/identity";
import { ingest } from "@/lib/ingest/ingest";
import { prepareAnalysis } from "@/lib/ingest/prepare";
import { hashBytes } from "@/lib/ingest/source";
import { resolveFailureIn } from "@/lib/failures/resolve-failure";
import { freshDatabase, report, tempDir, write } from "./helpers";

let dir: string;
let db: Sqlite;

beforeEach(() => {
  dir = tempDir("faultline-links-");
  db = openSqlite(freshDatabase(dir));
}, 120_000); // the first test migrates the template database
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const run = (paths: string[], database = db) => ingest({ paths, db: database, workers: 0 });

const slugs = (database = db) =>
  database.prepare<[], { sourceKey: string; slug: string }>(`SELECT sourceKey, slug FROM "Analysis" ORDER BY sourceKey`).all();

const failuresOf = (slug: string) =>
  db
    .prepare<[string], { number: number; key: string; title: string }>(
      `SELECT f.number, f."key" AS key, f.title FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId WHERE a.slug = ? ORDER BY f.number`,
    )
    .all(slug);

const analysisId = (slug: string) => db.prepare<[string], { id: number }>(`SELECT id FROM "Analysis" WHERE slug = ?`).get(slug)!.id;

/** What an old link ("7", a key) leads to now: the failure's current title, "gone", or null (never existed). */
function land(slug: string, ref: string): string | null {
  const hit = resolveFailureIn(db, analysisId(slug), ref);
  if (!hit) return null;
  return hit.kind === "gone" ? `gone: ${hit.title}` : failuresOf(slug).find((f) => f.key === hit.key)!.title;
}

const FAILURES = [
  { title: "Hardcoded database password", severity: "Critical", model: 'password = "hunter2"', ideal: "password = secrets.get()" },
  { title: "Open security group", severity: "High", model: 'cidr = "0.0.0.0/0"', ideal: 'cidr = "10.0.0.0/16"' },
  { title: "Missing encryption at rest", severity: "High", model: "encrypted = False", ideal: "encrypted = True" },
  { title: "Unpinned provider version", severity: "Medium", model: 'version = "*"', ideal: 'version = "~> 5.0"' },
  { title: "Missing tags", severity: "Low", model: "tags = {}", ideal: 'tags = {"team": "core"}' },
];

describe("failure links across re-ingests", () => {
  it("keeps every old number and key on its failure when an edit inserts a failure before #3", async () => {
    const content = path.join(dir, "content");
    const file = write(content, "report.md", report("101000001", FAILURES));
    await run([content]);
    const before = failuresOf("101000001");
    expect(before.map((f) => f.number)).toEqual([1, 2, 3, 4, 5]);

    const inserted = { title: "Public S3 bucket", severity: "Critical", model: 'acl = "public-read"', ideal: 'acl = "private"' };
    fs.writeFileSync(file, report("101000001", [...FAILURES.slice(0, 2), inserted, ...FAILURES.slice(2)]));
    await run([content]);
    const after = failuresOf("101000001");
    expect(slugs()).toEqual([{ sourceKey: "report.md", slug: "101000001" }]);
    // The document's #3 is now the inserted failure; the old #3 is #4 and keeps its key.
    expect(after[2]!.title).toBe("Public S3 bucket");
    for (const old of before) {
      expect(after.find((f) => f.title === old.title)!.key).toBe(old.key);
      expect(land("101000001", String(old.number))).toBe(old.title);
      expect(land("101000001", old.key)).toBe(old.title);
    }
    // The new failure is reachable by its key; its number 6 was never used, so it names the new #6.
    expect(land("101000001", after[2]!.key)).toBe("Public S3 bucket");
    expect(land("101000001", "6")).toBe(FAILURES[4]!.title);
  });

  it("sends links to a failure a parser change no longer finds to 'no longer exists', and the others to theirs", async () => {
    const content = path.join(dir, "content");
    const file = write(content, "report.md", report("101000002", FAILURES));
    await run([content]);
    const before = failuresOf("101000002");

    // A parser upgrade that no longer reads failure 2 and re-titles failure 4: simulated by writing
    // what that parser would produce for the unchanged file.
    const store = new AnalysisStore(db);
    const prepared = prepareAnalysis({
      sourcePath: path.relative(process.cwd(), file),
      contentHash: "parser-v2",
      bytes: fs.readFileSync(file),
    });
    const kept = prepared.record.failures.filter((f) => f.title !== "Open security group");
    kept.forEach((f, i) => (f.number = i + 1));
    kept.find((f) => f.title === "Unpinned provider version")!.title = "Unpinned provider version (Medium)";
    prepared.record.failures = kept;
    prepared.codeHtml = prepared.codeHtml.filter((_, i) => i !== 1);
    if (prepared.proseHtml) prepared.proseHtml.failures = prepared.proseHtml.failures.filter((_, i) => i !== 1);
    prepared.sourcePath = db.prepare<[], { sourcePath: string }>(`SELECT sourcePath FROM "Analysis"`).get()!.sourcePath;
    expect(store.writeBatch([prepared])[0]).toMatchObject({ status: "updated", slug: "101000002" });

    const after = failuresOf("101000002");
    expect(after).toHaveLength(4);
    expect(land("101000002", "2")).toBe("gone: Open security group");
    expect(land("101000002", before[1]!.key)).toBe("gone: Open security group");
    expect(land("101000002", "4")).toBe("Unpinned provider version (Medium)");
    expect(land("101000002", before[3]!.key)).toBe("Unpinned provider version (Medium)");
    for (const n of [1, 3, 5]) expect(land("101000002", String(n))).toBe(before[n - 1]!.title);
    expect(land("101000002", "99")).toBeNull();
  });

  it("keeps a repeated title's keys apart and on the right failure", () => {
    expect(failureKeys(["Missing tags", "Missing tags", "404"])).toEqual(["missing-tags", "missing-tags-2", "failure-404"]);
    const previous = [
      { key: "missing-tags", title: "Missing tags", content: "tags = {} on the bucket" },
      { key: "missing-tags-2", title: "Missing tags", content: "tags = {} on the queue" },
    ];
    // A third "Missing tags" inserted first must not take the first one's key.
    const fresh = [
      { title: "Missing tags", content: "tags = {} on the topic" },
      { title: "Missing tags", content: "tags = {} on the bucket" },
      { title: "Missing tags", content: "tags = {} on the queue" },
    ];
    expect(matchFailureKeys(previous, fresh)).toEqual(["missing-tags-3", "missing-tags", "missing-tags-2"]);
  });
});

describe("analysis slugs", () => {
  it("are the same when the same folder is ingested from two absolute paths, whatever order parsing finishes in", async () => {
    const docs: [string, string][] = [
      [
        "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678.md",
        report("", [{ title: "Open security group", severity: "High" }]).replace(/for task \./, "."),
      ],
      [
        "ffe1b2c3d4e5f60718293a4b5c6d7e8f90123456.md",
        report("", [{ title: "Open security group", severity: "High" }]).replace(/for task \./, "."),
      ],
      ["team-a/report.md", report("", [{ title: "Missing tags", severity: "Low" }])],
      ["team-b/report.md", report("", [{ title: "Missing tags", severity: "Low" }])],
      ["tasks/with-id.md", report("101000003", [{ title: "Missing tags", severity: "Low" }])],
    ];
    const first = path.join(dir, "checkout-one", "reports");
    const second = path.join(dir, "elsewhere", "deeper", "copy");
    for (const [name, text] of docs) {
      write(first, name, text);
      write(second, name, text);
    }
    await run([first]);
    const other = openSqlite(freshDatabase(fs.mkdtempSync(path.join(dir, "db2-"))));
    try {
      // Reverse the write order in the second database: the slugs must not depend on it.
      const store = new AnalysisStore(other);
      const prepared = docs.map(([name]) => {
        const file = path.join(second, name);
        const bytes = fs.readFileSync(file);
        return { ...prepareAnalysis({ sourcePath: file, contentHash: hashBytes(bytes), bytes }), sourceKey: name };
      });
      for (const doc of prepared.reverse()) store.writeBatch([doc]);
      expect(slugs(other)).toEqual(slugs());
    } finally {
      other.close();
    }
    const got = slugs();
    expect(got.find((s) => s.sourceKey === "tasks/with-id.md")!.slug).toBe("101000003");
    for (const { slug } of got) {
      expect(slug.length).toBeLessThanOrEqual(40);
      expect(slug).not.toMatch(/[0-9a-f]{12,}/);
      expect(slug).not.toContain("checkout");
    }
    // Titles collide: the folder tells the two team reports apart.
    expect(
      got
        .filter((s) => s.sourceKey.startsWith("team-"))
        .map((s) => s.slug)
        .sort(),
    ).toEqual(["missing-tags", "missing-tags-team-b"]);
  });

  it("keeps an analysis's slug when its file changes title and failures", async () => {
    const content = path.join(dir, "content");
    const file = write(content, "x/report.md", report("", [{ title: "Open security group", severity: "High" }]));
    await run([content]);
    const [before] = slugs();
    fs.writeFileSync(file, "# Completely different title\n\n" + report("", [{ title: "Another failure", severity: "Low" }]));
    await run([content]);
    expect(slugs()).toEqual([before]);
  });

  it("never uses the absolute folder, long hex or more than 40 characters", () => {
    const c = slugCandidates({
      taskId: null,
      title: "Model Response Failures Analysis",
      platform: "cdktf",
      firstFailureTitle: "Incorrect CDKTF Provider Module Names for Timestream",
      sourceKey: "0018c74320c3970b7347c54404e7071a56aa501b.md",
    });
    expect(c[0]).toBe("cdktf-incorrect-cdktf-provider");
    for (const s of c) {
      expect(s.length).toBeLessThanOrEqual(40);
      expect(s).not.toMatch(/[0-9a-f]{12,}/);
    }
    expect(
      slugCandidates({
        taskId: null,
        title: "Model Failures Analysis - Enterprise Terraform Governance Audit",
        platform: null,
        sourceKey: "a.md",
      })[0],
    ).toBe("enterprise-terraform-governance");
  });
});

describe("databases from before link identities (migration 0010)", () => {
  it("re-slugs old analyses, gives their failures keys and keeps every old slug and number working", async () => {
    const content = path.join(dir, "content");
    write(content, "tmp/uireview/docs/0123456789abcdef0123456789abcdef01234567.md", report("", FAILURES.slice(0, 3)));
    await run([content]);
    // Make the rows look like the old scheme's: a path-derived slug, placeholder keys and the
    // aliases migration 0010 writes.
    const { id } = db.prepare<[], { id: number }>(`SELECT id FROM "Analysis"`).get()!;
    const oldSlug = "tmp-uireview-docs-0123456789abcdef0123456789abcdef01234567";
    db.exec(`DELETE FROM "AnalysisAlias"; DELETE FROM "FailureAlias";`);
    db.prepare(`UPDATE "Analysis" SET slug = ?, sourceKey = NULL WHERE id = ?`).run(oldSlug, id);
    db.exec(`UPDATE "Failure" SET "key" = '#' || number`);
    db.exec(`INSERT INTO "AnalysisAlias" (alias, analysisId) SELECT slug, id FROM "Analysis"`);
    db.exec(
      `INSERT INTO "FailureAlias" (analysisId, alias, failureKey, title) SELECT analysisId, CAST(number AS TEXT), "key", title FROM "Failure"`,
    );

    const store = new AnalysisStore(db);
    expect(store.identity.upgrade()).toEqual({ analyses: 1, failures: 3 });
    const [now] = slugs();
    expect(now!.slug).not.toBe(oldSlug);
    expect(now!.slug.length).toBeLessThanOrEqual(40);
    expect(db.prepare(`SELECT analysisId FROM "AnalysisAlias" WHERE alias = ?`).get(oldSlug)).toEqual({ analysisId: id });
    for (const [i, f] of FAILURES.slice(0, 3).entries()) expect(land(now!.slug, String(i + 1))).toBe(f.title);
    expect(failuresOf(now!.slug).every((f) => !f.key.startsWith("#"))).toBe(true);
    expect(store.identity.upgrade()).toEqual({ analyses: 0, failures: 0 });
  });
});
