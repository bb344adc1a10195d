// Uploads (issue 11): parsed in a worker off the request thread with the ingest's limits (finding 5).
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite } from "@/lib/data/sqlite";
import { freshDatabase, report, stored, tempDir } from "./helpers";

vi.mock("server-only", () => ({}));

let dir: string;
let dbFile: string;

beforeAll(() => {
  dir = tempDir();
  dbFile = freshDatabase(dir);
  vi.stubEnv("DATABASE_URL", `file:${dbFile}`);
  // Read once when the upload worker pool starts (first upload of this file).
  vi.stubEnv("FAULTLINE_TEST_HOOKS", "1");
  vi.stubEnv("FAULTLINE_PARSE_TIMEOUT_MS", "3000");
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { ingestUploads } = await import("@/lib/uploads/ingest-upload");
const bytes = (text: string) => new Uint8Array(Buffer.from(text));

describe("uploads parse off the request thread", () => {
  it("keeps the event loop answering while an upload's parse hangs, then stores it as failed with its raw text", async () => {
    // Warm the pool so the measured upload is only the parse.
    await ingestUploads([{ name: "warm.md", bytes: bytes(report("107000001", [{ title: "Warm", severity: "Low" }])) }]);
    let last = performance.now();
    let maxGap = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 10);
    const hanging = "# Model Response Failures Analysis\n\n<!-- faultline-test: hang -->\n";
    const results = await ingestUploads([
      { name: "hangs.md", bytes: bytes(hanging) },
      { name: "fine.md", bytes: bytes(report("107000002", [{ title: "Fine", severity: "High" }])) },
    ]).finally(() => clearInterval(tick));
    maxGap = Math.max(maxGap, performance.now() - last);
    // The request thread was never blocked for the 3 s the parse was allowed to run.
    expect(maxGap).toBeLessThan(1000);
    expect(results.map((r) => [r.name, r.status])).toEqual([["hangs.md", "failed"], ["fine.md", "added"]]);
    expect(results[0]!.error).toMatch(/^parse-timeout: /);
    expect(results[0]!.warnings.map((w) => w.code)).toContain("parse-timeout");
    const db = openSqlite(dbFile);
    try {
      expect(stored(db).map((r) => r.sourcePath)).toEqual(["upload:fine.md", "upload:hangs.md", "upload:warm.md"]);
      const raw = db.prepare<[], { raw: string }>(`SELECT raw FROM "AnalysisSource" JOIN "Analysis" ON id = analysisId WHERE sourcePath = 'upload:hangs.md'`).get();
      expect(raw?.raw).toBe(hanging);
    } finally {
      db.close();
    }
  }, 60_000);

  it("a re-upload under the same name whose parse fails keeps the stored analysis and says so", async () => {
    const seven = report("107000007", Array.from({ length: 7 }, (_, i) => ({ title: `Failure ${i + 1}`, severity: "High" })));
    const [first] = await ingestUploads([{ name: "same.md", bytes: bytes(seven) }]);
    expect(first).toMatchObject({ status: "added", slug: "107000007" });
    const [again] = await ingestUploads([{ name: "same.md", bytes: bytes(`${seven}\n<!-- faultline-test: hang -->\n`) }]);
    expect(again).toMatchObject({ status: "failed", error: expect.stringMatching(/^parse-timeout: .*The previous analysis is kept\./) });
    const db = openSqlite(dbFile);
    try {
      expect(stored(db).find((r) => r.sourcePath === "upload:same.md")).toMatchObject({ slug: "107000007", failureCount: 7 });
    } finally {
      db.close();
    }
  }, 60_000);
});
