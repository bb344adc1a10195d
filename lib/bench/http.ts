// `npm run bench -- --http`: throughput of the served app under concurrent load (issue 19). Builds a
// database from real reports (--corpus DIR, --copies N), serves it with `npm start` (production build,
// the same prepare-and-serve path), drives autocannon with 16 connections for --seconds per page and
// prints req/s, p50, p99, non-2xx and the bytes of HTML and RSC payload of each page. With --compare it
// first serves the way the app served before issue 19 (one process, no cache: FAULTLINE_PROCESSES=1
// FAULTLINE_CACHE=off) and then as `npm start` does now, back to back, and prints the ratios. With
// --during-ingest N it also loads rotating pages while `npm run ingest` adds N more documents to the
// same database, then checks that no page is stale once the ingest has ended.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { childEnv, env } from "../env";
import { listMarkdownFiles } from "../ingest/files";
import { copyCorpus, startServer } from "./http-server";

export interface HttpBenchOptions {
  corpus: string;
  /** Every document is served this many times (copy-1/, copy-2/, … with a marker so none is identical). */
  copies: number;
  limit?: number;
  seconds: number;
  connections: number;
  port: number;
  compare: boolean;
  /** Documents to ingest while loading (0: skip that table). */
  duringIngest: number;
  dir: string;
  log?: (line: string) => void;
}

export interface PageResult {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  htmlBytes: number;
  rscBytes: number;
}

/**
 * Page weight budgets: the RSC payload (what a client-side navigation fetches) and the HTML document
 * of a first load, which embeds that same payload for hydration and so is always the larger. Pages not
 * named have none. /scores shows a fixed amount whatever the corpus size (50 rows, capped lists, the
 * scatter's dots as paths), so its budget holds at any scale.
 */
export const PAGE_BUDGET_BYTES: Record<string, { html: number; rsc: number }> = { "/scores": { html: 250 * 1024, rsc: 150 * 1024 } };

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** The slug of the analysis with the median number of failures (the "median real analysis page"). */
async function medianAnalysisPath(): Promise<string> {
  const { prisma } = await import("../db");
  const rows = await prisma.analysis.findMany({ select: { slug: true, _count: { select: { failures: true } } } });
  if (!rows.length) throw new Error("the bench database has no analyses");
  rows.sort((a, b) => a._count.failures - b._count.failures || a.slug.localeCompare(b.slug));
  const median = rows[Math.floor(rows.length / 2)]!;
  return `/analyses/${encodeURIComponent(median.slug)}`;
}

async function bodyBytes(url: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(url, { headers });
  return (await res.arrayBuffer()).byteLength;
}

async function load(url: string, opts: HttpBenchOptions, requests?: { path: string }[]) {
  return autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: requests?.map((r) => ({ method: "GET" as const, path: r.path })),
  });
}

async function measurePages(base: string, pages: { name: string; path: string }[], opts: HttpBenchOptions): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of pages) {
    const url = base + page.path;
    // One warm request each (compiles nothing in production, but fills any cache like a first reader).
    const htmlBytes = await bodyBytes(url);
    const rscBytes = page.path.startsWith("/api/") ? 0 : await bodyBytes(url, { RSC: "1" });
    const r = await load(url, opts);
    results.push({
      name: page.name,
      path: page.path,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      htmlBytes,
      rscBytes,
    });
  }
  return results;
}

export function formatTable(title: string, rows: PageResult[]): string {
  const lines = [title, `| page | req/s | p50 | p99 | non-2xx | errors | HTML | RSC |`, `|---|---|---|---|---|---|---|---|`];
  for (const r of rows) {
    const budget = PAGE_BUDGET_BYTES[r.name];
    const over = !budget
      ? ""
      : r.htmlBytes > budget.html || r.rscBytes > budget.rsc
        ? ` (budget ${kb(budget.html)} / ${kb(budget.rsc)} MISSED)`
        : ` (budget ${kb(budget.html)} / ${kb(budget.rsc)} met)`;
    lines.push(
      `| \`${r.name}\` | ${r.rps.toFixed(1)} | ${r.p50} ms | ${r.p99} ms | ${r.non2xx} | ${r.errors} | ${kb(r.htmlBytes)} | ${r.rscBytes ? kb(r.rscBytes) : "–"}${over} |`,
    );
  }
  return lines.join("\n");
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}

