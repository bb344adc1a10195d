// Scoped share links: behind FAULTLINE_READ_TOKEN a link opens its one analysis (or one failure)
// and nothing else — other analyses, lists and APIs answer 401 — marked noindex, until it is revoked
// or expires. Tokens are 256-bit and stored hashed; every open is counted with its time.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { freshDatabase, report, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));

const ORIGIN = "http://faultline.test";
let dir: string;
let db: Sqlite;
let shares: typeof import("@/lib/reviews/shares");
let shareApi: typeof import("@/lib/reviews/share-api");
let proxy: typeof import("@/proxy").proxy;
let openRoute: typeof import("@/app/s/[token]/route").GET;
let alice: import("@/lib/reviews/reviewers").ReviewerIdentity;
let bob: import("@/lib/reviews/reviewers").ReviewerIdentity;
let aliceToken: string;

const call = (method: string, url: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(url, ORIGIN), { method, headers }));
const passed = (response: Response) => response.headers.get("x-middleware-next") === "1";
const tokenOf = (p: string) => p.replace(/^\/s\//, "");
async function open(token: string) {
  return openRoute(new Request(`${ORIGIN}/s/${token}`, { headers: { host: "faultline.test" } }), { params: Promise.resolve({ token }) });
}
const keys = (slug: string) =>
  db
    .prepare<[string], { key: string }>(
      `SELECT f."key" FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId WHERE a.slug = ? ORDER BY number`,
    )
    .all(slug)
    .map((r) => r.key);

beforeAll(async () => {
  dir = tempDir();
  const file = freshDatabase(dir);
  vi.stubEnv("DATABASE_URL", `file:${file}`);
  vi.stubEnv("FAULTLINE_READ_TOKEN", "read-s3cret");
  vi.stubEnv("FAULTLINE_ADMIN_TOKEN", "admin-s3cret");
  vi.stubEnv("FAULTLINE_PUBLIC_URL", "");
  db = openSqlite(file);
  const content = path.join(dir, "content");
  fs.mkdirSync(content);
  fs.writeFileSync(
    path.join(content, "a.md"),
    report("777000001", [
      { title: "Open security group", severity: "High" },
      { title: "No backups", severity: "Low" },
    ]),
  );
  fs.writeFileSync(path.join(content, "b.md"), report("777000002", [{ title: "Plaintext secret", severity: "Critical" }]));
  await ingest({ paths: [content], db, workers: 0 });
  const reviewers = await import("@/lib/reviews/reviewers");
  shares = await import("@/lib/reviews/shares");
  shareApi = await import("@/lib/reviews/share-api");
  proxy = (await import("@/proxy")).proxy;
  openRoute = (await import("@/app/s/[token]/route")).GET;
  aliceToken = (await reviewers.addReviewer("alice")).token;
  await reviewers.addReviewer("bob");
  alice = (await reviewers.reviewerByToken(aliceToken))!;
  bob = (await reviewers.namedIdentity("bob-header", "header"))!;
}, 120_000);
afterAll(() => {
  db.close();
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("share links", () => {
  it("open one analysis and its failures, noindex, and nothing else; count each open", async () => {
    const { path: link, share } = await shares.createShare(alice, { analysis: "777000001" });
    expect(share).toMatchObject({ state: "active", uses: 0, lastUsedAt: null, failureKey: null, createdBy: "alice" });
    // 14 days unless chosen.
    expect(Date.parse(share.expiresAt) - Date.parse(share.createdAt)).toBe(14 * 86_400_000);
    const token = tokenOf(link);
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const stored = db
      .prepare<[], { tokenHash: string }>(`SELECT tokenHash FROM "ShareLink"`)
      .all()
      .map((r) => r.tokenHash);
    expect(stored.join()).not.toContain(token);

    // The link itself is reachable without the read token; it sets the scoped cookie and goes there.
    expect(passed(await call("GET", link))).toBe(true);
    const opened = await open(token);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/analyses/777000001");
    expect(opened.headers.get("x-robots-tag")).toMatch(/noindex/);
    const cookie = opened.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^faultline_share=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    const jar = { cookie: cookie.split(";")[0]! };

    for (const page of ["/analyses/777000001", "/analyses/777000001?view=raw", `/analyses/777000001/failures/${keys("777000001")[1]}`]) {
      const response = await call("GET", page, jar);
      expect(passed(response), page).toBe(true);
      expect(response.headers.get("x-robots-tag"), page).toMatch(/noindex/);
    }
    for (const other of [
      "/analyses/777000002",
      "/analyses",
      "/failures",
      "/",
      "/scores",
      "/api/failures",
      "/api/analyses/777000001",
      "/api/annotations?analysis=777000001",
      "/analyses/7770000011",
    ]) {
      expect((await call("GET", other, jar)).status, other).toBe(401);
    }
    expect((await call("POST", "/analyses/777000001", jar)).status).toBe(401);
    const [listed] = await shares.listShares(alice);
    expect(listed).toMatchObject({ uses: 1, state: "active" });
    expect(listed!.lastUsedAt).not.toBeNull();
  });

  it("scoped to one failure: that failure's page only", async () => {
    const [first, second] = keys("777000001");
    const { path: link } = await shares.createShare(alice, { analysis: "777000001", failure: first!, days: 3 });
    const opened = await open(tokenOf(link));
    expect(opened.headers.get("location")).toBe(`/analyses/777000001/failures/${first}`);
    const jar = { cookie: opened.headers.get("set-cookie")!.split(";")[0]! };
    expect(passed(await call("GET", `/analyses/777000001/failures/${first}`, jar))).toBe(true);
    expect((await call("GET", `/analyses/777000001/failures/${second}`, jar)).status).toBe(401);
    expect((await call("GET", "/analyses/777000001", jar)).status).toBe(401);
  });

  it("stop working once revoked (by their maker or an admin, nobody else) and once expired", async () => {
    const { path: link, share } = await shares.createShare(alice, { analysis: "777000002" });
    const jar = { cookie: (await open(tokenOf(link))).headers.get("set-cookie")!.split(";")[0]! };
    expect(passed(await call("GET", "/analyses/777000002", jar))).toBe(true);
    await expect(shares.revokeShare(bob, share.id)).rejects.toThrow(/only the links you made/);
    await shares.revokeShare(alice, share.id);
    expect((await call("GET", "/analyses/777000002", jar)).status).toBe(401);
    expect((await open(tokenOf(link))).status).toBe(410);

    const past = new Date(Date.now() - 3 * 86_400_000);
    const { path: old } = await shares.createShare(alice, { analysis: "777000002", days: 2 }, past);
    const expired = await open(tokenOf(old));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toMatch(/expired/);
    // Even holding the expired link's cookie (set before it expired) reads nothing.
    expect((await call("GET", "/analyses/777000002", { cookie: `faultline_share=${tokenOf(old)}` })).status).toBe(401);
    expect((await open("A".repeat(43))).status).toBe(404);
    expect((await shares.listShares(alice)).map((s) => s.state)).toEqual(["expired", "revoked", "active", "active"]);
  });

  it("are made through the API with strict validation and an Origin check", async () => {
    const post = (body: unknown, headers: Record<string, string>) =>
      shareApi.postShare(
        new Request(`${ORIGIN}/api/shares`, {
          method: "POST",
          headers: { host: "faultline.test", "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        }),
      );
    const bearer = { authorization: `Bearer ${aliceToken}` };
    const bad = await post({ analysis: "777000001", days: 0 }, bearer);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "bad_request", field: "days" });
    expect((await post({ analysis: "777000001", scope: "all" }, bearer)).status).toBe(400);
    expect((await post({ analysis: "nope" }, bearer)).status).toBe(404);
    expect((await post({ analysis: "777000001" }, {})).status).toBe(401);
    const made = await post({ analysis: "777000001", days: 30 }, bearer);
    expect(made.status).toBe(201);
    expect((await made.json()).url).toMatch(/^\/s\/[\w-]{43}$/);
  });
});
