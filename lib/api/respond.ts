// Responses of the JSON/CSV API: one error shape (`{error: {code, message}}`, lib/api/error-response.ts),
// one page shape, CSV/JSON downloads with a filename.
import { NextResponse } from "next/server";
import { chunkStream } from "../export/stream";
import { exportFilename, toCsv, type CsvColumn } from "../export/to-csv";
import { errorResponse } from "./error-response";
import { BadRequestError } from "../validations/list-queries";

export { errorResponse } from "./error-response";

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  /** Path of the next page with the same filters, or null on the last page. */
  next: string | null;
}

/** Runs a handler; a BadRequestError becomes 400 bad_request, anything else a logged 500 internal without internals. */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BadRequestError) return errorResponse("bad_request", error.message, { field: error.field });
    console.error(error);
    return errorResponse("internal", "Something went wrong on the server; the error has been logged.");
  }
}

/** The path of page `page` of this request, keeping every other param. */
export function pageUrl(url: URL, page: number): string {
  const params = new URLSearchParams(url.searchParams);
  params.set("page", String(page));
  return `${url.pathname}?${params.toString()}`;
}

export function jsonPage<T>(url: URL, items: T[], page: number, pageSize: number, total: number): Page<T> {
  return { items, page, pageSize, total, next: page * pageSize < total ? pageUrl(url, page + 1) : null };
}

function attachment(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function jsonResponse(body: unknown, download?: { list: string; parts: (string | undefined)[] }): NextResponse {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (download) headers["content-disposition"] = attachment(exportFilename(download.list, download.parts, "json"));
  return NextResponse.json(body, { headers });
}

/** A download streamed chunk by chunk (lib/export/stream.ts): same headers as the one-piece responses. */
export function streamedDownload(
  chunks: AsyncIterable<string>,
  list: string,
  parts: (string | undefined)[],
  ext: "csv" | "json",
): Response {
  return new Response(chunkStream(chunks), {
    headers: {
      "content-type": ext === "csv" ? "text/csv; charset=utf-8" : "application/json",
      "content-disposition": attachment(exportFilename(list, parts, ext)),
      "cache-control": "no-store",
    },
  });
}

export function csvResponse<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>, list: string, parts: (string | undefined)[]): Response {
  return new Response(toCsv(columns, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(exportFilename(list, parts, "csv")),
      "cache-control": "no-store",
    },
  });
}
