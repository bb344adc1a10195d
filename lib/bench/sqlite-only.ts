// The default bench run (no --db): parse floor on one core, the parser's CPU against bare remark,
// ingest, re-ingest and every page query on SQLite, against the issue 4 targets.
import fs from "node:fs";
import { seconds, timeQueries } from "./engines";

/** The default run: parse floor, parser CPU, ingest, re-ingest and queries on SQLite. */
export async function sqliteOnly(docDir: string, bytes: number, rounds: { queryRounds: number; speedRounds: number }): Promise<void> {
  const { parseAnalysis } = await import("../parser");
  const { migrateIfNeeded } = await import("../data/migrations");
  const { ingest } = await import("../ingest/ingest");
  const { decodeSource } = await import("../ingest/source");
  const { listMarkdownFiles } = await import("../ingest/files");
  const { measureParseSpeed, PARSE_SPEED_TARGET } = await import("./parse-speed");

  // 2. Parse-only floor on one core.
  const files = listMarkdownFiles([docDir]).files;
  const texts = files.map((file) => decodeSource(fs.readFileSync(file)).text);
  let t = performance.now();
  let failures = 0;
  for (const [i, text] of texts.entries()) failures += parseAnalysis(text, { path: files[i] }).failures.length;
  const parseMs = performance.now() - t;
  console.log(
    `parse only (1 core):   ${seconds(parseMs)}  (${(bytes / 1024 / 1024 / (parseMs / 1000)).toFixed(2)} MB/s, ${failures} failures)`,
  );

  // 2b. The parser's CPU against the bare remark + GFM parse of the same documents.
  const speed = measureParseSpeed(texts, { rounds: rounds.speedRounds });
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
  console.log(
    `full ingest:           ${seconds(ingestMs)}  (${first.added} added, ${first.failed.length} failed; database writes ${seconds(first.writeMs)} of it)  ratio ingest/parse = ${(ingestMs / parseMs).toFixed(2)}`,
  );

  // 4. Re-ingest, nothing changed.
  t = performance.now();
  const again = await ingest({ paths: [docDir] });
  const reingestMs = performance.now() - t;
  console.log(`re-ingest unchanged:   ${seconds(reingestMs)}  (${again.unchanged} unchanged, ${again.added + again.updated} written)`);

  // 5. Queries the pages run, with filters.
  let worstFailureP95 = 0;
  for (const [name, { p50, p95 }] of await timeQueries(rounds.queryRounds)) {
    console.log(`query ${name.padEnd(60)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`);
    if (name.startsWith("/failures")) worstFailureP95 = Math.max(worstFailureP95, p95);
  }
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    `targets (issue 4, at 5,000 documents): ingest/parse <= 1.0 ${verdict(ingestMs <= parseMs)}; ` +
      `re-ingest < 5 s ${verdict(reingestMs < 5000)}; failure queries p95 < 50 ms ${verdict(worstFailureP95 < 50)} (worst ${worstFailureP95.toFixed(1)} ms)`,
  );
}
