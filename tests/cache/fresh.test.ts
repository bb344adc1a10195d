// Never stale (issue 19): the in-process caches and ETags are keyed by the data version that database
// triggers bump on every write, so a write — ingest, upload, delete, an annotation — is visible at the
// very next read through the cache, and a client's old ETag no longer matches. On a migrated
// throwaway database, through the same handlers and cache helpers the pages and API routes use.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { freshDatabase, report, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));

const ADMIN = "cache-admin-token";
const ORIGIN = "http://faultline.test";
let dir: string;
let content: string;
let db: Sqlite;

beforeAll(async () => {
  dir = tempDir();
  const file = freshDatabase(dir);
  vi.stubEnv("DATABASE_URL", `file:${file}`);
  vi.stubEnv("FAULTLINE_ADMIN_TOKEN", ADMIN);
  vi.stubEnv("FAULTLINE_CACHE", "");
  vi.stubEnv("FAULTLINE_PUBLIC_URL", "");
  vi.stubEnv("FAULTLINE_TRUSTED_USER_HEADER", "");
  db = openSqlite(file);
  content = path.join(dir, "content");
  fs.mkdirSync(content);
  fs.writeFileSync(path.join(content, "first.md"), report("919000001", [{ title: "Hardcoded database password", severity: "Critical" }]));
  await ingest({ paths: [content], db, workers: 0 });
}, 120_000);
afterAll(() => {
  db.close();
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { cached, cacheStats } = await import("@/lib/cache");
const { cachedGet } = await import("@/lib/cache/response");
const { noneMatch, versionEtag } = await import("@/lib/cache/etag");
const { dataVersion } = await import("@/lib/data/version");
const { getOverview } = await import("@/lib/overview/get-overview");
const { getAnalyses } = await import("@/lib/api/get-analyses");
const { postAnalyses } = await import("@/lib/uploads/post-analyses");
const { deleteAnalysis } = await import("@/lib/uploads/delete-analysis");
const { searchFailures } = await import("@/lib/failures/search-failures");
const { parseFailureFilters } = await import("@/lib/filters/view-params");

/** What the home page shows (through the page's cache call). */
const overviewCount = async () => (await cached(["overview"], getOverview)).analysisCount;
/** What GET /api/analyses answers (through the route's cache wrapper). */
const apiTotal = async () => {
  const request = new Request(`${ORIGIN}/api/analyses?pageSize=5`);
  const response = await cachedGet(request, () => getAnalyses(request));
  expect(response.status).toBe(200);
  return ((await response.json()) as { total: number; items: { slug: string }[] }).total;
};
const etagNow = async () => versionEtag((await dataVersion())!, "/analyses", new Headers());

describe("the data version", () => {
  it("has insert, update and delete triggers on every table the app stores data in", () => {
    const tables = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('DataVersion', '_prisma_migrations') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts' AND name NOT LIKE '%_fts_%'`,
      )
      .all()
      .map((r) => r.name);
    expect(tables.length).toBeGreaterThan(15);
    const triggers = new Set(
      db
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)
        .all()
        .map((r) => r.name),
    );
    for (const table of tables) {
      for (const op of ["insert", "update", "delete"]) {
        expect(
          triggers.has(`${table}_version_${op}`),
          `table "${table}" needs the trigger "${table}_version_${op}" (see migration 0017)`,
        ).toBe(true);
      }
    }
  });

  it("goes up with every committed write and not with reads", async () => {
    const before = await dataVersion();
    await overviewCount();
    expect(await dataVersion()).toBe(before);
    db.prepare(`UPDATE "Analysis" SET "title" = "title"`).run();
    expect(await dataVersion()).not.toBe(before);
  });
});

