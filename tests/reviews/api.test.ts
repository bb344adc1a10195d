// The annotations API and sign-in end to end against a real migrated database: identities (tokens,
// sessions, the trusted header, the admin token), Origin refusal, validation naming the field, size
// limits, own-only edits with history, and annotations that outlive their failure (outdated).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { freshDatabase, report, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));

const ORIGIN = "http://faultline.test";
const ADMIN = "admin-s3cret";
let dir: string;
let content: string;
let db: Sqlite;
let api: typeof import("@/lib/reviews/api");
let reviewers: typeof import("@/lib/reviews/reviewers");
let session: typeof import("@/lib/auth/session-routes");
let annotations: typeof import("@/lib/reviews/annotations");
let alice: string;
let bob: string;
let bobCookie: string;

const FAILURES = [
  { title: "Hardcoded database password", severity: "Critical" },
  { title: "Missing bucket encryption", severity: "High" },
  { title: "Verbose logging", severity: "Low" },
];

async function ingestReport(failures: typeof FAILURES) {
  fs.writeFileSync(path.join(content, "report.md"), report("555000001", failures));
  await ingest({ paths: [content], db, workers: 0 });
}

function call(method: string, query = "", { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}) {
  const init: RequestInit = {
    method,
    headers: { host: "faultline.test", ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
  };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const request = new Request(`${ORIGIN}/api/annotations${query}`, init);
  const run = { GET: api.getAnnotations, POST: api.postAnnotation, PATCH: api.patchAnnotation, DELETE: api.deleteAnnotationRequest }[
    method
  ]!;
  return run(request);
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const asBobBrowser = (extra: Record<string, string> = {}) => ({ cookie: bobCookie, origin: ORIGIN, ...extra });
const verdict = (failure: string, extra: object = {}) => ({ analysis: "555000001", failure, verdict: "agree", ...extra });

beforeAll(async () => {
  dir = tempDir();
  const file = freshDatabase(dir);
  vi.stubEnv("DATABASE_URL", `file:${file}`);
  vi.stubEnv("FAULTLINE_ADMIN_TOKEN", ADMIN);
  vi.stubEnv("FAULTLINE_PUBLIC_URL", "");
  vi.stubEnv("FAULTLINE_TRUSTED_USER_HEADER", "");
  db = openSqlite(file);
  content = path.join(dir, "content");
  fs.mkdirSync(content);
  await ingestReport(FAILURES);
  api = await import("@/lib/reviews/api");
  reviewers = await import("@/lib/reviews/reviewers");
  session = await import("@/lib/auth/session-routes");
  annotations = await import("@/lib/reviews/annotations");
  alice = (await reviewers.addReviewer("alice")).token;
  bob = (await reviewers.addReviewer("bob")).token;
}, 120_000);
afterAll(() => {
  db.close();
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const keys = () =>
  db
    .prepare<[], { key: string }>(`SELECT "key" FROM "Failure" ORDER BY number`)
    .all()
    .map((r) => r.key);

describe("reviewer tokens and sign-in", () => {
  it("stores only the token's hash", () => {
    const rows = db.prepare<[], { tokenHash: string }>(`SELECT tokenHash FROM "Reviewer"`).all();
    expect(rows).toHaveLength(2);
    const dump = fs.readFileSync(db.name).toString("latin1");
    expect(dump).not.toContain(alice.slice(4));
  });

  it("signs in with a form: 303 to a same-site `next` with an httpOnly SameSite=Lax cookie; a bad token goes back with an error", async () => {
    const form = (token: string, next: string, origin = ORIGIN) =>
      new Request(`${ORIGIN}/api/session`, {
        method: "POST",
        headers: { host: "faultline.test", origin, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, next }).toString(),
      });
    const ok = await session.signIn(form(bob, "/analyses/555000001"));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/analyses/555000001");
    const cookie = ok.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    bobCookie = cookie.split(";")[0]!;
    // The cookie holds a random id, not the token; the database holds only its hash.
    expect(bobCookie).not.toContain(bob);
    const stored = db.prepare<[], { idHash: string }>(`SELECT idHash FROM "ReviewSession"`).all();
    expect(stored.map((s) => s.idHash)).not.toContain(bobCookie.split("=")[1]);

    const offsite = await session.signIn(form(bob, "//evil.test/x"));
    expect(offsite.headers.get("location")).toBe("/");
    const bad = await session.signIn(form("flr_nope", "/x"));
    expect(bad.status).toBe(303);
    expect(bad.headers.get("location")).toBe("/sign-in?error=invalid&next=%2Fx");
    expect(bad.headers.get("set-cookie")).toBeNull();
    // A cross-site form cannot sign a browser in (login CSRF).
    expect((await session.signIn(form(bob, "/", "http://evil.test"))).status).toBe(403);
  });
});

describe("annotations API", () => {
  it("lets two reviewers annotate the same failure and shows both, with names", async () => {
    const [first] = keys();
    const a = await call("POST", "", {
      body: verdict(first!, { verdict: "disagree", severity: "high", comment: "Not *critical*.", tags: ["secrets", "Secrets", "iam"] }),
      headers: bearer(alice),
    });
    expect(a.status).toBe(201);
    const created = await a.json();
    expect(created).toMatchObject({
      reviewer: { name: "alice" },
      verdict: "disagree",
      proposedSeverity: "high",
      disputed: true,
      outdated: false,
      tags: ["secrets", "iam"],
    });
    expect(created.commentHtml).toBe("<p>Not <em>critical</em>.</p>");
    const b = await call("POST", "", { body: verdict(first!), headers: asBobBrowser() });
    expect(b.status).toBe(201);
    const list = await (await call("GET", `?analysis=555000001&failure=${first}`)).json();
    expect(list.items.map((i: { reviewer: { name: string }; verdict: string }) => `${i.reviewer.name}:${i.verdict}`)).toEqual([
      "alice:disagree",
      "bob:agree",
    ]);
    // A second verdict from the same reviewer is a conflict: edit instead.
    expect((await call("POST", "", { body: verdict(first!), headers: bearer(alice) })).status).toBe(409);
  });

  it("refuses writes without a credential (401), and cookie writes without this site's Origin (403)", async () => {
    const [, second] = keys();
    expect((await call("POST", "", { body: verdict(second!) })).status).toBe(401);
    expect((await call("POST", "", { body: verdict(second!), headers: { cookie: bobCookie } })).status).toBe(403);
    const foreign = await call("POST", "", { body: verdict(second!), headers: asBobBrowser({ origin: "http://evil.test" }) });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/evil\.test/) });
    expect((await call("DELETE", "?id=1", { headers: { cookie: bobCookie, origin: "null" } })).status).toBe(403);
    // Bearer requests are not ambient: no Origin needed.
    expect((await call("POST", "", { body: verdict(second!), headers: bearer(bob) })).status).toBe(201);
  });

  it("answers 400 naming the field for bad input, 413 for an oversized body", async () => {
    const [, , third] = keys();
    const cases: [unknown, string][] = [
      [{ ...verdict(third!), verdict: "maybe" }, "verdict"],
      [{ ...verdict(third!), severity: "urgent" }, "severity"],
      [{ ...verdict(third!), tags: ["ok", ""] }, "tags.1"],
      [{ ...verdict(third!), tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, "tags"],
      [{ ...verdict(third!), comment: "x".repeat(10_001) }, "comment"],
      [{ ...verdict(third!), extra: 1 }, "extra"],
      [{ failure: third, verdict: "agree" }, "analysis"],
    ];
    for (const [body, field] of cases) {
      const res = await call("POST", "", { body, headers: bearer(alice) });
      expect(res.status, field).toBe(400);
      const json = await res.json();
      expect(json.error.code, field).toBe("bad_request");
      expect(json.error.field, field).toBe(field);
      expect(json.error.message, field).toContain(`\`${field}\``);
    }
    expect((await call("POST", "", { body: "{not json", headers: bearer(alice) })).status).toBe(400);
    const big = await call("POST", "", { body: { ...verdict(third!), comment: "x".repeat(70_000) }, headers: bearer(alice) });
    expect(big.status).toBe(413);
    expect((await call("POST", "", { body: verdict("no-such-failure"), headers: bearer(alice) })).status).toBe(404);
    expect((await call("GET", "?analysis=555000001&sort=x")).status).toBe(400);
  });

  it("lets reviewers edit and delete only their own annotations, keeping each edit's history; an admin may delete any", async () => {
    const [first] = keys();
    const items = (await (await call("GET", `?analysis=555000001&failure=${first}`)).json()).items as {
      id: number;
      reviewer: { name: string };
    }[];
    const alices = items.find((i) => i.reviewer.name === "alice")!.id;
    const bobs = items.find((i) => i.reviewer.name === "bob")!.id;
    expect((await call("PATCH", "", { body: { id: alices, verdict: "agree" }, headers: asBobBrowser() })).status).toBe(403);
    expect((await call("DELETE", `?id=${alices}`, { headers: asBobBrowser() })).status).toBe(403);
    const edited = await call("PATCH", "", { body: { id: alices, verdict: "unsure", comment: "On reflection." }, headers: bearer(alice) });
    expect(edited.status).toBe(200);
    const after = await edited.json();
    expect(after).toMatchObject({ verdict: "unsure", comment: "On reflection.", proposedSeverity: "high" });
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({ editor: "alice", verdict: "disagree", comment: "Not *critical*." });
    expect((await call("PATCH", "", { body: { id: alices }, headers: bearer(alice) })).status).toBe(400);
    // The admin token acts as "admin": may delete anyone's, may not edit them.
    expect((await call("PATCH", "", { body: { id: bobs, verdict: "unsure" }, headers: bearer(ADMIN) })).status).toBe(403);
    expect((await call("DELETE", `?id=${bobs}`, { headers: bearer(ADMIN) })).status).toBe(200);
    expect((await call("DELETE", `?id=${bobs}`, { headers: bearer(ADMIN) })).status).toBe(404);
    expect((await call("DELETE", "?id=abc", { headers: bearer(ADMIN) })).status).toBe(400);
  });

  it("keeps a hostile trusted-header name as text, and ignores the header when it is not configured", async () => {
    const [, , third] = keys();
    const hostile = "<img src=x onerror=alert(1)>";
    const withHeader = { "x-remote-user": hostile, origin: ORIGIN };
    expect((await call("POST", "", { body: verdict(third!), headers: withHeader })).status).toBe(401);
    vi.stubEnv("FAULTLINE_TRUSTED_USER_HEADER", "X-Remote-User");
    try {
      expect((await call("POST", "", { body: verdict(third!), headers: { "x-remote-user": hostile } })).status).toBe(403); // no Origin
      const res = await call("POST", "", {
        body: verdict(third!, { comment: "[x](javascript:alert(1)) <script>alert(1)</script>", tags: ["<svg onload=alert(1)>"] }),
        headers: withHeader,
      });
      expect(res.status).toBe(201);
      const json = await res.json();
      expect(json.reviewer.name).toBe(hostile);
      expect(json.commentHtml).not.toMatch(/<script|javascript:|<a href/);
      expect(json.tags).toEqual(["<svg onload=alert(1)>"]);
    } finally {
      vi.stubEnv("FAULTLINE_TRUSTED_USER_HEADER", "");
    }
  });

  it("stops accepting a revoked token and its sessions, and an expired session", async () => {
    const carol = (await reviewers.addReviewer("carol")).token;
    const [, second] = keys();
    expect((await call("POST", "", { body: verdict(second!), headers: bearer(carol) })).status).toBe(201);
    const started = await reviewers.startSession(carol);
    expect(await reviewers.reviewerBySession(started!.sessionId)).toMatchObject({ name: "carol" });
    expect(await reviewers.reviewerBySession(started!.sessionId, new Date(started!.expiresAt.getTime() + 1))).toBeNull();
    await reviewers.revokeReviewer("carol");
    expect((await call("PATCH", "", { body: { id: 1, verdict: "agree" }, headers: bearer(carol) })).status).toBe(401);
    expect(await reviewers.reviewerBySession(started!.sessionId)).toBeNull();
    // Their annotations stay, under their name.
    const items = (await (await call("GET", `?analysis=555000001&failure=${second}`)).json()).items as { reviewer: { name: string } }[];
    expect(items.map((i) => i.reviewer.name)).toContain("carol");
  });

  it("marks annotations outdated when a re-ingest drops their failure, never deleting them", async () => {
    const before = (await (await call("GET", "?analysis=555000001")).json()).items as { id: number; failureKey: string }[];
    const [, second] = keys();
    const onSecond = before.filter((a) => a.failureKey === second);
    expect(onSecond.length).toBeGreaterThan(0);
    await ingestReport([FAILURES[0]!, FAILURES[2]!]);
    expect(keys()).not.toContain(second);
    const after = (await (await call("GET", "?analysis=555000001")).json()).items as {
      id: number;
      failureKey: string;
      outdated: boolean;
      failureTitle: string;
    }[];
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    for (const a of after) expect(a.outdated, a.failureKey).toBe(a.failureKey === second);
    expect(after.find((a) => a.failureKey === second)!.failureTitle).toBe("Missing bucket encryption");
    const outdatedOnly = (await (await call("GET", "?analysis=555000001&outdated=only")).json()).items;
    expect(outdatedOnly).toHaveLength(onSecond.length);

    // Progress counts current failures only: alice has the first; the header user the third.
    const analysisId = db.prepare<[], { id: number }>(`SELECT id FROM "Analysis"`).get()!.id;
    const progress = await annotations.reviewProgress(analysisId, await reviewers.reviewerByToken(alice));
    expect(progress).toMatchObject({ total: 2, reviewedByYou: 1, reviewedByAnyone: 2 });
    expect(progress.next?.key).toBe(keys()[1]);
    expect(progress.outdated).toHaveLength(onSecond.length);
  });
});
