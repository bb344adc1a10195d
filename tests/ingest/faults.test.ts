// Faults answered rightly (issue 11 finding 11, ingest and upload parts): every message names what
// failed (ingest, upload or delete), the database file and DATABASE_URL; database problems are 503
// with Retry-After; an ingest on a corrupt database never talks about an "upload".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ApiErrorBody } from "@/lib/domain/api-error";
import { describeDatabaseError, type DatabaseAction } from "@/lib/data/errors";
import { AnalysisStore } from "@/lib/data/store";
import { openSqlite } from "@/lib/data/sqlite";
import { freshDatabase, report, tempDir, write } from "./helpers";

vi.mock("server-only", () => ({}));
const { deleteAnalysis } = await import("@/lib/uploads/delete-analysis");
const { postAnalyses } = await import("@/lib/uploads/post-analyses");

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("database error messages", () => {
  it("name the action, the file and DATABASE_URL for every database-level code, and answer 503", () => {
    const file = path.join(dir, "x.db");
    vi.stubEnv("DATABASE_URL", `file:${file}`);
    const lead: Record<DatabaseAction, RegExp> = {
      ingest: /^Ingest failed\. /,
      upload: /^Upload failed: nothing was stored\. /,
      delete: /^Delete failed: nothing was removed\. /,
    };
    for (const action of ["ingest", "upload", "delete"] as const) {
      for (const [code, text] of [
        ["SQLITE_READONLY", "attempt to write a readonly database"],
        ["SQLITE_NOTADB", "file is not a database"],
        ["SQLITE_CORRUPT", "database disk image is malformed"],
        ["SQLITE_FULL", "database or disk is full"],
        ["SQLITE_IOERR_WRITE", "disk I/O error"],
        ["SQLITE_CANTOPEN", "unable to open database file"],
      ]) {
        const { status, message } = describeDatabaseError(sqliteError(code!, text!), action);
        expect(status, `${action} ${code}`).toBe(503);
        expect(message, `${action} ${code}`).toMatch(lead[action]);
        expect(message, `${action} ${code}`).toContain(file);
        expect(message, `${action} ${code}`).toContain(`DATABASE_URL=file:${file}`);
        if (action !== "upload") expect(message, `${action} ${code}`).not.toMatch(/upload could not/i);
      }
    }
  });
});

describe("ingest CLI on a broken database", () => {
  it("says the ingest failed and names the file, never 'upload', exit 2", () => {
    const bad = path.join(dir, "bad.db");
    fs.writeFileSync(bad, Buffer.alloc(8192, 0x5a));
    const content = path.join(dir, "content");
    write(content, "a.md", report("109000001", [{ title: "One", severity: "Low" }]));
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/ingest.ts", content], {
      env: { ...process.env, DATABASE_URL: `file:${bad}` },
      encoding: "utf8",
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain(`ingest: Ingest failed. ${bad} (DATABASE_URL=file:${bad}) is not a SQLite database`);
    expect(cli.stderr + cli.stdout).not.toMatch(/upload/i);
  }, 60_000);
});

describe("upload and delete when the database cannot be written", () => {
  const TOKEN = "faults-test-token";
  const auth = { authorization: `Bearer ${TOKEN}` };

  it("an unusable database location gives 503 with Retry-After naming the action, the folder and DATABASE_URL", async () => {
    vi.stubEnv("FAULTLINE_ADMIN_TOKEN", TOKEN);
    // A folder that cannot exist (/dev/null is a file), so the database can never be written.
    vi.stubEnv("DATABASE_URL", "file:/dev/null/faultline.db");
    const del = await deleteAnalysis(new Request("http://localhost/api/analyses/x", { method: "DELETE", headers: auth }), "x");
    expect(del.status).toBe(503);
    expect(del.headers.get("retry-after")).toBe("5");
    const { code, message: delError } = ((await del.json()) as ApiErrorBody).error;
    expect(code).toBe("database_unavailable");
    // (As root the folder check passes and the open fails; otherwise the folder check names it.)
    expect(delError).toMatch(
      /^Delete failed: nothing was removed\. Cannot (open|write) the database (folder )?\/dev\/null.* \(?(from )?DATABASE_URL=file:\/dev\/null\/faultline\.db\)/,
    );
    expect(delError).not.toMatch(/upload/i);
    const up = await postAnalyses(
      new Request("http://localhost/api/analyses?name=a.md", {
        method: "POST",
        body: report("109000002", [{ title: "One", severity: "Low" }]),
        headers: { ...auth, "content-type": "text/markdown" },
      }),
    );
    expect(up.status).toBe(503);
    expect(up.headers.get("retry-after")).toBe("5");
    expect(((await up.json()) as ApiErrorBody).error.message).toMatch(
      /^Upload failed: nothing was stored\. Cannot (open|write) the database (folder )?\/dev\/null/,
    );
  }, 60_000);

  it("a read-only database refuses a delete with a message about writing, not about an upload", () => {
    const file = freshDatabase(dir);
    vi.stubEnv("DATABASE_URL", `file:${file}`);
    const db = openSqlite(file, { readonly: true });
    let caught: unknown;
    try {
      db.exec(`INSERT INTO "KnowledgeGap" (id, label, description) VALUES ('ro', 'ro', '')`);
      new AnalysisStore(db).deleteSource("content/a.md");
    } catch (error) {
      caught = error;
    } finally {
      db.close();
    }
    expect(describeDatabaseError(caught, "delete")).toEqual({
      status: 503,
      message: `Delete failed: nothing was removed. The database ${file} (DATABASE_URL=file:${file}) cannot be written: the file or its folder is read-only. Make both writable.`,
    });
  });
});

// chattr needs root (CAP_LINUX_IMMUTABLE) and a file system with attributes; elsewhere this cannot run.
const canChattr = (() => {
  const probe = path.join(tempDir("faultline-chattr-"), "probe");
  fs.writeFileSync(probe, "");
  const ok = spawnSync("chattr", ["+i", probe]).status === 0;
  spawnSync("chattr", ["-i", probe]);
  fs.rmSync(path.dirname(probe), { recursive: true, force: true });
  return ok;
})();

describe("ingest whose database turns immutable", () => {
  it.skipIf(!canChattr)(
    "stops with a message naming the file instead of dying with SIGBUS",
    async () => {
      const dbFile = freshDatabase(dir);
      const content = path.join(dir, "content");
      for (let i = 0; i < 150; i++) {
        const failures = Array.from({ length: 12 }, (_, n) => ({
          title: `Problem ${n} of doc ${i}`,
          severity: "High",
          model: "a = 1\n".repeat(40),
        }));
        write(content, `doc-${String(i).padStart(3, "0")}.md`, report(`1091${String(i).padStart(5, "0")}`, failures));
      }
      const { spawn } = await import("node:child_process");
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", content, "--workers", "1"], {
        env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const frozen: string[] = [];
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!frozen.length && stderr.includes("added")) {
          for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`])
            if (spawnSync("chattr", ["+i", file]).status === 0) frozen.push(file);
        }
      });
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on("exit", (c, s) => resolve([c, s])),
      );
      for (const file of frozen) spawnSync("chattr", ["-i", file]);
      expect(frozen.length).toBe(3);
      expect(signal).toBeNull();
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`ingest: The database file ${dbFile}(-wal|-shm)? can no longer be written \\(EPERM`));
    },
    120_000,
  );
});
