// Worker thread body: prepares the documents it is sent, one message per document, and says when it
// is ready (the pool starts a document's time limit only once its worker has loaded the parser).
import { parentPort } from "node:worker_threads";
import { prepareAnalysis, type SourceFile } from "./prepare";
import { env } from "../env";

// Test-only hooks, off unless FAULTLINE_TEST_HOOKS=1: a document containing one of these lines makes
// the worker hang or exhaust its memory, so tests of the time and memory limits do not depend on some
// parser pattern staying slow. Never set in production.
const HOOKS = env().FAULTLINE_TEST_HOOKS;
const HANG = "<!-- faultline-test: hang -->";
const EXHAUST_MEMORY = "<!-- faultline-test: exhaust-memory -->";

function runTestHooks(bytes: Uint8Array): void {
  const text = Buffer.from(bytes).toString("latin1");
  if (text.includes(HANG)) for (;;);
  if (text.includes(EXHAUST_MEMORY)) {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${hoard.length}`));
  }
}

parentPort?.on("message", (file: SourceFile & { id: number }) => {
  try {
    if (HOOKS) runTestHooks(file.bytes);
    parentPort?.postMessage({ id: file.id, prepared: prepareAnalysis(file) });
  } catch (error) {
    parentPort?.postMessage({ id: file.id, error: (error as Error).stack ?? String(error) });
  }
});

parentPort?.postMessage({ ready: true });
