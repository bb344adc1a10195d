// Read access on PostgreSQL (issue 18): behind FAULTLINE_READ_TOKEN, a reviewer's personal token or live
// session and a share link's cookie read through the request proxy exactly as on SQLite
// (tests/security/reviewer-read.test.ts, tests/reviews/shares.test.ts), the lookups going through the
// shared pg pool. Runs only with FAULTLINE_TEST_POSTGRES_URL (tests/data/pg-harness.ts).
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingest } from "@/lib/ingest/ingest";
import { report, tempDir } from "../ingest/helpers";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "./pg-harness";

vi.mock("server-only", () => ({}));

let url = "";
let dir = "";
let proxy: typeof import("@/proxy").proxy;
const tokens: Record<string, string> = {};
let shareCookie = "";
let failureShareCookie = "";
let failureKey = "";

const call = (method: string, pathname: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(pathname, "http://faultline.test"), { method, headers }));
const passed = (response: Response) => response.headers.get("x-middleware-next") === "1";

describe.skipIf(!POSTGRES_TEST_URL)("read access behind FAULTLINE_READ_TOKEN on PostgreSQL", () => {
  beforeAll(async () => {
    url = await createPostgresDatabase("faultline_read_access");
    vi.stubEnv("DATABASE_URL", url);
    vi.stubEnv("FAULTLINE_READ_TOKEN", "read-s3cret");
    vi.stubEnv("FAULTLINE_ADMIN_TOKEN", "admin-s3cret");
    dir = tempDir("faultline-pg-read-");
    const content = path.join(dir, "content");
    fs.mkdirSync(content);
    fs.writeFileSync(path.join(content, "a.md"), report("778000001", [{ title: "Open security group", severity: "High" }, { title: "No backups", severity: "Low" }]));
    fs.writeFileSync(path.join(content, "b.md"), report("778000002", [{ title: "Plaintext secret", severity: "Critical" }]));
    const summary = await ingest({ paths: [content], workers: 0, parserVersion: "test" });
    expect(summary.failed).toEqual([]);

    const reviewers = await import("@/lib/reviews/reviewers");
    const shares = await import("@/lib/reviews/shares");
    const { prisma } = await import("@/lib/db");
    tokens.alive = (await reviewers.addReviewer("alive")).token;
    tokens.gone = (await reviewers.addReviewer("gone")).token;
    tokens.session = (await reviewers.startSession(tokens.alive))!.sessionId;
    tokens.expired = (await reviewers.startSession(tokens.alive, new Date(Date.now() - 15 * 86_400_000)))!.sessionId;
    await reviewers.revokeReviewer("gone");
    const alive = (await reviewers.reviewerByToken(tokens.alive))!;
    failureKey = (await prisma.failure.findFirstOrThrow({ where: { analysis: { slug: "778000001" } }, orderBy: { number: "asc" }, select: { key: true } })).key;
    const link = await shares.createShare(alive, { analysis: "778000001" });
    shareCookie = `faultline_share=${link.path.slice("/s/".length)}`;
    const one = await shares.createShare(alive, { analysis: "778000001", failure: failureKey });
    failureShareCookie = `faultline_share=${one.path.slice("/s/".length)}`;
    proxy = (await import("@/proxy")).proxy;
  }, 300_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (url) await dropPostgresDatabase(url);
  });

  it("lets a reviewer's token and live session read; refuses revoked tokens, expired or unknown sessions", async () => {
    for (const pathname of ["/analyses", "/api/failures"]) {
      expect(passed(await call("GET", pathname, { authorization: `Bearer ${tokens.alive}` })), pathname).toBe(true);
      expect(passed(await call("GET", pathname, { cookie: `theme=dark; faultline_session=${tokens.session}` })), pathname).toBe(true);
    }
    const refused: Record<string, string>[] = [
      { authorization: `Bearer ${tokens.gone}` },
      { cookie: `faultline_session=${tokens.expired}` },
      { cookie: "faultline_session=nope" },
      { cookie: `faultline_session=${tokens.alive}` },
      {},
    ];
    for (const headers of refused) {
      expect((await call("GET", "/analyses", headers)).status, JSON.stringify(headers)).toBe(401);
    }
  });

  it("lets a share link's cookie read its analysis (or its one failure) and nothing else", async () => {
    for (const page of ["/analyses/778000001", `/analyses/778000001/failures/${failureKey}`]) {
      const response = await call("GET", page, { cookie: shareCookie });
      expect(passed(response), page).toBe(true);
      expect(response.headers.get("x-robots-tag"), page).toMatch(/noindex/);
    }
    for (const other of ["/analyses/778000002", "/analyses", "/api/failures", "/api/analyses/778000001"]) {
      expect((await call("GET", other, { cookie: shareCookie })).status, other).toBe(401);
    }
    expect(passed(await call("GET", `/analyses/778000001/failures/${failureKey}`, { cookie: failureShareCookie }))).toBe(true);
    expect((await call("GET", "/analyses/778000001", { cookie: failureShareCookie })).status).toBe(401);
  });

  it("answers pages with an ETag by the data version, 304 while unchanged, 200 after a write", async () => {
    const headers = { authorization: `Bearer ${tokens.alive}` };
    const first = await call("GET", "/analyses", headers);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"\d+\.\d+-/);
    expect((await call("GET", "/analyses", { ...headers, "if-none-match": etag })).status).toBe(304);
    const reviewers = await import("@/lib/reviews/reviewers");
    await reviewers.addReviewer("later");
    const after = await call("GET", "/analyses", { ...headers, "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });
});
