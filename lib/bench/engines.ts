// The query timings of the bench (every page query, p50/p95) and `--db postgres`: the same documents
// ingested, re-ingested and queried on SQLite and on a throwaway PostgreSQL database, side by side
// with the issue 18 targets. Called by scripts/bench.ts with DATABASE_URL naming the SQLite file.
import { env, setEnv } from "../env";
import type { Preparer } from "../ingest/worker-pool";
import { parseOnce, reusingPreparer, type ParseCache, type ReusingPreparer } from "./reuse-parse";

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export interface QueryTimes {
  p50: number;
  p95: number;
}

/**
 * p50/p95 of every page query (lib/bench/queries.ts) on the database DATABASE_URL names now, as a
 * server that has served pages before answers them: every query runs once first, which opens the
 * connections a page's parallel reads use (a new PostgreSQL connection's first queries are slower:
 * its server process maps the shared buffers it reads one page at a time), and then once more before
 * its own rounds.
 */
export async function timeQueries(queryRounds: number): Promise<Map<string, QueryTimes>> {
  const { benchQueries, resetBenchQueries } = await import("./queries");
  resetBenchQueries();
  for (const query of benchQueries()) await query.run(0);
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

interface EngineRun {
  ingestMs: number;
  added: number;
  failed: number;
  failures: number;
  reingestMs: number;
  queries: Map<string, QueryTimes>;
}

export interface EngineOptions {
  /** Timed rounds per query. */
  queryRounds: number;
  /** Keep the throwaway PostgreSQL database. */
  keep: boolean;
  /** One parse per distinct text (lib/bench/reuse-parse.ts): the documents are --copies of a corpus. */
  reuseParses: boolean;
  /** The throwaway PostgreSQL database's name (default faultline_bench_<pid>); created and dropped. */
  pgDatabase?: string;
}

/** With reuseParses: every distinct text parsed once up front, shared by both engines' ingests. */
let parsed: ParseCache | undefined;

let fixedParserVersion: string | undefined;

/** Ingest, re-ingest and every page query on the (migrated, empty) database DATABASE_URL names. */
async function runEngine(docDir: string, label: string, options: EngineOptions): Promise<EngineRun> {
  const { migrateDatabase } = await import("../data/migrations");
  const { ingest } = await import("../ingest/ingest");
  const { prisma } = await import("../db");
  const { parserVersion } = await import("../ingest/parser-version");
  // One parser version for the whole run: an edit to lib/parser/ while it runs must not turn the
  // "unchanged" re-ingest into a full re-parse.
  const version = (fixedParserVersion ??= parserVersion());
  await migrateDatabase(() => {});
  console.log(`${label}: full ingest…`);
  let t = performance.now();
  let reusing: ReusingPreparer | undefined;
  const wrapPreparer = options.reuseParses ? (inner: Preparer) => (reusing = reusingPreparer(inner, parsed)) : undefined;
  const first = await ingest({ paths: [docDir], parserVersion: version, wrapPreparer });
  const ingestMs = performance.now() - t;
  const parses = reusing ? `; ${reusing.counts().parsed} parsed, ${reusing.counts().reused} copies reused a parse` : "";
  console.log(
    `${label}: full ingest ${seconds(ingestMs)} (${first.added} added, ${first.failed.length} failed; database writes ${seconds(first.writeMs)}${parses}); re-ingest…`,
  );
  t = performance.now();
  await ingest({ paths: [docDir], parserVersion: version });
  const reingestMs = performance.now() - t;
  const failures = await prisma.failure.count();
  console.log(`${label}: re-ingest ${seconds(reingestMs)}; queries…`);
  return {
    ingestMs,
    added: first.added,
    failed: first.failed.length,
    failures,
    reingestMs,
    queries: await timeQueries(options.queryRounds),
  };
}

/** --db postgres: the same documents on SQLite and on a throwaway PostgreSQL database, side by side. */
export async function compareEngines(docDir: string, options: EngineOptions): Promise<void> {
  const pg = (await import("pg")).default;
  const { closePgPool } = await import("../data/postgres");
  const { redactUrl } = await import("../db-url");
  const admin = env().FAULTLINE_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = options.pgDatabase ?? `faultline_bench_${process.pid}`;
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
  const sqliteUrl = env().DATABASE_URL;
  if (options.reuseParses) {
    const t = performance.now();
    parsed = await parseOnce(docDir);
    console.log(
      `parse once, shared by both engines: ${parsed.size} distinct texts in ${seconds(performance.now() - t)} (the ingests below reuse them)`,
    );
  }
  const sqlite = await runEngine(docDir, "SQLite", options);
  await adminQuery(`CREATE DATABASE "${name}"`);
  console.log(`PostgreSQL: throwaway database ${redactUrl(pgUrl)}`);
  let postgres: EngineRun;
  try {
    setEnv("DATABASE_URL", pgUrl);
    postgres = await runEngine(docDir, "PostgreSQL", options);
  } finally {
    const { prisma } = await import("../db");
    await prisma.$disconnect().catch(() => {});
    await closePgPool(pgUrl).catch(() => {});
    setEnv("DATABASE_URL", sqliteUrl);
    if (options.keep) console.log(`kept PostgreSQL database ${name}`);
    else await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
  console.log(`\n${"".padEnd(72)} ${"SQLite".padEnd(25)} PostgreSQL`);
  console.log(
    `${"analyses / failures stored".padEnd(72)} ${`${sqlite.added} / ${sqlite.failures}`.padEnd(25)} ${postgres.added} / ${postgres.failures}`,
  );
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
