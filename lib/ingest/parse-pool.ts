// Parse workers with a time and memory limit per document. Each worker parses one document at a
// time, so a document that runs past FAULTLINE_PARSE_TIMEOUT_MS is known exactly: its worker is
// terminated and replaced, and the document comes back as a failed analysis (its raw text and a
// `parse-timeout` warning) instead of stalling everything behind it. A worker that dies (out of
// memory under its resourceLimits, or a crash) gives a `parser-error` the same way. Used by ingest
// and by uploads, so neither parses on the thread that writes or serves requests.
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { failedAnalysis, type PreparedAnalysis, type SourceFile } from "./prepare";
import { env } from "../env";

export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;

/** The workers cannot start at all (a broken checkout or loader): nothing can be parsed. */
export class ParseWorkersUnavailableError extends Error {}
export const DEFAULT_PARSE_MEMORY_MB = 1024;

export interface ParsePoolOptions {
  workers: number;
  /** Wall-clock limit per document, from the moment a worker receives it. */
  timeoutMs?: number;
  /** Old-generation heap limit of each worker (V8 resourceLimits). */
  memoryMb?: number;
}

export function parseTimeoutMs(): number {
  return env().FAULTLINE_PARSE_TIMEOUT_MS ?? DEFAULT_PARSE_TIMEOUT_MS;
}

export function parseMemoryMb(): number {
  return env().FAULTLINE_PARSE_MEMORY_MB ?? DEFAULT_PARSE_MEMORY_MB;
}

type Task = { file: SourceFile; resolve: (p: PreparedAnalysis) => void; reject: (e: Error) => void };
type Reply = { ready?: true; id?: number; prepared?: PreparedAnalysis; error?: string };
type Slot = { worker: Worker; ready: boolean; task: { id: number; task: Task; timer: NodeJS.Timeout } | null; gone: boolean };

/**
 * Where the worker bootstrap lives. Resolved at run time from this module or, inside the Next.js
 * server bundle (where this module is a compiled chunk), from the project root; the name is kept out
 * of a `new URL("…", import.meta.url)` literal so no bundler tries to bundle the worker.
 */
function workerEntry(): string {
  const name = ["parse-worker-entry", "mjs"].join(".");
  try {
    const here = path.dirname(new URL(import.meta.url).pathname);
    if (fs.existsSync(path.join(here, name))) return path.join(here, name);
  } catch {
    // import.meta.url is not a file URL in some bundles: fall back to the project root.
  }
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "ingest", name);
}

// Parsing allocates a great deal of short-lived objects (micromark events, mdast nodes). A young
// generation larger than V8's default means far fewer scavenges; measured on 600 bench documents with
// two workers: 15.0 s at the default, 12.9 s at 128 MB (256 MB was no better). Never more than an
// eighth of the old generation, though: with a small memory limit (64 MB in tests) a 128 MB young
// generation can promote more in one collection than the old one may hold, and V8 then aborts the
// whole process instead of letting Node stop the worker with ERR_WORKER_OUT_OF_MEMORY (seen once in
// CI: "FATAL ERROR: Reached heap limit" from the memory-limit test, the test process gone).
const YOUNG_GENERATION_MB = 128;

/** The young generation for an old-generation limit of `memoryMb`. */
export function youngGenerationMb(memoryMb: number): number {
  return Math.max(4, Math.min(YOUNG_GENERATION_MB, Math.floor(memoryMb / 8)));
}

