// `npm run ingest [-- PATH...] [--prune] [--watch] [--workers N] [--rebuild-index]`
import { describeDatabaseError } from "../lib/data/errors";
import { migrateDatabase } from "../lib/data/migrations";
import { isDatabaseLevelError } from "../lib/data/store";
import { rebuildSearchIndex } from "../lib/data/search-index";
import { rebuildSearchIndexPg } from "../lib/data/pg-store";
import { isPostgres } from "../lib/db-url";
import { openSqlite } from "../lib/data/sqlite";
import { ingest, type IngestSummary } from "../lib/ingest/ingest";
import { formatSummary, progressReporter } from "../lib/ingest/report";
import { watchTree } from "../lib/ingest/watch";

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith("--")));
const workersAt = args.indexOf("--workers");
const workers = workersAt >= 0 ? Number(args[workersAt + 1]) : undefined;
const paths = args.filter((a, i) => !a.startsWith("--") && !(workersAt >= 0 && i === workersAt + 1));
if (!paths.length) paths.push(process.env.FAULTLINE_CONTENT || "content");

async function runOnce(quietWhenUnchanged = false): Promise<IngestSummary> {
  const reporter = progressReporter();
  try {
    const summary = await ingest({ paths, prune: flags.has("--prune"), workers, onProgress: (e) => reporter.onProgress(e) });
    reporter.stop();
    if (!quietWhenUnchanged || summary.added || summary.updated || summary.pruned.length || summary.failed.length) {
      console.log(formatSummary(summary));
    }
    for (const w of summary.warnings.slice(0, 20)) console.log(`  warnings ${String(w.count).padStart(3)}  ${w.sourcePath}`);
    return summary;
  } finally {
    reporter.stop();
  }
}

async function main(): Promise<number> {
  await migrateDatabase();
  if (flags.has("--rebuild-index")) {
    let counts: { analyses: number; failures: number };
    if (isPostgres()) counts = await rebuildSearchIndexPg();
    else {
      const db = openSqlite();
      counts = rebuildSearchIndex(db);
      db.close();
    }
    console.log(`Rebuilt the search index: ${counts.analyses} analyses, ${counts.failures} failures.`);
    if (!args.some((a) => !a.startsWith("--"))) return 0;
  }
  const summary = await runOnce();
  // Non-zero when any file failed (unreadable, unparsable, unwritable), even if the rest was stored.
  if (!flags.has("--watch")) return summary.failed.length ? 1 : 0;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => runOnce(true).then(() => undefined, (e: Error) => console.error(e.message)));
    }, 250);
  };
  watchTree(paths, schedule);
  console.log(`Watching ${paths.join(", ")} for changes (Ctrl-C to stop)…`);
  return new Promise<number>(() => {});
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    // Names what failed (the ingest), the database file and DATABASE_URL; never "upload".
    console.error(`ingest: ${isDatabaseLevelError(error) ? describeDatabaseError(error, "ingest").message : error.message}`);
    process.exit(2);
  },
);
