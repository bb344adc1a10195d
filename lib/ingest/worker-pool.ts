// A small pool of parse workers (worker_threads) so parsing uses every core while the main thread
// writes to the database. Falls back to in-process parsing for one worker or tiny jobs.
import os from "node:os";
import { Worker } from "node:worker_threads";
import { prepareAnalysis, type PreparedAnalysis, type SourceFile } from "./prepare";

type Pending = { resolve: (p: PreparedAnalysis) => void; reject: (e: Error) => void };
type Reply = { id: number; prepared?: PreparedAnalysis; error?: string };

export interface Preparer {
  prepare(file: SourceFile): Promise<PreparedAnalysis>;
  close(): Promise<void>;
}

export function defaultWorkerCount(): number {
  const env = Number(process.env.FAULTLINE_WORKERS);
  if (Number.isInteger(env) && env >= 0) return env;
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
}

/** Parses in this thread; used for small jobs where starting workers costs more than it saves. */
export function inProcessPreparer(): Preparer {
  return {
    prepare: async (file) => prepareAnalysis(file),
    close: async () => {},
  };
}

export function workerPreparer(count = defaultWorkerCount()): Preparer {
  const workers: { worker: Worker; busy: number }[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const entry = new URL(import.meta.url.endsWith(".ts") ? "./parse-worker.ts" : "./parse-worker.js", import.meta.url);
  for (let i = 0; i < count; i++) {
    const worker = new Worker(entry, { execArgv: entry.pathname.endsWith(".ts") ? ["--import", "tsx"] : [] });
    const slot = { worker, busy: 0 };
    worker.on("message", (reply: Reply) => {
      slot.busy--;
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (!waiter) return;
      if (reply.prepared) waiter.resolve(reply.prepared);
      else waiter.reject(new Error(reply.error ?? "worker failed"));
    });
    worker.on("error", (error) => {
      for (const [id, waiter] of pending) {
        waiter.reject(error);
        pending.delete(id);
      }
    });
    workers.push(slot);
  }
  return {
    prepare(file) {
      const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ ...file, id });
      });
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
