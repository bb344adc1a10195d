// `npm run ingest [-- PATH...] [--prune] [--watch] [--workers N] [--rebuild-index]`
import { parseArgs } from "node:util";
import { describeDatabaseError } from "../lib/data/errors";
import { migrateDatabase } from "../lib/data/migrations";
import { isDatabaseLevelError } from "../lib/data/store";
import { rebuildSearchIndex } from "../lib/data/search-index";
import { rebuildSearchIndexPg } from "../lib/data/pg-store";
import { isPostgres } from "../lib/db-url";
import { env } from "../lib/env";
import { openSqlite } from "../lib/data/sqlite";
import { ingest, type IngestSummary } from "../lib/ingest/ingest";
import { formatSummary, progressReporter } from "../lib/ingest/report";
import { watchTree } from "../lib/ingest/watch";

const USAGE = `Usage: npm run ingest -- [PATH...] [--prune] [--watch] [--workers N] [--rebuild-index]

Reads the Markdown reports under each PATH (default: FAULTLINE_CONTENT or content/) into the database
named by DATABASE_URL, applying missing migrations first. Unchanged files are skipped.

  --prune           remove analyses whose file is gone from PATH
  --watch           keep running and ingest again when a file changes
  --workers N       parse threads (0 parses in this process)
  --rebuild-index   rebuild the full-text index (alone, or before ingesting the PATHs given)
  -h, --help        show this help`;

function options() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        prune: { type: "boolean" },
        watch: { type: "boolean" },
        workers: { type: "string" },
        "rebuild-index": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`ingest: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = options();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const workers = values.workers === undefined ? undefined : Number(values.workers);
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
  console.error(`ingest: --workers wants a whole number of threads (0 or more), not "${values.workers}"`);
  process.exit(2);
}
const paths = positionals.length ? positionals : [env().FAULTLINE_CONTENT];

async function runOnce(quietWhenUnchanged = false): Promise<IngestSummary> {
  const reporter = progressReporter();
  try {
    const summary = await ingest({ paths, prune: values.prune, workers, onProgress: (e) => reporter.onProgress(e) });
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
  if (values["rebuild-index"]) {
    let counts: { analyses: number; failures: number };
    if (isPostgres()) counts = await rebuildSearchIndexPg();
    else {
      const db = openSqlite();
      counts = rebuildSearchIndex(db);
      db.close();
    }
    console.log(`Rebuilt the search index: ${counts.analyses} analyses, ${counts.failures} failures.`);
    if (!positionals.length) return 0;
  }
  const summary = await runOnce();
  // Non-zero when any file failed (unreadable, unparsable, unwritable), even if the rest was stored.
  if (!values.watch) return summary.failed.length ? 1 : 0;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() =>
        runOnce(true).then(
          () => undefined,
          (e: Error) => console.error(e.message),
        ),
      );
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
