// The page cache in front of the Next.js handler (lib/cache/page-cache.ts): a page rendered at a data
// version is answered again without rendering, with a fresh CSP nonce in both the header and the page;
// a write by anyone renders it again at the next request; anything that depends on who asks, failed,
// set a cookie or was rendered while a server error happened is never kept. On a migrated throwaway
// database, through a real HTTP server whose handler stands in for the proxy and Next.js.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { freshDatabase, report, tempDir } from "../ingest/helpers";

let dir: string;
let content: string;
let db: Sqlite;
let server: http.Server;
let base: string;

const { withPageCache } = await import("@/lib/cache/page-cache");
const { countRenderError } = await import("@/lib/cache/render-errors");
const { versionEtag } = await import("@/lib/cache/etag");
const { dataVersion } = await import("@/lib/data/version");

/** What the stand-in renderer does on its next render (reset before each test). */
let next: { status: number; setCookie?: boolean; fail?: boolean; type?: string };
let renders = 0;

/** Like proxy.ts then a page: a fresh nonce in the CSP and the page, the version's ETag, chunks. */
async function render(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  renders++;
  const nonce = btoa(crypto.randomUUID());
  const headers = new Headers();
  // Next.js hides the RSC request headers from the proxy, so its tag does not vary by them.
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string" && !/^(rsc|next-router-|next-url)/.test(name)) headers.set(name, value);
  }
  const version = await dataVersion();
  res.statusCode = next.status;
  res.setHeader("Content-Type", next.type ?? "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  if (version) res.setHeader("ETag", versionEtag(version, req.url!, headers));
  if (next.setCookie) res.setHeader("Set-Cookie", "faultline-diff=split; Path=/");
  if (next.fail) countRenderError();
  res.write(`<html><head><script nonce="${nonce}">1</script></head>`);
  await new Promise((r) => setTimeout(r, 5));
  res.end(`<body><p>render ${renders}</p><script nonce="${nonce}">2</script>${"x".repeat(2000)}</body></html>`);
}

beforeAll(async () => {
  dir = tempDir();
  const file = freshDatabase(dir);
  vi.stubEnv("DATABASE_URL", `file:${file}`);
  vi.stubEnv("FAULTLINE_CACHE", "");
  db = openSqlite(file);
  content = path.join(dir, "content");
  fs.mkdirSync(content);
  fs.writeFileSync(path.join(content, "first.md"), report("919100001", [{ title: "Hardcoded database password", severity: "Critical" }]));
  await ingest({ paths: [content], db, workers: 0 });
  server = http.createServer(withPageCache(render));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((r) => server.close(r));
  db.close();
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  next = { status: 200 };
});

let unique = 0;
/** A fresh address per test, so tests don't see each other's entries. */
const fresh = (pathname = "/analyses") => `${pathname}?t=${++unique}`;

async function get(address: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + address, { headers });
  const body = await res.text();
  const csp = res.headers.get("content-security-policy") ?? "";
  return { res, body, cache: res.headers.get("x-faultline-cache"), nonce: /'nonce-([^']+)'/.exec(csp)?.[1] };
}

describe("page cache", () => {
  it("answers the same page again without rendering, with a new nonce in the header and the page", async () => {
    const address = fresh();
    const first = await get(address);
    const before = renders;
    const second = await get(address);
    expect(renders).toBe(before);
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(second.nonce).toBeTruthy();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).toBe(first.body.split(first.nonce!).join(second.nonce!));
    expect(second.body).not.toContain(first.nonce!);
    expect(second.res.headers.get("etag")).toBe(first.res.headers.get("etag"));
  });

  it("renders again at the next request after a write by another connection", async () => {
    const address = fresh();
    const first = await get(address);
    await get(address);
    fs.writeFileSync(
      path.join(content, `more-${unique}.md`),
      report(`9191${unique}`.padEnd(9, "0"), [{ title: "SQL injection in search", severity: "High" }]),
    );
    await ingest({ paths: [content], db, workers: 0 });
    const after = await get(address);
    expect(after.cache).toBe("miss");
    expect(after.body).not.toBe(first.body.split(first.nonce!).join(after.nonce!));
    expect(after.res.headers.get("etag")).not.toBe(first.res.headers.get("etag"));
  });

  it("answers a client's current ETag with 304 from the kept page", async () => {
    const address = fresh();
    const first = await get(address);
    const res = await fetch(base + address, { headers: { "If-None-Match": first.res.headers.get("etag")! } });
    expect(res.status).toBe(304);
  });

  it("compresses a kept page for a client that accepts gzip", async () => {
    const address = fresh();
    const first = await get(address);
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(base + address, { headers: { Accept: "*/*", "Accept-Encoding": "gzip" } }, resolve),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    expect(res.headers["content-encoding"]).toBe("gzip");
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"]))![1]!;
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toBe(first.body.split(first.nonce!).join(nonce));
  });

  it.each([
    ["a sign-in session", { Cookie: "faultline_session=abc" }],
    ["a share link's cookie", { Cookie: "theme=x; faultline_share=abc" }],
    ["an Authorization header", { Authorization: "Bearer abc" }],
    ["a token header", { "X-Faultline-Token": "abc" }],
  ])("never keeps a page asked with %s", async (_, headers) => {
    const address = fresh();
    await get(address, headers);
    const before = renders;
    const again = await get(address, headers);
    expect(renders).toBe(before + 1);
    expect(again.cache).toBeNull();
  });

  it("keeps pages per variant: another cookie or each kind of client navigation is a separate entry", async () => {
    const address = fresh();
    await get(address);
    const before = renders;
    expect((await get(address, { Cookie: "faultline-diff=unified" })).cache).toBe("miss");
    expect((await get(address, { RSC: "1" })).cache).toBe("miss");
    expect(renders).toBe(before + 2);
    const navigation = { RSC: "1", "Next-Router-State-Tree": "%5B%22%22%5D" };
    expect((await get(address, navigation)).cache).toBe("miss");
    expect((await get(address, navigation)).cache).toBe("hit");
    expect((await get(address, { RSC: "1" })).cache).toBe("hit");
  });

  it.each([
    ["a 404", { status: 404 }],
    ["an answer that sets a cookie", { status: 200, setCookie: true }],
    ["a render during which a server error was reported", { status: 200, fail: true }],
    ["an answer that is not a page", { status: 200, type: "application/json" }],
  ])("does not keep %s", async (_, behaviour) => {
    const address = fresh();
    next = behaviour;
    await get(address);
    const before = renders;
    expect((await get(address)).cache).toBe("miss");
    expect(renders).toBe(before + 1);
  });

  it("leaves the API, ?mine= and HEAD to the handler", async () => {
    for (const address of [fresh("/api/analyses"), `${fresh("/failures")}&mine=1`]) {
      await get(address);
      expect((await get(address)).cache).toBeNull();
    }
    const before = renders;
    await fetch(base + fresh(), { method: "HEAD" });
    expect(renders).toBe(before + 1);
  });

  it("keeps nothing with FAULTLINE_CACHE=off", async () => {
    vi.stubEnv("FAULTLINE_CACHE", "off");
    try {
      const address = fresh();
      await get(address);
      expect((await get(address)).cache).toBeNull();
    } finally {
      vi.stubEnv("FAULTLINE_CACHE", "");
    }
  });
});
