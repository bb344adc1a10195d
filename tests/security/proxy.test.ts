import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";
import type { ApiErrorBody } from "@/lib/domain/api-error";
import { freshDatabase, tempDir } from "../ingest/helpers";

const READ = "read-s3cret";
const ADMIN = "admin-s3cret";
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "PROPFIND", "OPTIONS"];
const PAGES = [
  "/",
  "/analyses",
  "/analyses/101000875?view=raw",
  "/analyses/101000875/failures/1",
  "/failures?q=password",
  "/scores",
  "/compare?a=x&b=y",
  "/gaps",
  "/upload",
  "/analyses?_rsc=1x2y3",
];
const APIS = ["/api/analyses", "/api/analyses/101000875", "/api/failures?severity=critical", "/api/scores", "/api/compare", "/api/gaps"];
const basic = (password: string) => `Basic ${btoa(`reviewer:${password}`)}`;
const REFUSED: Record<string, Record<string, string>> = {
  none: {},
  "wrong bearer": { authorization: "Bearer nope" },
  "wrong basic": { authorization: basic("nope") },
  "read token with a suffix": { authorization: `Bearer ${READ}x` },
  "garbage basic": { authorization: "Basic %%%" },
  "wrong admin header": { "x-faultline-token": "nope" },
};
const ACCEPTED: Record<string, Record<string, string>> = {
  "read token as Basic password": { authorization: basic(READ) },
  "read token as Bearer": { authorization: `Bearer ${READ}` },
  "admin token as Bearer": { authorization: `Bearer ${ADMIN}` },
  "admin token as x-faultline-token": { "x-faultline-token": ADMIN },
};

function call(method: string, path: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(new URL(path, "http://faultline.test"), { method, headers: { rsc: "1", ...headers } });
  return proxy(request);
}
const passedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

// The proxy checks the database on every request: give it a real, migrated one.
let dir: string;
let dbFile: string;
beforeAll(() => {
  dir = tempDir();
  dbFile = freshDatabase(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => vi.stubEnv("DATABASE_URL", `file:${dbFile}`));

describe("proxy with FAULTLINE_READ_TOKEN set", () => {
  beforeEach(() => {
    vi.stubEnv("FAULTLINE_READ_TOKEN", READ);
    vi.stubEnv("FAULTLINE_ADMIN_TOKEN", ADMIN);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("answers 401 with the security headers to every method on every page and API without the read credential", async () => {
    for (const [variant, headers] of Object.entries(REFUSED)) {
      for (const method of METHODS) {
        for (const path of [...PAGES, ...APIS]) {
          const response = await call(method, path, headers);
          expect(response.status, `${method} ${path} (${variant})`).toBe(401);
          expect(passedOn(response), `${method} ${path} (${variant})`).toBe(false);
          expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
          expect(response.headers.get("x-content-type-options")).toBe("nosniff");
          if (APIS.includes(path)) {
            // The API's own error shape, as its handlers send it; pages get a sentence.
            expect(((await response.json()) as ApiErrorBody).error, `${method} ${path}`).toEqual({
              code: "unauthorized",
              message: "Authentication required.",
            });
          } else expect(await response.text()).toBe("Authentication required.");
        }
      }
    }
  });

  it("lets a valid credential read pages with GET/HEAD and refuses other methods on pages with 405", async () => {
    for (const [variant, headers] of Object.entries(ACCEPTED)) {
      for (const method of METHODS) {
        for (const path of PAGES) {
          const response = await call(method, path, headers);
          if (method === "GET" || method === "HEAD") expect(passedOn(response), `${method} ${path} (${variant})`).toBe(true);
          else {
            expect(response.status, `${method} ${path} (${variant})`).toBe(405);
            expect(response.headers.get("allow")).toBe("GET, HEAD");
          }
        }
        // API routes declare their own methods (and check the admin token for writes themselves).
        for (const path of APIS) expect(passedOn(await call(method, path, headers)), `${method} ${path} (${variant})`).toBe(true);
      }
    }
  });
});

describe("proxy without a read token", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answers 503 with Retry-After, naming the file, when the database is missing (page and API)", async () => {
    const missing = path.join(dir, "gone.db");
    vi.stubEnv("DATABASE_URL", `file:${missing}`);
    const page = await call("GET", "/analyses");
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain("The database is missing");
    expect(html).toContain(missing);
    expect(html).toContain("npm run db:migrate");
    const api = await call("GET", "/api/failures");
    expect(api.status).toBe(503);
    expect(((await api.json()) as ApiErrorBody).error).toMatchObject({
      code: "database_unavailable",
      message: expect.stringContaining(missing),
    });
  });

  it("serves pages to anyone with GET and refuses page writes with 405", async () => {
    vi.stubEnv("FAULTLINE_READ_TOKEN", "");
    expect(passedOn(await call("GET", "/analyses"))).toBe(true);
    expect((await call("POST", "/analyses/101000875?view=raw")).status).toBe(405);
    expect(passedOn(await call("POST", "/api/analyses"))).toBe(true);
  });

  it("answers 400 with the security headers to a path with malformed percent-encoding", async () => {
    vi.stubEnv("FAULTLINE_READ_TOKEN", "");
    for (const path of ["/analyses/%ZZ", "/api/analyses/%E0%A4%A", "/analyses/x/failures/%"]) {
      const response = await call("GET", path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      if (path.startsWith("/api/")) expect(((await response.json()) as ApiErrorBody).error.code, path).toBe("bad_request");
    }
    expect(passedOn(await call("GET", "/analyses/ok%20x"))).toBe(true);
  });

  it("sends the CSP and security headers on passed-through requests, favicon included", async () => {
    vi.stubEnv("FAULTLINE_READ_TOKEN", "");
    const response = await call("GET", "/favicon.ico");
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const matches = (path: string) => config.matcher.some(({ source }) => new RegExp(`^${source}$`).test(path));
    expect(matches("/favicon.ico")).toBe(true);
    expect(matches("/analyses/%ZZ")).toBe(true);
    expect(matches("/_next/static/chunks/app.js")).toBe(false);
  });
});
