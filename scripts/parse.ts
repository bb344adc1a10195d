// CLI: `npm run --silent parse -- FILE...` prints one JSON record per file (JSON Lines, input order).
// Exit 0 when every file could be read; an unreadable file is reported on stderr and makes it 1.
import { readFileSync } from "node:fs";
import { parseAnalysis } from "../lib/parser/index";

function main(paths: readonly string[]): number {
  if (paths.length === 0) {
    process.stderr.write("usage: npm run --silent parse -- FILE...\n");
    return 2;
  }
  let status = 0;
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
    out.push(`${JSON.stringify(parseAnalysis(text, { path }))}\n`);
    if (out.length >= 64) process.stdout.write(out.splice(0).join(""));
  }
  process.stdout.write(out.join(""));
  return status;
}

process.exitCode = main(process.argv.slice(2));
