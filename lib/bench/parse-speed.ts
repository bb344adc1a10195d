// The parser's CPU cost against the bare Markdown parse it builds on: CPU time (user + system, this
// process) of parseAnalysis and of unified().use(remarkParse).use(remarkGfm).parse() on the same
// documents, measured per document, interleaved and alternated (which goes first flips every document
// and every round), repeated, after a warm-up of both paths, so that JIT state, caches and load from
// other processes fall on both alike. Used by `npm run bench` and `scripts/cv-parser.ts --speed`.
// The baseline stays the full remark + GFM parse the issue names; parseAnalysis parses with its own,
// lighter GFM (lib/parser/markdown.ts).
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { parseAnalysis } from "../parser";

export interface ParseSpeed {
  docs: number;
  /** UTF-8 bytes of all documents (one round). */
  bytes: number;
  rounds: number;
  /** CPU milliseconds, summed over all rounds. */
  remarkMs: number;
  parserMs: number;
  /** parserMs / remarkMs. */
  ratio: number;
}

export interface ParseSpeedOptions {
  /** Times every document is parsed by each path (default 1). */
  rounds?: number;
  /** Documents parsed by both paths, untimed, before measuring (default 20). */
  warmup?: number;
}

/** The issue-14 target: the parser costs at most 10 % more CPU than the bare remark + GFM parse. */
export const PARSE_SPEED_TARGET = 1.1;

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export function measureParseSpeed(docs: readonly string[], options: ParseSpeedOptions = {}): ParseSpeed {
  if (!docs.length) throw new Error("measureParseSpeed: no documents to measure");
  const rounds = Math.max(1, Math.floor(options.rounds ?? 1));
  const warmup = Math.max(0, Math.floor(options.warmup ?? 20));
  const processor = unified().use(remarkParse).use(remarkGfm);
  for (const doc of docs.slice(0, warmup)) {
    processor.parse(doc);
    parseAnalysis(doc);
  }
  let remarkMs = 0;
  let parserMs = 0;
  for (let round = 0; round < rounds; round++) {
    for (const [i, doc] of docs.entries()) {
      const remarkFirst = (i + round) % 2 === 0;
      for (const which of remarkFirst ? ["remark", "parser"] : ["parser", "remark"]) {
        const t = cpuMs();
        if (which === "remark") {
          processor.parse(doc);
          remarkMs += cpuMs() - t;
        } else {
          parseAnalysis(doc);
          parserMs += cpuMs() - t;
        }
      }
    }
  }
  const bytes = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc), 0);
  return { docs: docs.length, bytes, rounds, remarkMs, parserMs, ratio: parserMs / remarkMs };
}
