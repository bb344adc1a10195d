// Exports are streamed a page of rows at a time (a 41 MB JSON export once blocked every other request
// for ~3 s) and must be byte for byte what the one-piece export was.
import { describe, expect, it } from "vitest";
import { chunkStream, csvChunks, eagerPages, EXPORT_PAGE_ROWS, jsonDownloadChunks, pagedRows } from "@/lib/export/stream";
import { toCsv, type CsvColumn } from "@/lib/export/to-csv";

interface Row {
  id: number;
  title: string;
  gaps: string[];
}

const rows: Row[] = Array.from({ length: 1_234 }, (_, i) => ({
  id: i + 1,
  title: i % 7 ? `Failure, "${i}"\nline two` : `=cmd ${i}`,
  gaps: ["iam", `g${i % 3}`],
}));
const columns: CsvColumn<Row>[] = [
  { header: "id", value: (r) => r.id },
  { header: "title", value: (r) => r.title },
  { header: "gaps", value: (r) => r.gaps },
];
const windows: { skip: number; take: number }[] = [];
const load = async (window: { skip: number; take: number }) => {
  windows.push(window);
  return rows.slice(window.skip, window.skip + window.take);
};

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

describe("streamed exports", () => {
  it("write the same CSV as the one-piece export, one chunk per 500 rows", async () => {
    windows.length = 0;
    const chunks = await collect(csvChunks(columns, await eagerPages(load, 10_000)));
    expect(chunks.join("")).toBe(toCsv(columns, rows));
    expect(chunks).toHaveLength(1 + Math.ceil(rows.length / EXPORT_PAGE_ROWS));
    expect(windows).toEqual([
      { skip: 0, take: 500 },
      { skip: 500, take: 500 },
      { skip: 1_000, take: 500 },
    ]);
  });

  it("write the same JSON as the one-piece download, empty or not", async () => {
    const body = (items: Row[]) => JSON.stringify({ items, page: 1, pageSize: items.length, total: 2_000, next: null });
    expect((await collect(jsonDownloadChunks(pagedRows(load, 10_000), () => 2_000))).join("")).toBe(body(rows));
    expect(
      (
        await collect(
          jsonDownloadChunks(
            pagedRows(async () => [] as Row[], 10_000),
            () => 2_000,
          ),
        )
      ).join(""),
    ).toBe(body([]));
    expect(JSON.parse((await collect(jsonDownloadChunks(pagedRows(load, 600), () => 2_000))).join("")).items).toHaveLength(600);
  });

  it("let other work run between pages instead of building the whole export first", async () => {
    const events: string[] = [];
    const tracked = async (window: { skip: number; take: number }) => {
      events.push(`page ${window.skip}`);
      if (window.skip === 0) setImmediate(() => events.push("other request"));
      return load(window);
    };
    const reader = chunkStream(csvChunks(columns, await eagerPages(tracked, 10_000))).getReader();
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks++;
      text += decoder.decode(r.value, { stream: true });
    }
    expect(text).toBe(toCsv(columns, rows));
    expect(chunks).toBe(4);
    expect(events.indexOf("other request")).toBeGreaterThan(0);
    expect(events.indexOf("other request")).toBeLessThan(events.indexOf("page 1000"));
  });
});
