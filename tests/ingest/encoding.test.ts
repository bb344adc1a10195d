// Raw bytes kept exactly (issue 11 finding 10): whatever the encoding, what is stored hashes to the
// analysis's contentHash, and a BOM, UTF-16 or invalid UTF-8 gets one warning naming its line.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { storedSourceBytes } from "@/lib/ingest/source";
import { assertConsistent, freshDatabase, report, tempDir } from "./helpers";

let dir: string;
let db: Sqlite;
let content: string;

beforeEach(() => {
  dir = tempDir();
  db = openSqlite(freshDatabase(dir));
  content = path.join(dir, "content");
  fs.mkdirSync(content);
}, 60_000);
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const text = report("108000001", [
  { title: "Café bucket left public", severity: "High" },
  { title: "Second", severity: "Low" },
]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

const FILES: Record<string, Buffer> = {
  "plain.md": Buffer.from(text),
  "bom.md": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  "two-boms.md": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  "latin1.md": Buffer.from(text, "latin1"),
  "utf16le.md": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
  "utf16be.md": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]),
  "png-bytes.md": Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    Buffer.alloc(64, 0),
    Buffer.from([0xff, 0xd8, 0x00, 0x10]),
  ]),
};

type Row = { sourcePath: string; contentHash: string; raw: string; rawBytes: Buffer | null; warningsJson: string; failureCount: number };

describe("raw bytes kept exactly", () => {
  it("stores bytes that hash to contentHash for UTF-8, BOM, Latin-1, UTF-16 and binary files, with one warning per oddity naming the line", async () => {
    for (const [name, bytes] of Object.entries(FILES)) fs.writeFileSync(path.join(content, name), bytes);
    const summary = await ingest({ paths: [content], db, workers: 0 });
    expect(summary.added).toBe(Object.keys(FILES).length);
    const rows = db
      .prepare<[], Row>(
        `SELECT sourcePath, contentHash, raw, rawBytes, warningsJson, failureCount FROM "Analysis" JOIN "AnalysisSource" ON analysisId = id`,
      )
      .all();
    const byName = Object.fromEntries(rows.map((r) => [path.basename(r.sourcePath), r]));
    for (const [name, bytes] of Object.entries(FILES)) {
      const row = byName[name]!;
      // What is stored is the file, byte for byte, and the hash checks it.
      expect(Buffer.from(storedSourceBytes(row.raw, row.rawBytes)).equals(bytes), name).toBe(true);
      expect(sha256(storedSourceBytes(row.raw, row.rawBytes)), name).toBe(row.contentHash);
    }
    const codes = (name: string) => JSON.parse(byName[name]!.warningsJson) as { code: string; line: number | null }[];
    // Valid UTF-8 needs no second copy; a BOM is kept in the text and warned about on line 1.
    expect(byName["plain.md"]!.rawBytes).toBeNull();
    expect(byName["bom.md"]!.rawBytes).toBeNull();
    expect(byName["bom.md"]!.raw.startsWith("\uFEFF# Model")).toBe(true);
    expect(codes("bom.md")).toContainEqual(expect.objectContaining({ code: "bom", line: 1 }));
    expect(byName["bom.md"]!.failureCount).toBe(2);
    expect(byName["two-boms.md"]!.raw.startsWith("\uFEFF\uFEFF#")).toBe(true);
    // Latin-1: the first invalid byte is the é on the line of the first failure title.
    const latinLine = text.split("\n").findIndex((l) => l.includes("Café")) + 1;
    expect(codes("latin1.md")).toContainEqual(expect.objectContaining({ code: "invalid-utf8", line: latinLine }));
    expect(byName["latin1.md"]!.rawBytes).not.toBeNull();
    // UTF-16 is decoded, so it parses like the UTF-8 file.
    for (const name of ["utf16le.md", "utf16be.md"]) {
      expect(codes(name)).toContainEqual(expect.objectContaining({ code: "not-utf8", line: 1 }));
      expect(byName[name]!.failureCount).toBe(2);
      expect(byName[name]!.raw).toContain("Café bucket left public");
    }
    // Binary input is flagged once, under one code.
    expect(
      codes("png-bytes.md")
        .filter((w) => /binary/.test(w.code))
        .map((w) => w.code),
    ).toEqual(["binary-content"]);
    assertConsistent(db);
  });
});
