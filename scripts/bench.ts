// `npm run bench [-- --docs N] [--seed S] [--keep]`: generates N real-shaped reports into a temp
// folder and database and prints, in one run: parse-only time on one core (the floor), full ingest
// time and their ratio, re-ingest of the unchanged set, p50/p95 of the list and failure-explorer
// queries with filters, and peak memory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const docs = option("--docs", 1000);
const seed = option("--seed", 42);
const queryRounds = option("--rounds", 40);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-bench-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const { parseAnalysis } = await import("../lib/parser");
  const { generateDocument, harvest, prng } = await import("../lib/bench/generate");
  const { migrateIfNeeded } = await import("../lib/data/migrations");
  const { ingest } = await import("../lib/ingest/ingest");
  const { decodeSource } = await import("../lib/ingest/source");
  const { benchQueries } = await import("../lib/bench/queries");

  // 1. Generate.
  const sources = ["content", "tests/parser/fixtures", "e2e/fixtures"].flatMap((root) => listMarkdown(root));
  const pool = harvest(sources.map((file) => parseAnalysis(fs.readFileSync(file, "utf8"), { path: file }))).filter(
    (f) => f.modelCode.length || f.idealCode.length,
  );
  if (!pool.length) throw new Error("no sample failures with code to build documents from");
  const random = prng(seed);
  const docDir = path.join(dir, "docs");
  fs.mkdirSync(docDir);
  let bytes = 0;
  for (let i = 0; i < docs; i++) {
    const text = generateDocument(i, pool, random);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(docDir, `report-${String(i).padStart(5, "0")}.md`), text);
  }
  console.log(`Generated ${docs} documents (${mb(bytes)}, avg ${(bytes / docs / 1024).toFixed(1)} KB, from ${pool.length} sample failures) in ${docDir}`);

  // 2. Parse-only floor on one core.
  const files = fs.readdirSync(docDir).map((f) => path.join(docDir, f));
  let t = performance.now();
  let failures = 0;
  for (const file of files) failures += parseAnalysis(decodeSource(fs.readFileSync(file)).text, { path: file }).failures.length;
  const parseMs = performance.now() - t;
  console.log(`parse only (1 core):   ${seconds(parseMs)}  (${(bytes / 1024 / 1024 / (parseMs / 1000)).toFixed(2)} MB/s, ${failures} failures)`);

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
    console.log(`query ${query.name.padEnd(60)} p50 ${pct(50).toFixed(1).padStart(6)} ms   p95 ${pct(95).toFixed(1).padStart(6)} ms`);
    if (query.name.startsWith("/failures")) worstFailureP95 = Math.max(worstFailureP95, pct(95));
  }

  console.log(`peak memory (RSS, all threads): ${mb(process.resourceUsage().maxRSS * 1024)}`);
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    `targets (issue 4, at 5,000 documents): ingest/parse <= 1.0 ${verdict(ingestMs <= parseMs)}; ` +
      `re-ingest < 5 s ${verdict(reingestMs < 5000)}; failure queries p95 < 50 ms ${verdict(worstFailureP95 < 50)} (worst ${worstFailureP95.toFixed(1)} ms)`,
  );
  if (!args.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
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
    console.error(`bench: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
