// Which parser and taxonomy a stored analysis was parsed with: a digest of the parser's sources and
// the knowledge-gap taxonomy (and its model). Ingest parses a file again when this differs from what
// was stored, even if the file's bytes did not change, so a parser upgrade or an edited taxonomy
// reaches every stored analysis on the next `npm start` / `npm run ingest`.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { modelPathFor, taxonomyPath } from "./taxonomy-file";

const PARSER_DIR = "lib/parser";
// Code blocks are stored highlighted and prose as HTML (at ingest), so a new grammar, highlighter or
// Markdown pipeline reaches stored analyses the same way a parser change does (and rows stored before
// prose HTML existed get it at the next ingest).
const HIGHLIGHTER_FILES = [
  "lib/render/highlight.ts",
  "lib/render/hcl.ts",
  "lib/render/markdown.ts",
  "lib/render/prose.ts",
  "lib/render/clip.ts",
];

function parserSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts|js|mjs|json)$/.test(entry.name)) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}

/** A short hex digest; "" pieces (a missing taxonomy) still count, so removing one changes it too. */
export function parserVersion(cwd: string = process.cwd()): string {
  const hash = createHash("sha256");
  const parserDir = path.resolve(/*turbopackIgnore: true*/ cwd, PARSER_DIR);
  const taxonomy = taxonomyPath();
  const highlighter = HIGHLIGHTER_FILES.map((file) => path.resolve(/*turbopackIgnore: true*/ cwd, file));
  const files = [
    ...(fs.existsSync(/*turbopackIgnore: true*/ parserDir) ? parserSources(parserDir) : []),
    ...highlighter,
    taxonomy,
    modelPathFor(taxonomy),
  ];
  for (const file of files) {
    hash.update(path.relative(cwd, file)).update("\0");
    try {
      hash.update(fs.readFileSync(/*turbopackIgnore: true*/ file));
    } catch {
      hash.update("missing");
    }
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
