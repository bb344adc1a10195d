// Uploads (issue 11): parsed in a worker off the request thread with the ingest's limits (finding 5).
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiErrorBody } from "@/lib/domain/api-error";
import { openSqlite } from "@/lib/data/sqlite";
import { freshDatabase, report, stored, tempDir } from "../ingest/helpers";

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
}, 60_000);
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const { ingestUploads } = await import("@/lib/uploads/ingest-upload");
const { postAnalyses } = await import("@/lib/uploads/post-analyses");
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
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ["hangs.md", "failed"],
      ["fine.md", "added"],
    ]);
    expect(results[0]!.error).toMatch(/^parse-timeout: /);
    // Stored with its raw text all the same, and the answer links it.
    expect(results[0]!.slug).toBeTruthy();
    expect(results[0]!.url).toBe(`/analyses/${results[0]!.slug}`);
    expect(results[0]!.warnings.map((w) => w.code)).toContain("parse-timeout");
    const db = openSqlite(dbFile);
    try {
      expect(stored(db).map((r) => r.sourcePath)).toEqual(["upload:fine.md", "upload:hangs.md", "upload:warm.md"]);
      const raw = db
        .prepare<[], { raw: string }>(
          `SELECT raw FROM "AnalysisSource" JOIN "Analysis" ON id = analysisId WHERE sourcePath = 'upload:hangs.md'`,
        )
        .get();
      expect(raw?.raw).toBe(hanging);
    } finally {
      db.close();
    }
  }, 60_000);

  it("a re-upload under the same name whose parse fails keeps the stored analysis and says so", async () => {
    const seven = report(
      "107000007",
      Array.from({ length: 7 }, (_, i) => ({ title: `Failure ${i + 1}`, severity: "High" })),
    );
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

describe("uploads take only UTF-8 Markdown or plain text, judged by content (finding 12)", () => {
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    Buffer.alloc(32, 7),
  ]);
  const TOKEN = "upload-test-token";
  const post = (name: string, body: BodyInit, type = "text/markdown") =>
    postAnalyses(
      new Request(`http://localhost/api/analyses?name=${encodeURIComponent(name)}`, {
        method: "POST",
        body,
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": type },
      }),
    );
  const count = () => {
    const db = openSqlite(dbFile);
    try {
      return stored(db).length;
    } finally {
      db.close();
    }
  };

  it("refuses binary bytes under any name, JSON, other encodings and non-text types with 415 naming the file, and stores nothing", async () => {
    vi.stubEnv("FAULTLINE_ADMIN_TOKEN", TOKEN);
    const before = count();
    const cases: [string, BodyInit, string, RegExp][] = [
      ["x.exe", PNG, "application/octet-stream", /"x\.exe": only Markdown or plain-text files .* not \.exe/],
      ["picture.md", PNG, "text/markdown", /"picture\.md" is binary \(a NUL byte at line 3, byte 8\)/],
      ["package.json", JSON.stringify({ name: "x", version: "1.0.0" }), "text/plain", /"package\.json": only Markdown .* not \.json/],
      ["report.md", JSON.stringify({ name: "x", dependencies: {} }, null, 2), "text/markdown", /"report\.md" is a JSON document/],
      [
        "latin1.md",
        Buffer.from("# Analyse\n\nCaf\u00e9 au lait\n", "latin1"),
        "text/markdown",
        /"latin1\.md" is not UTF-8 text \(byte 14 on line 3\b/,
      ],
      ["shot.md", Buffer.from("# fine text"), "image/png", /"shot\.md" was sent as image\/png/],
      ["old.md", Buffer.from("# fine text"), "text/plain; charset=latin1", /"old\.md" was sent as latin1/],
    ];
    for (const [name, body, type, message] of cases) {
      const response = await post(name, body, type);
      expect(response.status, name).toBe(415);
      expect(((await response.json()) as ApiErrorBody).error, name).toMatchObject({
        code: "unsupported_media_type",
        message: expect.stringMatching(message),
      });
    }
    // Multipart: one bad file refuses the whole request, the good one is not stored either.
    const form = new FormData();
    form.append("file", new File([report("107000100", [{ title: "Good", severity: "Low" }])], "good.md", { type: "text/markdown" }));
    form.append("file", new File([PNG], "evil.md", { type: "text/markdown" }));
    const multi = await postAnalyses(
      new Request("http://localhost/api/analyses", { method: "POST", body: form, headers: { authorization: `Bearer ${TOKEN}` } }),
    );
    expect(multi.status).toBe(415);
    expect(await multi.json()).toMatchObject({ refused: [{ name: "evil.md", error: expect.stringContaining("binary") }] });
    expect(count()).toBe(before);
    // UTF-8 Markdown, with or without a BOM, under .md, .txt or no extension, is still welcome.
    for (const [name, body] of [
      ["ok.md", report("107000101", [{ title: "Ok", severity: "Low" }])],
      ["bom.txt", `\uFEFF${report("107000102", [{ title: "Bom", severity: "Low" }])}`],
      ["notes", "Just notes.\n"],
    ] as const) {
      const response = await post(name, body);
      expect(response.status, name).toBe(201);
    }
    expect(count()).toBe(before + 3);
  }, 60_000);
});

describe("an upload on a server whose taxonomy file is broken", () => {
  it("answers 500 naming the file and the problem, and stores nothing", async () => {
    const TOKEN = "upload-test-token";
    vi.stubEnv("FAULTLINE_ADMIN_TOKEN", TOKEN);
    const broken = `${dir}/broken-gaps.json`;
    fs.writeFileSync(broken, "{ not json");
    vi.stubEnv("FAULTLINE_GAPS_FILE", broken);
    const before = openSqlite(dbFile);
    const count = stored(before).length;
    before.close();
    try {
      const response = await postAnalyses(
        new Request("http://localhost/api/analyses?name=gaps.md", {
          method: "POST",
          body: report("107000200", [{ title: "Any", severity: "Low" }]),
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "text/markdown" },
        }),
      );
      expect(response.status).toBe(500);
      const { code, message } = ((await response.json()) as ApiErrorBody).error;
      expect(code).toBe("internal");
      expect(message).toContain("broken-gaps.json");
      expect(message).toMatch(/nothing was stored/);
      expect(message).toMatch(/FAULTLINE_GAPS_FILE/);
    } finally {
      vi.stubEnv("FAULTLINE_GAPS_FILE", "");
    }
    const after = openSqlite(dbFile);
    expect(stored(after).length).toBe(count);
    after.close();
  }, 60_000);
});
