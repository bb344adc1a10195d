// The CPU-heavy half of ingest: parse one document and pre-render its code. Runs in worker threads;
// the result is plain data the store writes as it is.
import { parseAnalysis } from "../parser";
import type { ParsedAnalysis } from "../parser/types";
import { highlightLines } from "../render/highlight";
import { decodeSource } from "./source";

export interface SourceFile {
  sourcePath: string;
  contentHash: string;
  bytes: Uint8Array;
}

export interface PreparedAnalysis {
  sourcePath: string;
  contentHash: string;
  raw: string;
  byteSize: number;
  parseMs: number;
  record: ParsedAnalysis;
  /** Highlighted lines per failure, per code block (model blocks first, then ideal). */
  codeHtml: string[][][];
}

export function prepareAnalysis(file: SourceFile): PreparedAnalysis {
  const started = performance.now();
  const { text, warnings } = decodeSource(file.bytes);
  const record = parseAnalysis(text, { path: file.sourcePath });
  record.warnings.unshift(...warnings);
  const codeHtml = record.failures.map((failure) =>
    [...failure.model.code, ...failure.ideal.code].map((block) => highlightLines(block.value, block.lang)),
  );
  return {
    sourcePath: file.sourcePath,
    contentHash: file.contentHash,
    raw: text,
    byteSize: file.bytes.byteLength,
    parseMs: performance.now() - started,
    record,
    codeHtml,
  };
}
