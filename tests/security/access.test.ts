import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkWriteAccess, tokensMatch } from "@/lib/auth/admin-token";
import { describeDatabaseError } from "@/lib/data/errors";
import { AnalysisStore } from "@/lib/data/store";
import { openSqlite } from "@/lib/data/sqlite";
import { prepareAnalysis } from "@/lib/ingest/prepare";
import { buildCsp, readAllowed } from "@/lib/security/csp";
import { freshDatabase, report, tempDir } from "../ingest/helpers";

vi.mock("server-only", () => ({}));
const { uploadSourcePath } = await import("@/lib/uploads/ingest-upload");

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("checkWriteAccess", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("disables writes with a clear message when no admin token is configured", () => {
    vi.stubEnv("FAULTLINE_ADMIN_TOKEN", "");
    expect(checkWriteAccess(headers({ authorization: "Bearer anything" }))).toEqual({
      ok: false,
      code: "forbidden",
      message: expect.stringContaining("FAULTLINE_ADMIN_TOKEN"),
    });
  });

  it("accepts the right token as Bearer or x-faultline-token and refuses others without detail", () => {
    vi.stubEnv("FAULTLINE_ADMIN_TOKEN", "s3cret-token");
    expect(checkWriteAccess(headers({ authorization: "Bearer s3cret-token" }))).toEqual({ ok: true });
    expect(checkWriteAccess(headers({ "x-faultline-token": "s3cret-token" }))).toEqual({ ok: true });
    for (const bad of [
      {} as Record<string, string>,
      { authorization: "Bearer s3cret-tokeN" },
      { authorization: "Bearer " },
      { authorization: "s3cret-token" },
    ]) {
      expect(checkWriteAccess(headers(bad))).toEqual({ ok: false, code: "unauthorized", message: "Unauthorized." });
    }
  });

  it("compares tokens of any length without throwing", () => {
    expect(tokensMatch("a", "a".repeat(1000))).toBe(false);
    expect(tokensMatch("", "")).toBe(true);
  });
});

describe("readAllowed (FAULTLINE_READ_TOKEN)", () => {
  it("lets everything through when no read token is set", () => {
    expect(readAllowed(headers({}), undefined)).toBe(true);
  });
  it("needs the token as Basic password or Bearer when set", () => {
    expect(readAllowed(headers({}), "r")).toBe(false);
    expect(readAllowed(headers({ authorization: `Basic ${btoa("anyone:r")}` }), "r")).toBe(true);
    expect(readAllowed(headers({ authorization: `Basic ${btoa("anyone:x")}` }), "r")).toBe(false);
    expect(readAllowed(headers({ authorization: "Basic !!!not-base64" }), "r")).toBe(false);
    expect(readAllowed(headers({ authorization: "Bearer r" }), "r")).toBe(true);
  });
});

describe("buildCsp", () => {
  it("allows scripts only by nonce and never unsafe-eval in production", () => {
    const csp = buildCsp("abc");
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});

describe("uploadSourcePath", () => {
  it("keeps only a sanitized base name, so an uploaded name never becomes a file-system path", () => {
    expect(uploadSourcePath("../../etc/passwd")).toBe("upload:passwd");
    expect(uploadSourcePath("C:\\Windows\\system32\\evil.md")).toBe("upload:evil.md");
    expect(uploadSourcePath("..")).toBe("upload:upload.md");
    expect(uploadSourcePath("rep<script>.md")).toBe("upload:rep_script_.md");
    expect(uploadSourcePath("a".repeat(500)).length).toBeLessThanOrEqual("upload:".length + 120);
  });
});

describe("describeDatabaseError", () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("explains a read-only database when a write is refused", () => {
    const file = freshDatabase(dir);
    const db = openSqlite(file, { readonly: true });
    const store = new AnalysisStore(db);
    const prepared = prepareAnalysis({
      sourcePath: "x.md",
      contentHash: "h",
      bytes: Buffer.from(report("101000001", [{ title: "A", severity: "High" }])),
    });
    let caught: unknown;
    try {
      store.writeBatch([prepared]);
    } catch (error) {
      caught = error;
    }
    db.close();
    expect(caught).toBeDefined();
    expect(describeDatabaseError(caught, "upload")).toEqual({
      status: 503,
      message: expect.stringMatching(/^Upload failed: nothing was stored\. .*read-only/),
    });
  });

  it("explains a busy database", () => {
    expect(describeDatabaseError(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }), "upload").status).toBe(503);
    expect(describeDatabaseError(new Error("boom"), "delete")).toEqual({
      status: 500,
      message: expect.stringMatching(/^Delete failed: .*boom/),
    });
  });
});
