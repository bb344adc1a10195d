// Parse workers (worker_threads) so parsing uses every core while the main thread writes to the
// database, each document under a time and memory limit: a document that hangs or crashes its worker
// comes back as a failed analysis instead of stalling or killing the ingest.
import os from "node:os";
import { ParsePool, type ParsePoolOptions } from "./parse-pool";
import { prepareAnalysis, type PreparedAnalysis, type SourceFile } from "./prepare";
import { env } from "../env";

export interface Preparer {
  prepare(file: SourceFile): Promise<PreparedAnalysis>;
  close(): Promise<void>;
}

export function defaultWorkerCount(): number {
  const configured = env().FAULTLINE_WORKERS;
  if (configured !== undefined) return configured;
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

/** Parses in this thread, with no time limit: only for tests and `--workers 0`. */
export function inProcessPreparer(): Preparer {
  return {
    prepare: async (file) => prepareAnalysis(file),
    close: async () => {},
  };
}

/** Parses in worker threads with a per-document time and memory limit (see parse-pool.ts). */
export function workerPreparer(count = defaultWorkerCount(), options: Omit<ParsePoolOptions, "workers"> = {}): Preparer {
  const pool = new ParsePool({ workers: count, ...options });
  return { prepare: (file) => pool.prepare(file), close: () => pool.close() };
}
