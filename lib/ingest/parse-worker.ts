// Worker thread body: prepares the documents it is sent, one message per document.
import { parentPort } from "node:worker_threads";
import { prepareAnalysis, type SourceFile } from "./prepare";

parentPort?.on("message", (file: SourceFile & { id: number }) => {
  try {
    parentPort?.postMessage({ id: file.id, prepared: prepareAnalysis(file) });
  } catch (error) {
    parentPort?.postMessage({ id: file.id, error: (error as Error).stack ?? String(error) });
  }
});
