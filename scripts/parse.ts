// CLI: `npm run --silent parse -- FILE...` prints one JSON record per file (JSON Lines, input order).
// Exit 0 when every file could be read; an unreadable file is named on stderr and makes the exit 1.
// `--stats` also prints the share of failures whose knowledge gaps are unclassified (on stderr).
// `--explain` prints, instead of JSON, each file's candidate items and series: which recognizer saw
// them, taken or dropped, and on which signals; then the failures kept.
import { readFileSync } from "node:fs";
import { parseAnalysis, unclassifiedShare, type ParsedFailure, type Taxonomy } from "../lib/parser/index";
import { gapTaxonomy } from "../lib/ingest/taxonomy-file";

function main(args: readonly string[]): number {
  const stats = args.includes("--stats");
  const explaining = args.includes("--explain");
  const paths = args.filter((arg) => arg !== "--stats" && arg !== "--explain");
  if (paths.length === 0) {
    process.stderr.write("usage: npm run --silent parse -- [--stats] [--explain] FILE...\n");
    return 2;
  }
  // The knowledge-gap taxonomy (FAULTLINE_GAPS_FILE) is read once for all files.
  let taxonomy: Taxonomy | null;
  try {
    taxonomy = gapTaxonomy();
  } catch (error) {
    process.stderr.write(`parse: ${(error as Error).message}\n`);
    return 2;
  }
  let status = 0;
  const failures: ParsedFailure[] = [];
  const out: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path).toString("utf8");
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`parse: cannot read ${path}: ${reason}\n`);
      status = 1;
      continue;
    }
    if (explaining) {
      const lines: string[] = [];
      const record = parseAnalysis(text, { path, taxonomy: taxonomy ?? undefined, explain: (line) => lines.push(line) });
      if (stats) failures.push(...record.failures);
      out.push(
        explanation(
          path,
          lines,
          record.failures,
          record.warnings.map((w) => w.code),
        ),
      );
      continue;
    }
    const record = parseAnalysis(text, { path, taxonomy: taxonomy ?? undefined });
    if (stats) failures.push(...record.failures);
    out.push(`${JSON.stringify(record)}\n`);
    if (out.length >= 64) process.stdout.write(out.splice(0).join(""));
  }
  process.stdout.write(out.join(""));
  if (stats) {
    const share = unclassifiedShare(failures);
    const count = Math.round(share * failures.length);
    process.stderr.write(`unclassified: ${count}/${failures.length} failures (${(share * 100).toFixed(1)}%)\n`);
  }
  return status;
}

function explanation(path: string, lines: readonly string[], failures: readonly ParsedFailure[], warnings: readonly string[]): string {
  const kept = failures.map((f) => `  ${f.number}. line ${f.line} [${f.severity}] ${f.title}`);
  return [
    `== ${path}`,
    ...(lines.length ? lines.map((line) => `  ${line}`) : ["  (no candidate items or series)"]),
    `failures kept: ${failures.length}`,
    ...kept,
    ...(warnings.length ? [`warnings: ${warnings.join(", ")}`] : []),
    "",
  ].join("\n");
}

process.exitCode = main(process.argv.slice(2));
