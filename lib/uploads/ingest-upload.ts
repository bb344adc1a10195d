// Stores uploaded Markdown files through the same prepare-and-store path as `npm run ingest`.
// Uploaded names are labels only: they never become file-system paths. Parsing runs in a parse worker
// with the ingest's time and memory limits, never on the thread that answers requests.
import "server-only";
import { isPostgres } from "../db-url";
import { PgAnalysisStore } from "../data/pg-store";
import { AnalysisStore } from "../data/store";
import { openSqlite } from "../data/sqlite";
import { defaultWorkerCount } from "../ingest/worker-pool";
import { ParsePool } from "../ingest/parse-pool";
import type { PreparedAnalysis } from "../ingest/prepare";
import { parserVersion } from "../ingest/parser-version";
import { hashBytes } from "../ingest/source";
import { readGapDefinitions } from "../ingest/taxonomy-file";
import type { ParsedAnalysis } from "../parser/types";
import { analysisHref } from "../routes/paths";

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  /** Declared media type (request or multipart part), checked by validate-upload.ts. */
  type?: string;
}

export interface UploadResult {
  name: string;
  status: "added" | "updated" | "unchanged" | "failed";
  slug?: string;
  url?: string;
  error?: string;
  warnings: ParsedAnalysis["warnings"];
  record?: ParsedAnalysis;
}

/** A safe stored name: the base name only, printable characters, at most 120 of them. */
export function uploadSourcePath(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean =
    base
      .replace(/[^\w .+()-]/g, "_")
      .replace(/^\.+/, "")
      .slice(0, 120) || "upload.md";
  return `upload:${clean}`;
}

// One pool for the server's lifetime (kept on globalThis so dev reloads do not start more), with at
// most two workers: uploads are rare, and the server's own thread stays free to answer requests.
const POOL_KEY = Symbol.for("faultline.uploadParsePool");

function uploadParsePool(): ParsePool {
  const holder = globalThis as typeof globalThis & { [POOL_KEY]?: ParsePool };
  holder[POOL_KEY] ??= new ParsePool({ workers: Math.max(1, Math.min(2, defaultWorkerCount())) }).unref();
  return holder[POOL_KEY];
}

/** Parses every file in a parse worker (in parallel when there are several workers). */
export function parseUploads(files: UploadedFile[]): Promise<PreparedAnalysis[]> {
  const pool = uploadParsePool();
  return Promise.all(
    files.map((file) => pool.prepare({ sourcePath: uploadSourcePath(file.name), contentHash: hashBytes(file.bytes), bytes: file.bytes })),
  );
}

export async function ingestUploads(files: UploadedFile[]): Promise<UploadResult[]> {
  // Parse first, then open the database: no connection or lock is held while documents parse.
  const parsed = await parseUploads(files);
  if (isPostgres()) return storeUploadsPostgres(files, parsed);
  // A short busy timeout: an upload should answer "busy, try again" rather than hang while an ingest writes.
  const db = openSqlite(undefined, { busyTimeoutMs: 3000 });
  try {
    const store = new AnalysisStore(db, { parserVersion: parserVersion() });
    store.syncGaps(readGapDefinitions());
    const known = store.knownSources();
    return files.map((file, index): UploadResult => {
      const prepared = parsed[index]!;
      const { sourcePath, contentHash } = prepared;
      const existing = known.get(sourcePath);
      const base = { name: file.name, warnings: prepared.record.warnings, record: prepared.record };
      if (existing && store.isCurrent(existing, contentHash)) {
        return { ...base, status: "unchanged", slug: existing.slug, url: analysisHref(existing.slug) };
      }
      const [result] = store.writeBatch([prepared]);
      if (!result || result.status === "failed") {
        // A document that could not be parsed is still stored with its raw text (or its previous
        // analysis kept): link it so the uploader can see it.
        const stored = result?.slug ? { slug: result.slug, url: analysisHref(result.slug) } : {};
        return { ...base, ...stored, status: "failed", error: result?.error ?? "write failed" };
      }
      return { ...base, status: result.status, slug: result.slug, url: analysisHref(result.slug!) };
    });
  } finally {
    db.close();
  }
}

/** The same on PostgreSQL: one write batch per file, each waiting its turn behind other writers. */
async function storeUploadsPostgres(files: UploadedFile[], parsed: PreparedAnalysis[]): Promise<UploadResult[]> {
  const store = new PgAnalysisStore(undefined, { parserVersion: parserVersion() });
  await store.syncGaps(readGapDefinitions());
  const known = await store.knownSources();
  const results: UploadResult[] = [];
  for (const [index, file] of files.entries()) {
    const prepared = parsed[index]!;
    const existing = known.get(prepared.sourcePath);
    const base = { name: file.name, warnings: prepared.record.warnings, record: prepared.record };
    if (existing && store.isCurrent(existing, prepared.contentHash)) {
      results.push({ ...base, status: "unchanged", slug: existing.slug, url: analysisHref(existing.slug) });
      continue;
    }
    const [result] = await store.writeBatch([prepared]);
    if (!result || result.status === "failed") {
      const stored = result?.slug ? { slug: result.slug, url: analysisHref(result.slug) } : {};
      results.push({ ...base, ...stored, status: "failed", error: result?.error ?? "write failed" });
    } else results.push({ ...base, status: result.status, slug: result.slug, url: analysisHref(result.slug!) });
  }
  return results;
}
