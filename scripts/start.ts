// `npm start`: database (migrations when missing) → ingest content/ (unchanged files skipped) →
// `next build` only when sources changed → `next start` on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "../lib/build-fingerprint";
import { describeDatabase } from "../lib/db-url";
import { migrateDatabase } from "../lib/data/migrations";
import { ingest } from "../lib/ingest/ingest";
import { formatSummary } from "../lib/ingest/report";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** `build: false` serves whatever build is there (a second server beside one that just built it). */
export async function prepareApp({ content = process.env.FAULTLINE_CONTENT || "content", build = true } = {}): Promise<void> {
  const t0 = Date.now();
  console.log(`Database: ${describeDatabase()}`);
  await migrateDatabase();
  const summary = await ingest({ paths: content.split(","), prune: true });
  console.log(formatSummary(summary));
  if (!build) {
    console.log("Serving the existing build.");
  } else if (buildIsCurrent()) {
    console.log("Build is current, skipping `next build`.");
  } else {
    console.log("Building the app (`next build`)…");
    const fingerprint = sourceFingerprint();
    const result = spawnSync(bin("next"), ["build"], { stdio: "inherit", env });
    if (result.status !== 0) throw new Error("next build failed");
    recordBuild(fingerprint);
  }
  console.log(`Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

export function serve(): void {
  const port = process.env.PORT || "3000";
  const host = process.env.HOST || "0.0.0.0";
  const server = spawn(bin("next"), ["start", "-p", port, "-H", host], { stdio: "inherit", env });
  console.log(`Serving Faultline on http://localhost:${port}`);
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareApp().then(serve, (error: Error) => {
    console.error(`start: ${error.message}`);
    process.exit(1);
  });
}
