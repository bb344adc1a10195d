// On an instance behind FAULTLINE_READ_TOKEN, a reviewer's own credential also reads: their personal
// token as Bearer (API scripts), or a live sign-in session. Revoked tokens, ended or expired sessions
// and look-alike tokens do not; the sign-in page and its form are reachable without the read token.
import fs from "node:fs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { proxy } from "@/proxy";
import { freshDatabase, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));

let dir: string;
let alive: string;
let revoked: string;
let session: string;
let expiredSession: string;

const call = (method: string, path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, "http://faultline.test"), { method, headers }));
const passed = (response: Response) => response.headers.get("x-middleware-next") === "1";

beforeAll(async () => {
  dir = tempDir();
  const file = freshDatabase(dir);
  vi.stubEnv("DATABASE_URL", `file:${file}`);
  vi.stubEnv("FAULTLINE_READ_TOKEN", "read-s3cret");
  vi.stubEnv("FAULTLINE_ADMIN_TOKEN", "admin-s3cret");
  const reviewers = await import("@/lib/reviews/reviewers");
  alive = (await reviewers.addReviewer("alive")).token;
  revoked = (await reviewers.addReviewer("gone")).token;
  session = (await reviewers.startSession(alive))!.sessionId;
  // A session started 15 days ago has expired (sessions last 14).
  expiredSession = (await reviewers.startSession(alive, new Date(Date.now() - 15 * 86_400_000)))!.sessionId;
  await reviewers.revokeReviewer("gone");
}, 120_000);
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("read access for reviewers behind FAULTLINE_READ_TOKEN", () => {
  it("lets a reviewer's token (Bearer) and live session cookie read pages and APIs", async () => {
    for (const path of ["/analyses", "/api/failures", "/api/annotations?analysis=x"]) {
      expect(passed(await call("GET", path, { authorization: `Bearer ${alive}` })), path).toBe(true);
      expect(passed(await call("GET", path, { cookie: `theme=dark; faultline_session=${session}` })), path).toBe(true);
    }
  });

  it("refuses revoked tokens, look-alikes, expired or unknown sessions", async () => {
    const refused: Record<string, string>[] = [
      { authorization: `Bearer ${revoked}` },
      { authorization: `Bearer ${alive.slice(0, -2)}${alive.endsWith("AA") ? "BB" : "AA"}` },
      { authorization: "Bearer flr_" + "A".repeat(43) },
      { cookie: `faultline_session=${expiredSession}` },
      { cookie: "faultline_session=nope" },
      { cookie: `faultline_session=${alive}` }, // a token is not a session id
    ];
    for (const headers of refused) expect((await call("GET", "/analyses", headers)).status, JSON.stringify(headers)).toBe(401);
  });

  it("opens the sign-in page and its form, and nothing else, without the read token", async () => {
    expect(passed(await call("GET", "/sign-in"))).toBe(true);
    expect(passed(await call("POST", "/api/session"))).toBe(true);
    expect((await call("POST", "/sign-in")).status).toBe(401);
    expect((await call("GET", "/api/session")).status).toBe(401);
    expect((await call("POST", "/api/session/sign-out")).status).toBe(401);
    expect((await call("GET", "/sign-in/../analyses")).status).toBe(401);
  });
});

describe("the Basic challenge behind FAULTLINE_READ_TOKEN", () => {
  it("goes to page loads and scripts, not to a page's background requests (a browser would prompt or stall)", async () => {
    expect((await call("GET", "/analyses")).headers.get("www-authenticate")).toMatch(/^Basic /);
    expect((await call("GET", "/analyses", { "sec-fetch-mode": "navigate" })).headers.get("www-authenticate")).toMatch(/^Basic /);
    for (const mode of ["cors", "no-cors", "same-origin"]) {
      const response = await call("GET", "/analyses?_rsc=1", { "sec-fetch-mode": mode, rsc: "1" });
      expect(response.status, mode).toBe(401);
      expect(response.headers.get("www-authenticate"), mode).toBeNull();
    }
  });
});
