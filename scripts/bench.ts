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

const USAGE = `Usage:
  npm run bench [-- --docs N] [--seed S] [--corpus DIR [--limit N] [--copies N]] [--rounds R] [--speed-rounds R] [--db postgres] [--keep]
      parse, ingest and query timings on generated reports (or the .md files under DIR, N copies of them);
      --db postgres: the same ingest and queries on SQLite and on a throwaway PostgreSQL database (on the
      server FAULTLINE_TEST_POSTGRES_URL names, else postgresql://postgres@127.0.0.1:5432/postgres), side by side
  npm run bench -- --http --corpus DIR [--copies N] [--limit N] [--seconds S] [--connections C] [--port P]
                   [--compare] [--during-ingest N] [--keep]
      serves those documents with npm start and loads its pages with autocannon`;
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const FLAGS = new Set(["--http", "--compare", "--keep"]);
const VALUED = new Set(["--docs", "--seed", "--corpus", "--limit", "--rounds", "--speed-rounds", "--copies", "--seconds", "--connections", "--port", "--during-ingest", "--db"]);
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
const docCount = option("--docs", 1000);
const seed = option("--seed", 42);
const queryRounds = option("--rounds", 40);
const speedRounds = option("--speed-rounds", 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-bench-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  if (http) {
    // Throughput of the served pages (lib/bench/http.ts): --copies N --seconds S --connections C --port P
    // --compare (before/after back to back) --during-ingest N (documents ingested while loading).
    const { runHttpBench } = await import("../lib/bench/http");
    await runHttpBench({
      corpus: corpus!, limit, dir,
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
    const { copyCorpus } = await import("../lib/bench/http");
    const copied = copyCorpus(corpus, docDir, copies, limit);
    bytes = copied.bytes;
    console.log(`Copied ${copied.files} documents (${mb(bytes)}; ${copies} cop${copies === 1 ? "y" : "ies"} of ${path.resolve(corpus)}) to ${docDir}`);
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
    await compareEngines(docDir);
  } else {
    await sqliteOnly(docDir, bytes);
  }
  console.log(`peak memory (RSS, all threads): ${mb(process.resourceUsage().maxRSS * 1024)}`);
  if (!args.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}

interface QueryTimes {
  p50: number;
  p95: number;
}

/** p50/p95 of every page query (lib/bench/queries.ts) on the database DATABASE_URL names now. */
async function timeQueries(): Promise<Map<string, QueryTimes>> {
  const { benchQueries, resetBenchQueries } = await import("../lib/bench/queries");
  resetBenchQueries();
  const results = new Map<string, QueryTimes>();
  for (const query of benchQueries()) {
    await query.run(0);
    const times: number[] = [];
    for (let i = 0; i < queryRounds; i++) {
      const q0 = performance.now();
      await query.run(i);
      times.push(performance.now() - q0);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
    results.set(query.name, { p50: pct(50), p95: pct(95) });
  }
  return results;
}

/** The default run: parse floor, parser CPU, ingest, re-ingest and queries on SQLite. */
async function sqliteOnly(docDir: string, bytes: number): Promise<void> {
  const { parseAnalysis } = await import("../lib/parser");
  const { migrateIfNeeded } = await import("../lib/data/migrations");
  const { ingest } = await import("../lib/ingest/ingest");
  const { decodeSource } = await import("../lib/ingest/source");
  const { listMarkdownFiles } = await import("../lib/ingest/files");
  const { measureParseSpeed, PARSE_SPEED_TARGET } = await import("../lib/bench/parse-speed");

  // 2. Parse-only floor on one core.
  const files = listMarkdownFiles([docDir]).files;
  const texts = files.map((file) => decodeSource(fs.readFileSync(file)).text);
  let t = performance.now();
  let failures = 0;
  for (const [i, text] of texts.entries()) failures += parseAnalysis(text, { path: files[i] }).failures.length;
  const parseMs = performance.now() - t;
  console.log(`parse only (1 core):   ${seconds(parseMs)}  (${(bytes / 1024 / 1024 / (parseMs / 1000)).toFixed(2)} MB/s, ${failures} failures)`);

  // 2b. The parser's CPU against the bare remark + GFM parse of the same documents.
  const speed = measureParseSpeed(texts, { rounds: speedRounds });
  console.log(
    `parser CPU vs remark:  parseAnalysis ${seconds(speed.parserMs)}, remark+gfm parse ${seconds(speed.remarkMs)}  ` +
      `ratio ${speed.ratio.toFixed(3)}x (target <= ${PARSE_SPEED_TARGET.toFixed(2)}x ${speed.ratio <= PARSE_SPEED_TARGET ? "met" : "MISSED"}; ` +
      `${speed.docs} documents x ${speed.rounds} round${speed.rounds === 1 ? "" : "s"}, interleaved, CPU time)`,
  );

  // 3. Full ingest into a fresh database.
  migrateIfNeeded(() => {});
  t = performance.now();
  const first = await ingest({ paths: [docDir] });
  const ingestMs = performance.now() - t;
  console.log(`full ingest:           ${seconds(ingestMs)}  (${first.added} added, ${first.failed.length} failed; database writes ${seconds(first.writeMs)} of it)  ratio ingest/parse = ${(ingestMs / parseMs).toFixed(2)}`);

  // 4. Re-ingest, nothing changed.
  t = performance.now();
  const again = await ingest({ paths: [docDir] });
  const reingestMs = performance.now() - t;
  console.log(`re-ingest unchanged:   ${seconds(reingestMs)}  (${again.unchanged} unchanged, ${again.added + again.updated} written)`);

  // 5. Queries the pages run, with filters.
  let worstFailureP95 = 0;
  for (const [name, { p50, p95 }] of await timeQueries()) {
    console.log(`query ${name.padEnd(60)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`);
    if (name.startsWith("/failures")) worstFailureP95 = Math.max(worstFailureP95, p95);
  }
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    `targets (issue 4, at 5,000 documents): ingest/parse <= 1.0 ${verdict(ingestMs <= parseMs)}; ` +
      `re-ingest < 5 s ${verdict(reingestMs < 5000)}; failure queries p95 < 50 ms ${verdict(worstFailureP95 < 50)} (worst ${worstFailureP95.toFixed(1)} ms)`,
  );
}

interface EngineRun {
  ingestMs: number;
  added: number;
  failed: number;
  failures: number;
  reingestMs: number;
  queries: Map<string, QueryTimes>;
}

let fixedParserVersion: string | undefined;

/** Ingest, re-ingest and every page query on the (migrated, empty) database DATABASE_URL names. */
async function runEngine(docDir: string, label: string): Promise<EngineRun> {
  const { migrateDatabase } = await import("../lib/data/migrations");
  const { ingest } = await import("../lib/ingest/ingest");
  const { prisma } = await import("../lib/db");
  const { parserVersion } = await import("../lib/ingest/parser-version");
  // One parser version for the whole run: an edit to lib/parser/ while it runs must not turn the
  // "unchanged" re-ingest into a full re-parse.
  const version = (fixedParserVersion ??= parserVersion());
  await migrateDatabase(() => {});
  console.log(`${label}: full ingest…`);
  let t = performance.now();
  const first = await ingest({ paths: [docDir], parserVersion: version });
  const ingestMs = performance.now() - t;
  console.log(`${label}: full ingest ${seconds(ingestMs)} (${first.added} added, ${first.failed.length} failed); re-ingest…`);
  t = performance.now();
  await ingest({ paths: [docDir], parserVersion: version });
  const reingestMs = performance.now() - t;
  const failures = await prisma.failure.count();
  console.log(`${label}: re-ingest ${seconds(reingestMs)}; queries…`);
  return { ingestMs, added: first.added, failed: first.failed.length, failures, reingestMs, queries: await timeQueries() };
}

/** --db postgres: the same documents on SQLite and on a throwaway PostgreSQL database, side by side. */
async function compareEngines(docDir: string): Promise<void> {
  const pg = (await import("pg")).default;
  const { closePgPool } = await import("../lib/data/postgres");
  const { redactUrl } = await import("../lib/db-url");
  const admin = process.env.FAULTLINE_TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `faultline_bench_${process.pid}`;
  const pgUrl = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const sqliteUrl = process.env.DATABASE_URL!;
  const sqlite = await runEngine(docDir, "SQLite");
  await adminQuery(`CREATE DATABASE "${name}"`);
  console.log(`PostgreSQL: throwaway database ${redactUrl(pgUrl)}`);
  let postgres: EngineRun;
  try {
    process.env.DATABASE_URL = pgUrl;
    postgres = await runEngine(docDir, "PostgreSQL");
  } finally {
    const { prisma } = await import("../lib/db");
    await prisma.$disconnect().catch(() => {});
    await closePgPool(pgUrl).catch(() => {});
    process.env.DATABASE_URL = sqliteUrl;
    if (args.includes("--keep")) console.log(`kept PostgreSQL database ${name}`);
    else await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  console.log(`\n${"".padEnd(72)} ${"SQLite".padEnd(25)} PostgreSQL`);
  console.log(`${"analyses / failures stored".padEnd(72)} ${`${sqlite.added} / ${sqlite.failures}`.padEnd(25)} ${postgres.added} / ${postgres.failures}`);
  console.log(`${"full ingest".padEnd(72)} ${seconds(sqlite.ingestMs).padEnd(25)} ${seconds(postgres.ingestMs)}`);
  console.log(`${"re-ingest unchanged".padEnd(72)} ${seconds(sqlite.reingestMs).padEnd(25)} ${seconds(postgres.reingestMs)}`);
  console.log(`${"query".padEnd(72)} ${"p50 / p95".padEnd(25)} p50 / p95`);
  let worstPage = 0;
  let worstExplorer = 0;
  for (const [query, s] of sqlite.queries) {
    const p = postgres.queries.get(query)!;
    console.log(`${query.padEnd(72)} ${`${ms(s.p50)} / ${ms(s.p95)}`.padEnd(25)} ${ms(p.p50)} / ${ms(p.p95)}`);
    worstPage = Math.max(worstPage, p.p95);
    if (query.startsWith("/failures")) worstExplorer = Math.max(worstExplorer, p.p95);
  }
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    `targets (issue 18, PostgreSQL, at 50,000 analyses; this run has ${postgres.added}): every page query p95 < 100 ms ${verdict(worstPage < 100)} ` +
      `(worst ${worstPage.toFixed(1)} ms); explorer p95 < 50 ms ${verdict(worstExplorer < 50)} (worst ${worstExplorer.toFixed(1)} ms); ` +
      `re-ingest < 20 s ${verdict(postgres.reingestMs < 20_000)}`,
  );
}

function listMarkdown(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).flatMap((e) =>
    e.isFile() && e.name.endsWith(".md") ? [path.join(e.parentPath, e.name)] : [],
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    if (!args.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
    console.error(`bench: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
