// Sync semantics: upsert analyses by source path and content hash. Unchanged files are skipped
// without parsing, changed files replace their analysis in one transaction, --prune removes
// analyses whose source file is gone. Safe to re-run and to interrupt.
import fs from "node:fs";
import { isPostgres } from "../db-url";
import { PgAnalysisStore } from "../data/pg-store";
import { AnalysisStore, type WriteResult } from "../data/store";
import { databaseFileGuard, DatabaseUnwritableError, openSqlite, type Sqlite } from "../data/sqlite";
import { parserVersion } from "./parser-version";
import { readGapDefinitions } from "./taxonomy-file";
import { listMarkdownFiles } from "./files";
import type { PreparedAnalysis, SourceFile } from "./prepare";
import { hashBytes, storedSourcePath } from "./source";
import { sourceKeys } from "./source-key";
import { inProcessPreparer, workerPreparer, defaultWorkerCount, type Preparer } from "./worker-pool";

export interface IngestProgress {
  done: number;
  total: number;
  sourcePath: string;
  status: "added" | "updated" | "unchanged" | "failed";
}

export interface IngestOptions {
  paths: string[];
  prune?: boolean;
  /**
   * Parse workers; 0 parses in this thread with no time limit (tests only). Default: one per core
   * (FAULTLINE_WORKERS), never more than there are documents to parse.
   */
  workers?: number;
  batchSize?: number;
  db?: Sqlite;
  onProgress?: (event: IngestProgress) => void;
  /** The parser version to record and compare (default: the digest of the parser and taxonomy in use). */
  parserVersion?: string;
  /** Wraps the parse workers (the bench's one-parse-per-distinct-text for --copies); ingest closes it. */
  wrapPreparer?: (preparer: Preparer) => Preparer;
}

export interface IngestSummary {
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  pruned: string[];
  /** Files that could not be read, parsed or written; `kept`: a changed file whose previous analysis stays. */
  failed: { sourcePath: string; error: string; kept?: boolean }[];
  warnings: { sourcePath: string; count: number }[];
  warningCount: number;
  slowest: { sourcePath: string; ms: number }[];
  results: WriteResult[];
  elapsedMs: number;
  /** Time the main thread spent writing to the database. */
  writeMs: number;
}

/** Parsed documents wait at most this long before they are written. */
const FLUSH_MS = 1000;

