// Worker bootstrap: registers tsx's loader inside the worker thread, then loads the TypeScript body.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