/** Rotating pages while `npm run ingest` adds documents; then the overview must count them all. */
async function duringIngest(
  base: string,
  pages: { name: string; path: string }[],
  opts: HttpBenchOptions,
  round: number,
  log: (line: string) => void,
) {
  // Under the served folder, so the next `npm start` of this bench prunes them once they are deleted.
  const extra = path.join(opts.dir, "docs", `during-${round}`);
  const copied = copyCorpus(
    opts.corpus,
    extra,
    Math.ceil(opts.duringIngest / Math.max(1, listMarkdownFiles([path.resolve(opts.corpus)]).files.length)),
    opts.duringIngest,
    1000 * round,
  );
  const before = await analysisTotal(base);
  const ingestStarted = performance.now();
  const ingest = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/ingest.ts", extra], {
    env: childEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let ingestOut = "";
  ingest.stdout.on("data", (d: Buffer) => (ingestOut += d.toString()));
  ingest.stderr.on("data", (d: Buffer) => (ingestOut += d.toString()));
  const ingestDone = new Promise<number>((resolve) => ingest.on("exit", (code) => resolve(code ?? -1)));
  let ingestMs = 0;
  void ingestDone.then(() => (ingestMs = performance.now() - ingestStarted));
  const rotation = pages.filter((p) => !p.path.startsWith("/api/")).slice(0, 4);
  const results: { rps: number; p50: number; p99: number; non2xx: number; errors: number; seconds: number }[] = [];
  // Load in rounds of --seconds until the ingest has finished.
  let running = true;
  void ingestDone.then(() => (running = false));
  while (running) {
    const t0 = performance.now();
    const r = await load(base + rotation[0]!.path, opts, rotation);
    results.push({
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      seconds: (performance.now() - t0) / 1000,
    });
  }
  const code = await ingestDone;
  if (code !== 0) throw new Error(`the ingest during load failed (exit ${code}):\n${ingestOut.slice(-2000)}`);
  fs.rmSync(extra, { recursive: true, force: true });
  const after = await analysisTotal(base);
  const overview = await fetch(base + "/").then((r) => r.text());
  const shown = overview.includes(`>${after}<`);
  const weighted = (key: "rps") => results.reduce((s, r) => s + r[key] * r.seconds, 0) / results.reduce((s, r) => s + r.seconds, 0);
  const non2xx = results.reduce((s, r) => s + r.non2xx, 0);
  const errors = results.reduce((s, r) => s + r.errors, 0);
  log(
    `| ${rotation.map((p) => `\`${p.name}\``).join(", ")} (rotating) | ${weighted("rps").toFixed(1)} | ${Math.max(...results.map((r) => r.p50))} ms (worst round) | ${Math.max(...results.map((r) => r.p99))} ms (worst round) | ${non2xx} | ${errors} |`,
  );
  log(
    `ingest of ${copied.files} documents took ${(ingestMs / 1000).toFixed(1)} s under load; analyses ${before} -> ${after} (+${after - before}); ` +
      `the overview at the next request shows ${after}: ${shown ? "yes (0 stale)" : "NO (stale)"}`,
  );
  return { stale: !shown || after - before !== copied.files };
}

async function analysisTotal(base: string): Promise<number> {
  const res = await fetch(base + "/api/analyses?pageSize=1");
  const body = (await res.json()) as { total: number };
  return body.total;
}

export async function runHttpBench(opts: HttpBenchOptions): Promise<void> {
  const log = opts.log ?? console.log;
  const docDir = path.join(opts.dir, "docs");
  const copied = copyCorpus(opts.corpus, docDir, opts.copies, opts.limit);
  log(
    `Copied ${copied.files} documents (${(copied.bytes / 1024 / 1024).toFixed(1)} MB; ${opts.copies} cop${opts.copies === 1 ? "y" : "ies"} of ${opts.corpus}) to ${docDir}`,
  );
  // Its own build folder unless NEXT_DIST_DIR names another: a bench build must not replace the one `npm start` serves.
  const distDir = env().NEXT_DIST_DIR;
  const common = { FAULTLINE_CONTENT: docDir, NEXT_DIST_DIR: distDir === ".next" ? ".next-bench" : distDir };
  const modes: { label: string; env: Record<string, string> }[] = [];
  if (opts.compare)
    modes.push({
      label: "BEFORE (one process, no cache: FAULTLINE_PROCESSES=1 FAULTLINE_CACHE=off)",
      env: { ...common, FAULTLINE_PROCESSES: "1", FAULTLINE_CACHE: "off" },
    });
  modes.push({ label: `NOW (npm start defaults: ${env().FAULTLINE_PROCESSES ?? "one process per core"}, cache on)`, env: { ...common } });

  const tables: PageResult[][] = [];
  let stale = false;
  for (const [round, mode] of modes.entries()) {
    const server = await startServer(opts, mode.env, log);
    try {
      const { prisma } = await import("../db");
      const [analyses, failures] = await Promise.all([prisma.analysis.count(), prisma.failure.count()]);
      const pages = [
        { name: "/failures?severity=critical&gap=secrets", path: "/failures?severity=critical&gap=secrets" },
        { name: "/analyses", path: "/analyses" },
        { name: "/", path: "/" },
        { name: "median analysis", path: await medianAnalysisPath() },
        { name: "/scores", path: "/scores" },
        { name: "/api/failures?severity=critical", path: "/api/failures?severity=critical" },
      ];
      log(
        `\n${mode.label}: ${analyses} analyses, ${failures} failures, ${opts.connections} connections, ${opts.seconds} s per page; load average before: ${loadAverage()}`,
      );
      const rows = await measurePages(server.base, pages, opts);
      tables.push(rows);
      log(formatTable(`${mode.label} — load average after: ${loadAverage()} (median analysis: ${pages[3]!.path})`, rows));
      if (opts.duringIngest > 0) {
        log(`\nDuring an ingest of ${opts.duringIngest} documents (${mode.label}); rounds of ${opts.seconds} s until it ends:`);
        log(`| pages | req/s | p50 | p99 | non-2xx | errors |\n|---|---|---|---|---|---|`);
        stale = (await duringIngest(server.base, pages, opts, round + 1, log)).stale || stale;
      }
    } finally {
      await server.stop();
    }
  }
  if (tables.length === 2) {
    log(`\nRatio NOW / BEFORE (same run, back to back; load average now ${loadAverage()}):`);
    log(`| page | req/s | p50 | p99 |\n|---|---|---|---|`);
    for (const [i, now] of tables[1]!.entries()) {
      const before = tables[0]![i]!;
      const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : "–");
      log(`| \`${now.name}\` | ${ratio(now.rps, before.rps)} | ${ratio(now.p50, before.p50)} | ${ratio(now.p99, before.p99)} |`);
    }
  }
  if (stale) throw new Error("a page was stale after the ingest ended");
}
