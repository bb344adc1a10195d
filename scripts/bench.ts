// `npm run bench [-- --docs N] [--seed S] [--corpus DIR [--limit N]] [--rounds R] [--speed-rounds R] [--keep]`:
// generates N real-shaped reports (or, with --corpus, copies the .md files under DIR, the first N in
// path order with --limit) into a temp folder and database and prints, in one run: parse-only time on
// one core (the floor), the parser's CPU against the bare remark + GFM parse of the same documents
// (target <= 1.10x, issue 14), full ingest time and its ratio to the floor, re-ingest of the unchanged
// set, p50/p95 of the list and failure-explorer queries with filters, and peak memory.
// `npm run bench -- --http --corpus DIR [--copies N] [--limit N] [--seconds S] [--connections C] [--port P]
// [--compare] [--during-ingest N] [--keep]`: serves those documents with `npm start` and loads its pages
// with autocannon instead (lib/bench/http.ts): req/s, p50, p99, non-2xx and HTML/RSC bytes per page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setEnv } from "../lib/env";

const USAGE = `Usage:
  npm run bench [-- --docs N] [--seed S] [--corpus DIR [--limit N] [--copies N]] [--rounds R] [--speed-rounds R] [--db postgres [--pg-database NAME]] [--keep]
      parse, ingest and query timings on generated reports (or the .md files under DIR, N copies of them);
      --db postgres: the same ingest and queries on SQLite and on a throwaway PostgreSQL database (on the
      server FAULTLINE_TEST_POSTGRES_URL names, else postgresql://postgres@127.0.0.1:5432/postgres; named NAME,
      default faultline_bench_<pid>), side by side
  npm run bench -- --http --corpus DIR [--copies N] [--limit N] [--seconds S] [--connections C] [--port P]
                   [--compare] [--during-ingest N] [--keep]
      serves those documents with npm start and loads its pages with autocannon`;
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const FLAGS = new Set(["--http", "--compare", "--keep"]);
const VALUED = new Set([
  "--docs",
  "--seed",
  "--corpus",
  "--limit",
  "--rounds",
  "--speed-rounds",
  "--copies",
  "--seconds",
  "--connections",
  "--port",
  "--during-ingest",
  "--db",
  "--pg-database",
]);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (VALUED.has(arg)) i++;
  else if (!FLAGS.has(arg)) {
    console.error(`bench: unknown argument "${arg}"\n\n${USAGE}`);
    process.exit(2);
  }
}
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const usage = (message: string): never => {
  console.error(`bench: ${message}`);
  process.exit(2);
};
const stringOption = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) usage(`${name} needs a value`);
  return value;
};
const positiveInteger = (name: string): number | undefined => {
  const value = stringOption(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) usage(`${name} must be a positive whole number, got "${value}"`);
  return n;
};
const corpus = stringOption("--corpus");
const limit = positiveInteger("--limit");
const http = args.includes("--http");
if (http && corpus === undefined) usage("--http needs --corpus DIR (real reports, e.g. --corpus ../shared/wild)");
if (limit !== undefined && corpus === undefined) usage("--limit only applies with --corpus DIR (use --docs N for generated documents)");
const copies = positiveInteger("--copies");
if (copies !== undefined && corpus === undefined) usage("--copies only applies with --corpus DIR");
const dbOption = stringOption("--db") ?? "sqlite";
if (dbOption !== "sqlite" && dbOption !== "postgres") usage(`--db must be sqlite or postgres, got "${dbOption}"`);
if (http && dbOption !== "sqlite") usage("--db postgres applies to the query bench, not --http");
const withPostgres = dbOption === "postgres";
const pgDatabase = stringOption("--pg-database");
if (pgDatabase !== undefined && (!withPostgres || !/^[a-z_][a-z0-9_]*$/.test(pgDatabase)))
  usage("--pg-database needs --db postgres and a lower-case name of letters, digits and _");