/** The first of `promises` to settle, or undefined after `ms`. */
async function raceWithDelay<T>(promises: Iterable<Promise<T>>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const delay = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms), undefined)));
  try {
    return await Promise.race([...promises, delay]);
  } finally {
    clearTimeout(timer);
  }
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  // PostgreSQL (DATABASE_URL=postgres://…) writes through its own store over the shared pool.
  const db = options.db ?? (isPostgres() ? null : openSqlite());
  // Stops the ingest if the database file is replaced or removed under it (writes would be lost).
  const guard = db ? databaseFileGuard(db) : () => {};
  const checkDatabaseFile = () => {
    try {
      guard();
    } catch (error) {
      // Closing checkpoints through the memory-mapped -shm file, which dies with SIGBUS once the
      // file is immutable: leave that connection to the process exit.
      if (db && !options.db && !(error instanceof DatabaseUnwritableError)) db.close();
      throw error;
    }
  };
  const storeOptions = { parserVersion: options.parserVersion ?? parserVersion() };
  const store = db ? new AnalysisStore(db, storeOptions) : new PgAnalysisStore(undefined, storeOptions);
  await store.syncGaps(readGapDefinitions());
  // Analyses stored before link identities (migration 0010) get theirs once, before anything is served.
  if (store instanceof AnalysisStore) store.identity.upgrade();
  const listing = listMarkdownFiles(options.paths);
  const keyOf = sourceKeys(options.paths, listing.files);
  const known = await store.knownSources();
  const summary: IngestSummary = {
    files: listing.files.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    pruned: [],
    warnings: [],
    warningCount: 0,
    failed: listing.missing.map((m) => ({ sourcePath: m.path, error: m.reason })),
    slowest: [],
    results: [],
    elapsedMs: 0,
    writeMs: 0,
  };
  const total = listing.files.length;
  let done = 0;
  const report = (sourcePath: string, status: IngestProgress["status"]) =>
    options.onProgress?.({ done: ++done, total, sourcePath, status });

  // Hash everything first: cheap, and it tells how much parsing there is. Bytes are not kept: a
  // changed file is read again when its turn comes, so memory does not grow with the corpus.
  const toParse: { file: string; sourcePath: string }[] = [];
  const seen = new Set<string>();
  const read = (file: string, sourcePath: string): SourceFile | null => {
    try {
      const bytes = fs.readFileSync(file);
      return { sourcePath, contentHash: hashBytes(bytes), bytes };
    } catch (error) {
      summary.failed.push({ sourcePath, error: `cannot read: ${(error as Error).message}` });
      report(sourcePath, "failed");
      return null;
    }
  };
  for (const file of listing.files) {
    const sourcePath = storedSourcePath(file);
    seen.add(sourcePath);
    const source = read(file, sourcePath);
    if (!source) continue;
    const stored = known.get(sourcePath);
    if (stored && store.isCurrent(stored, source.contentHash)) {
      summary.unchanged++;
      report(sourcePath, "unchanged");
      continue;
    }
    toParse.push({ file, sourcePath });
  }

  // Always workers when there is parsing to do, even for one file: only a worker can be stopped when
  // a document runs past its time limit (FAULTLINE_PARSE_TIMEOUT_MS).
  const workers = options.workers ?? Math.min(defaultWorkerCount(), toParse.length);
  const base: Preparer = workers > 0 ? workerPreparer(workers) : inProcessPreparer();
  const preparer = options.wrapPreparer ? options.wrapPreparer(base) : base;
  const batchSize = options.batchSize ?? 50;
  const timings: { sourcePath: string; ms: number }[] = [];
  let batch: PreparedAnalysis[] = [];
  let batchStarted = 0;
  const flush = async () => {
    if (!batch.length) return;
    const started = performance.now();
    checkDatabaseFile();
    const results = await store.writeBatch(batch);
    checkDatabaseFile();
    summary.writeMs += performance.now() - started;
    for (const result of results) {
      summary.results.push(result);
      if (result.status === "failed")
        summary.failed.push({
          sourcePath: result.sourcePath,
          error: result.error ?? "write failed",
          ...(result.kept ? { kept: true } : {}),
        });
      else summary[result.status]++;
      report(result.sourcePath, result.status);
    }
    batch = [];
  };
  try {
    // Keep a bounded window of documents in flight so memory stays flat on large sets.
    const window = Math.max(4, workers * 4);
    const inFlight = new Map<number, Promise<{ index: number; prepared?: PreparedAnalysis; error?: string }>>();
    let next = 0;
    const launch = () => {
      // Skips files that became unreadable since they were hashed (reported as failed by read).
      for (; next < toParse.length && inFlight.size < window; next++) {
        const index = next;
        const source = read(toParse[index]!.file, toParse[index]!.sourcePath);
        if (!source) continue;
        inFlight.set(
          index,
          preparer.prepare(source).then(
            (prepared) => ({ index, prepared }),
            (error: Error) => ({ index, error: error.message }),
          ),
        );
      }
    };
    launch();
    while (inFlight.size) {
      // Documents parsed so far are written at least every FLUSH_MS, so one slow document never
      // holds back the ones already parsed.
      const settled = batch.length
        ? await raceWithDelay(inFlight.values(), batchStarted + FLUSH_MS - performance.now())
        : await Promise.race(inFlight.values());
      if (!settled) {
        await flush();
        continue;
      }
      inFlight.delete(settled.index);
      launch();
      const file = toParse[settled.index]!;
      if (settled.prepared) {
        const prepared = settled.prepared;
        prepared.sourceKey = keyOf.get(file.file);
        if (!prepared.failed) timings.push({ sourcePath: prepared.sourcePath, ms: prepared.parseMs });
        if (prepared.record.warnings.length) {
          summary.warnings.push({ sourcePath: prepared.sourcePath, count: prepared.record.warnings.length });
          summary.warningCount += prepared.record.warnings.length;
        }
        if (!batch.length) batchStarted = performance.now();
        batch.push(prepared);
        if (batch.length >= batchSize || performance.now() - batchStarted >= FLUSH_MS) await flush();
      } else {
        summary.failed.push({ sourcePath: file.sourcePath, error: settled.error ?? "parse failed" });
        report(file.sourcePath, "failed");
      }
    }
    await flush();
  } finally {
    await preparer.close();
  }

  if (options.prune) {
    const roots = options.paths.map((p) => storedSourcePath(p));
    const under = (sourcePath: string) => roots.some((root) => sourcePath === root || sourcePath.startsWith(root.replace(/\/?$/, "/")));
    summary.pruned = await store.prune((sourcePath) => !seen.has(sourcePath) && !sourcePath.startsWith("upload:") && under(sourcePath));
  }
  if (store instanceof PgAnalysisStore) await store.finishRun();
  checkDatabaseFile();
  summary.slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 5);
  summary.elapsedMs = performance.now() - started;
  if (db && !options.db) db.close();
  return summary;
}