describe("a write is visible at the very next request", () => {
  it("ingest: the home page and the API count the new analysis, and the old ETag no longer matches", async () => {
    const count = await overviewCount();
    const total = await apiTotal();
    // Served from the cache while nothing changes.
    const hits = cacheStats().hits;
    expect(await overviewCount()).toBe(count);
    expect(await apiTotal()).toBe(total);
    expect(cacheStats().hits).toBe(hits + 2);
    const etag = await etagNow();
    expect(noneMatch(etag, await etagNow())).toBe(true);

    fs.writeFileSync(path.join(content, "second.md"), report("919000002", [{ title: "Open security group", severity: "High" }]));
    const summary = await ingest({ paths: [content], db, workers: 0 });
    expect(summary.added).toBe(1);
    expect(await overviewCount()).toBe(count + 1);
    expect(await apiTotal()).toBe(total + 1);
    expect(noneMatch(etag, await etagNow())).toBe(false);
  });

  it("upload: POST /api/analyses, then the lists include it", async () => {
    const count = await overviewCount();
    const total = await apiTotal();
    const response = await postAnalyses(
      new Request(`${ORIGIN}/api/analyses?name=uploaded.md`, {
        method: "POST",
        body: report("919000003", [{ title: "Public bucket", severity: "Medium" }]),
        headers: { authorization: `Bearer ${ADMIN}`, "content-type": "text/markdown" },
      }),
    );
    expect(response.status).toBeLessThan(300);
    expect(await overviewCount()).toBe(count + 1);
    expect(await apiTotal()).toBe(total + 1);
  }, 60_000);

  it("delete: DELETE /api/analyses/<slug>, then it is gone from the lists", async () => {
    const count = await overviewCount();
    const total = await apiTotal();
    const response = await deleteAnalysis(
      new Request(`${ORIGIN}/api/analyses/919000003`, { method: "DELETE", headers: { authorization: `Bearer ${ADMIN}` } }),
      "919000003",
    );
    expect(response.status).toBe(200);
    expect(await overviewCount()).toBe(count - 1);
    expect(await apiTotal()).toBe(total - 1);
  });

  it("annotation: a reviewer's verdict moves the failure into 'reviewed' at the next request", async () => {
    const filters = parseFailureFilters({ review: "reviewed" });
    const reviewed = async () => (await cached(["failures", filters], () => searchFailures(filters))).total;
    expect(await reviewed()).toBe(0);
    expect(await reviewed()).toBe(0);
    const { addReviewer } = await import("@/lib/reviews/reviewers");
    const api = await import("@/lib/reviews/api");
    const token = (await addReviewer("carol")).token;
    const key = db
      .prepare<[], { key: string }>(`SELECT f."key" FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId WHERE a.slug = '919000001'`)
      .get()!.key;
    const response = await api.postAnnotation(
      new Request(`${ORIGIN}/api/annotations`, {
        method: "POST",
        headers: { host: "faultline.test", authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ analysis: "919000001", failure: key, verdict: "agree" }),
      }),
    );
    expect(response.status).toBeLessThan(300);
    expect(await reviewed()).toBe(1);
  });
});

describe("ETags", () => {
  it("differ per viewer, per address and per RSC request, so one viewer's 304 never serves another's page", () => {
    const base = versionEtag("1.5", "/analyses", new Headers());
    expect(versionEtag("1.5", "/analyses", new Headers())).toBe(base);
    expect(versionEtag("1.6", "/analyses", new Headers())).not.toBe(base);
    expect(versionEtag("1.5", "/analyses?page=2", new Headers())).not.toBe(base);
    expect(versionEtag("1.5", "/analyses", new Headers({ cookie: "faultline_session=abc" }))).not.toBe(base);
    expect(versionEtag("1.5", "/analyses", new Headers({ authorization: "Bearer x" }))).not.toBe(base);
    expect(versionEtag("1.5", "/analyses", new Headers({ rsc: "1" }))).not.toBe(base);
    expect(noneMatch(`"x", ${base}`, base)).toBe(true);
    expect(noneMatch(base.replace(/^W\//, ""), base)).toBe(true);
    expect(noneMatch(`W/"1.4-abc"`, base)).toBe(false);
    expect(noneMatch(null, base)).toBe(false);
  });
});
