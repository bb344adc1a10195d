// `npm run dev`: migrate, ingest content/, then `next dev` with ingest in watch mode beside it,
// so editing a report shows on the next page reload.
import { spawn } from "node:child_process";
import path from "node:path";
import { migrateDatabase } from "../lib/data/migrations";
import { childEnv, env as readEnv } from "../lib/env";

await migrateDatabase();
const { FAULTLINE_CONTENT: content, PORT: port } = readEnv();
const env = childEnv({ NEXT_TELEMETRY_DISABLED: "1" });
const children = [
  spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/ingest.ts", ...content.split(","), "--prune", "--watch"], {
    stdio: "inherit",
    env,
  }),
  spawn(path.resolve("node_modules/.bin/next"), ["dev", "-p", String(port)], { stdio: "inherit", env }),
];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children)
  child.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