const docCount = option("--docs", 1000);
const seed = option("--seed", 42);
const queryRounds = option("--rounds", 40);
const speedRounds = option("--speed-rounds", 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-bench-"));
setEnv("DATABASE_URL", `file:${path.join(dir, "bench.db")}`);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  if (http) {
    // Throughput of the served pages (lib/bench/http.ts): --copies N --seconds S --connections C --port P
    // --compare (before/after back to back) --during-ingest N (documents ingested while loading).
    const { runHttpBench } = await import("../lib/bench/http");
    await runHttpBench({
      corpus: corpus!,
      limit,
      dir,
      copies: copies ?? 1,
      seconds: positiveInteger("--seconds") ?? 10,
      connections: positiveInteger("--connections") ?? 16,
      port: positiveInteger("--port") ?? 3205,
      compare: args.includes("--compare"),
      duringIngest: positiveInteger("--during-ingest") ?? 0,
    });
    if (!args.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
    return;
  }
  const { parseAnalysis } = await import("../lib/parser");
  const { generateDocument, harvest, prng } = await import("../lib/bench/generate");
  const { listMarkdownFiles } = await import("../lib/ingest/files");

  // 1. The documents: real ones copied from --corpus, or generated.
  const docDir = path.join(dir, "docs");
  fs.mkdirSync(docDir);
  let bytes = 0;
  if (corpus !== undefined && copies !== undefined) {
    const { copyCorpus } = await import("../lib/bench/http-server");
    const copied = copyCorpus(corpus, docDir, copies, limit);
    bytes = copied.bytes;
    console.log(
      `Copied ${copied.files} documents (${mb(bytes)}; ${copies} cop${copies === 1 ? "y" : "ies"} of ${path.resolve(corpus)}) to ${docDir}`,
    );
  } else if (corpus !== undefined) {
    const root = path.resolve(corpus);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`--corpus ${corpus}: no such folder`);
    const all = listMarkdownFiles([root]).files;
    if (!all.length) throw new Error(`--corpus ${corpus}: no .md files in it`);
    const chosen = all.slice(0, limit ?? all.length);
    for (const file of chosen) {
      const target = path.join(docDir, path.relative(root, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
      bytes += fs.statSync(file).size;
    }
    console.log(
      `Copied ${chosen.length} of ${all.length} documents from ${root} (${mb(bytes)}, avg ${(bytes / chosen.length / 1024).toFixed(1)} KB) to ${docDir}`,
    );
  } else {
    const sources = ["content", "tests/parser/fixtures", "e2e/fixtures"].flatMap((root) => listMarkdown(root));
    const pool = harvest(sources.map((file) => parseAnalysis(fs.readFileSync(file, "utf8"), { path: file }))).filter(
      (f) => f.modelCode.length || f.idealCode.length,
    );
    if (!pool.length) throw new Error("no sample failures with code to build documents from");
    const random = prng(seed);
    for (let i = 0; i < docCount; i++) {
      const text = generateDocument(i, pool, random);
      bytes += Buffer.byteLength(text);
      fs.writeFileSync(path.join(docDir, `report-${String(i).padStart(5, "0")}.md`), text);
    }
    console.log(
      `Generated ${docCount} documents (${mb(bytes)}, avg ${(bytes / docCount / 1024).toFixed(1)} KB, from ${pool.length} sample failures) in ${docDir}`,
    );
  }

  if (withPostgres) {
    const { compareEngines } = await import("../lib/bench/engines");
    await compareEngines(docDir, { queryRounds, keep: args.includes("--keep"), reuseParses: (copies ?? 1) > 1, pgDatabase });
  } else {
    const { sqliteOnly } = await import("../lib/bench/sqlite-only");
    await sqliteOnly(docDir, bytes, { queryRounds, speedRounds });
  }
  console.log(`peak memory (RSS, all threads): ${mb(process.resourceUsage().maxRSS * 1024)}`);
  if (!args.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}

function listMarkdown(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .flatMap((e) => (e.isFile() && e.name.endsWith(".md") ? [path.join(e.parentPath, e.name)] : []));
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    if (!args.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
    console.error(`bench: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
