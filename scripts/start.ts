// `npm start`: database (migrations when missing) → ingest content/ (unchanged files skipped) →
// `next build` only when sources changed → serve on PORT (default 3000) from FAULTLINE_PROCESSES
// processes (default: one per core), each keeping rendered pages by data version (lib/cache/page-cache.ts).
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "../lib/build-fingerprint";
import { describeDatabase } from "../lib/db-url";
import { migrateDatabase } from "../lib/data/migrations";
import { childEnv, env, parseEnv } from "../lib/env";
import { withPageCache } from "../lib/cache/page-cache";
import { ingest } from "../lib/ingest/ingest";
import { formatSummary } from "../lib/ingest/report";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const nextEnv = () => childEnv({ NEXT_TELEMETRY_DISABLED: "1" });

/** `build: false` serves whatever build is there (a second server beside one that just built it). */
export async function prepareApp({ content = env().FAULTLINE_CONTENT, build = true } = {}): Promise<void> {
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
    const result = spawnSync(bin("next"), ["build"], { stdio: "inherit", env: nextEnv() });
    if (result.status !== 0) throw new Error("next build failed");
    recordBuild(fingerprint);
  }
  console.log(`Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

/**
 * How many server processes `npm start` runs: FAULTLINE_PROCESSES, else one per core
 * (os.availableParallelism()). (FAULTLINE_WORKERS is the ingest's parse threads, 0 allowed there.)
 * `value` (a FAULTLINE_PROCESSES value to judge instead of this process's) is read by lib/env.ts's
 * schema, which throws naming the variable when it is not a whole number from 1 to 256.
 */
export function workerCount(value?: string): number {
  const processes = value === undefined ? env().FAULTLINE_PROCESSES : parseEnv({ FAULTLINE_PROCESSES: value }).FAULTLINE_PROCESSES;
  return processes ?? Math.max(1, os.availableParallelism());
}

/**
 * Serves the prepared app on PORT (default 3000) and HOST: a Node cluster whose workers (one per core
 * by default, FAULTLINE_PROCESSES sets how many) each run the production Next.js server (the
 * documented custom-server API) behind the page cache on the same port, the primary handing out
 * connections; a worker that dies is replaced, SIGTERM/SIGINT stop them all and then the primary.
 * Migrations and the start-up ingest ran once, in this (primary) process, before; workers only serve.
 */
export function serve(): void {
  const port = String(env().PORT);
  const host = env().HOST;
  let workers: number;
  try {
    workers = workerCount();
  } catch (error) {
    console.error(`start: ${(error as Error).message}`);
    process.exit(2);
  }
  // Workers run this file (not whatever script called serve(), e.g. e2e/serve.ts) in worker mode.
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: [] });
  const workerEnv = { ...nextEnv(), NODE_ENV: "production", FAULTLINE_SERVE_WORKER: "1", PORT: port, HOST: host };
  let stopping = false;
  const recentDeaths: number[] = [];
  const fork = () => cluster.fork(workerEnv);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && recentDeaths[0]! < now - 60_000) recentDeaths.shift();
    // A worker that cannot start at all (port taken, broken build) would die forever: stop instead.
    if (recentDeaths.length > workers * 3) {
      console.error(`start: server workers keep dying (${recentDeaths.length} in a minute, last ${signal ?? `exit ${code}`}); stopping.`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      process.exitCode = 1;
      setTimeout(() => process.exit(1), 10_000).unref();
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    console.error(`start: server worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting another.`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    if (!alive.length) process.exit(0);
    for (const w of alive) w?.process.kill(signal);
    // Requests in flight get a few seconds; then whatever is left is killed.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(0);
    }, 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  for (let i = 0; i < workers; i++) fork();
  const count = workers === 1 ? "1 process" : `${workers} processes${env().FAULTLINE_PROCESSES ? "" : ", one per core"}`;
  console.log(`Serving Faultline on http://localhost:${port} (${count}; FAULTLINE_PROCESSES sets how many)`);
}

/** One cluster worker: the production Next.js request handler on the shared port. */
async function serveWorker(): Promise<void> {
  const { PORT: port, HOST: hostname } = env();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = withPageCache(app.getRequestHandler());
  await app.prepare();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 8_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (cluster.isWorker && env().FAULTLINE_SERVE_WORKER) {
    serveWorker().catch((error: Error) => {
      console.error(`start (worker ${process.pid}): ${error.stack ?? error.message}`);
      process.exit(1);
    });
  } else {
    prepareApp().then(serve, (error: Error) => {
      console.error(`start: ${error.message}`);
      process.exit(1);
    });
  }
}
