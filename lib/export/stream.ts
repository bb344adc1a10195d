// Streamed exports: a full export (41 MB of JSON) once blocked every other request for ~3 s while it
// was built as one string. Now rows are loaded a page at a time and each page is encoded and sent
// before the next is read, yielding to the event loop between pages; the bytes are the same as before.
import { csvCell, type CsvColumn } from "./to-csv";

/** Rows loaded and encoded per step of an export. */
export const EXPORT_PAGE_ROWS = 500;

/** Reads `load(window)` page by page until a short page or `limit` rows, yielding between pages. */
export async function* pagedRows<T>(
  load: (window: { skip: number; take: number }) => Promise<T[]>,
  limit: number,
  pageRows = EXPORT_PAGE_ROWS,
): AsyncGenerator<T[]> {
  for (let skip = 0; skip < limit; skip += pageRows) {
    const take = Math.min(pageRows, limit - skip);
    const rows = await load({ skip, take });
    if (rows.length) yield rows;
    if (rows.length < take) return;
    // Let other requests run between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * pagedRows with the first page read now, so a failing query still answers an error status instead
 * of a broken download.
 */
export async function eagerPages<T>(
  load: (window: { skip: number; take: number }) => Promise<T[]>,
  limit: number,
  pageRows = EXPORT_PAGE_ROWS,
): Promise<AsyncIterable<T[]>> {
  const firstTake = Math.min(pageRows, limit);
  const first = await load({ skip: 0, take: firstTake });
  return (async function* () {
    if (first.length) yield first;
    if (first.length < firstTake) return;
    await new Promise((resolve) => setImmediate(resolve));
    yield* pagedRows((w) => load({ skip: w.skip + pageRows, take: w.take }), limit - pageRows, pageRows);
  })();
}

/** The CSV of `toCsv(columns, allRows)`, as a header chunk and one chunk per page. */
export async function* csvChunks<T>(columns: readonly CsvColumn<T>[], pages: AsyncIterable<T[]>): AsyncGenerator<string> {
  yield columns.map((c) => csvCell(c.header)).join(",") + "\r\n";
  for await (const rows of pages) {
    let chunk = "";
    for (const row of rows) chunk += columns.map((c) => csvCell(c.value(row))).join(",") + "\r\n";
    yield chunk;
  }
}

/**
 * The JSON of `{ items, page: 1, pageSize: items.length, total, next: null }` (what a download
 * answered before), items written a page at a time. `total` may be known only after the first page.
 */
export async function* jsonDownloadChunks<T>(pages: AsyncIterable<T[]>, total: () => number): AsyncGenerator<string> {
  let count = 0;
  let opened = false;
  for await (const items of pages) {
    let chunk = opened ? "" : '{"items":[';
    for (const item of items) chunk += (count++ ? "," : "") + JSON.stringify(item);
    opened = true;
    yield chunk;
  }
  yield `${opened ? "" : '{"items":['}],"page":1,"pageSize":${count},"total":${JSON.stringify(total())},"next":null}`;
}

/** A ReadableStream that pulls one chunk at a time (backpressure: nothing is read ahead of the client). */
export function chunkStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        console.error(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