// Workers that die before they ever start (a broken checkout, a missing loader) would be replaced
// forever; after this many in a row the pool gives up and fails the queued documents with the reason.
const MAX_STARTUP_FAILURES = 3;

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly size: number;
  private readonly queue: Task[] = [];
  private readonly timeoutMs: number;
  private readonly memoryMb: number;
  private readonly entry = workerEntry();
  private nextId = 0;
  private startupFailures = 0;
  private closed = false;
  private lastStartupError = "";
  private unrefWorkers = false;

  constructor(options: ParsePoolOptions) {
    this.timeoutMs = options.timeoutMs ?? parseTimeoutMs();
    this.memoryMb = options.memoryMb ?? parseMemoryMb();
    this.size = Math.max(1, options.workers);
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  /** Parses one document in a worker. Resolves with a failed analysis on timeout or worker death. */
  prepare(file: SourceFile): Promise<PreparedAnalysis> {
    if (this.closed) return Promise.reject(new Error("the parse pool is closed"));
    // Workers that could not start are not retried in a loop, only when there is work again.
    this.refill();
    return new Promise((resolve, reject) => {
      this.queue.push({ file, resolve, reject });
      this.dispatch();
    });
  }

  /** Lets the process exit while workers idle (for the long-lived pool of the web server). */
  unref(): this {
    for (const slot of this.slots) slot.worker.unref();
    this.unrefWorkers = true;
    return this;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("the parse pool was closed"));
    // A copy: retire() removes each slot from this.slots as it goes.
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private spawn(): void {
    if (this.closed) return;
    const worker = new Worker(this.entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: youngGenerationMb(this.memoryMb) },
    });
    if (this.unrefWorkers) worker.unref();
    const slot: Slot = { worker, ready: false, task: null, gone: false };
    this.slots.push(slot);
    worker.on("message", (reply: Reply) => {
      if (reply.ready) {
        slot.ready = true;
        this.startupFailures = 0;
        this.dispatch();
        return;
      }
      const current = slot.task;
      if (!current || current.id !== reply.id) return;
      clearTimeout(current.timer);
      slot.task = null;
      if (reply.prepared) current.task.resolve(reply.prepared);
      else
        current.task.resolve(
          failedAnalysis(current.task.file, "parser-error", `The parser failed on this document: ${firstLine(reply.error)}`),
        );
      this.dispatch();
    });
    // "error" carries the reason (e.g. ERR_WORKER_OUT_OF_MEMORY); "exit" always follows it.
    let reason = "";
    worker.on("error", (error) => (reason = describeWorkerError(error, this.memoryMb)));
    worker.on("exit", (code) => this.died(slot, reason || `the parse worker exited with code ${code}`));
  }

  private died(slot: Slot, reason: string): void {
    if (slot.gone) return;
    slot.gone = true;
    this.slots.splice(this.slots.indexOf(slot), 1);
    const current = slot.task;
    slot.task = null;
    if (current) {
      clearTimeout(current.timer);
      current.task.resolve(failedAnalysis(current.task.file, "parser-error", `The parse worker died on this document: ${reason}.`));
    } else if (!slot.ready) {
      this.startupFailures++;
      this.lastStartupError = reason;
    }
    if (this.closed) return;
    if (this.startupFailures >= MAX_STARTUP_FAILURES) {
      const error = new ParseWorkersUnavailableError(`The parse workers cannot start (${this.entry}): ${this.lastStartupError}`);
      for (const task of this.queue.splice(0)) task.reject(error);
      this.startupFailures = 0; // the next document tries again (prepare() starts workers)
      return;
    }
    this.refill();
  }

  private refill(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!slot.ready || slot.task || slot.gone) continue;
      const task = this.queue.shift()!;
      const id = this.nextId++;
      const timer = setTimeout(() => this.timedOut(slot, id), this.timeoutMs);
      slot.task = { id, task, timer };
      slot.worker.postMessage({ ...task.file, id });
    }
  }

  private timedOut(slot: Slot, id: number): void {
    if (!slot.task || slot.task.id !== id) return;
    // The timer runs on this thread. When this thread was busy past the limit (a long synchronous
    // SQLite batch write), the worker's answer may already be waiting: messages are delivered before
    // setImmediate callbacks, so look again after them and time out only a document still unanswered.
    setImmediate(() => this.stopIfUnanswered(slot, id));
  }

  private stopIfUnanswered(slot: Slot, id: number): void {
    const current = slot.task;
    if (!current || current.id !== id) return;
    slot.task = null;
    const seconds = (this.timeoutMs / 1000).toFixed(1);
    current.task.resolve(
      failedAnalysis(
        current.task.file,
        "parse-timeout",
        `Parsing took longer than ${seconds} s (FAULTLINE_PARSE_TIMEOUT_MS) and was stopped.`,
      ),
    );
    // The worker is stuck in the parser: stop it and start a fresh one for the documents behind it.
    void this.retire(slot).then(() => this.refill());
  }

  private async retire(slot: Slot): Promise<void> {
    if (slot.gone) return;
    slot.gone = true;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    if (slot.task) clearTimeout(slot.task.timer);
    await slot.worker.terminate();
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? "unknown error").split("\n")[0] ?? "unknown error";
}

function describeWorkerError(error: Error, memoryMb: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return `it ran out of memory (limit ${memoryMb} MB, FAULTLINE_PARSE_MEMORY_MB)`;
  return firstLine(error.message);
}
