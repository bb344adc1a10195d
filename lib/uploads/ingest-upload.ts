// Stores uploaded Markdown files through the same prepare-and-store path as `npm run ingest`.
// Uploaded names are labels only: they never become file-system paths.
import "server-only";
import { AnalysisStore } from "../data/store";
import { openSqlite } from "../data/sqlite";
import { prepareAnalysis } from "../ingest/prepare";
import { hashBytes } from "../ingest/source";
import { readGapDefinitions } from "../ingest/taxonomy-file";
import type { ParsedAnalysis } from "../parser/types";

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
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
  const clean = base.replace(/[^\w .+()-]/g, "_").replace(/^\.+/, "").slice(0, 120) || "upload.md";
  return `upload:${clean}`;
}

export function ingestUploads(files: UploadedFile[]): UploadResult[] {
  // A short busy timeout: an upload should answer "busy, try again" rather than hang while an ingest writes.
  const db = openSqlite(undefined, { busyTimeoutMs: 3000 });
  try {
    const store = new AnalysisStore(db);
    store.syncGaps(readGapDefinitions());
    const known = store.knownSources();
    return files.map((file): UploadResult => {
      const sourcePath = uploadSourcePath(file.name);
      const contentHash = hashBytes(file.bytes);
      const existing = known.get(sourcePath);
      const prepared = prepareAnalysis({ sourcePath, contentHash, bytes: file.bytes });
      const base = { name: file.name, warnings: prepared.record.warnings, record: prepared.record };
      if (existing?.contentHash === contentHash) {
        return { ...base, status: "unchanged", slug: existing.slug, url: `/analyses/${existing.slug}` };
      }
      const [result] = store.writeBatch([prepared]);
      if (!result || result.status === "failed") return { ...base, status: "failed", error: result?.error ?? "write failed" };
      return { ...base, status: result.status, slug: result.slug, url: `/analyses/${result.slug}` };
    });
  } finally {
    db.close();
  }
}
