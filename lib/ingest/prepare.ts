// The CPU-heavy half of ingest: parse one document and pre-render its code and prose. Runs in worker threads;
// the result is plain data the store writes as it is.
import { emptyAnalysis, parseAnalysis } from "../parser";
import type { ParsedAnalysis } from "../parser/types";
import { highlightLines } from "../render/highlight";
import { analysisProseHtml, type AnalysisProseHtml } from "../render/prose";
import { decodeSource } from "./source";
import { gapTaxonomy } from "./taxonomy-file";

export interface SourceFile {
  sourcePath: string;
  contentHash: string;
  bytes: Uint8Array;
}

export interface PreparedAnalysis {
  sourcePath: string;
  contentHash: string;
  raw: string;
  /** The file's bytes when `raw` does not encode back to them exactly (invalid UTF-8, UTF-16). */
  rawBytes?: Uint8Array;
  byteSize: number;
  parseMs: number;
  record: ParsedAnalysis;
  /** Highlighted lines per failure, per code block (model blocks first, then ideal). */
  codeHtml: string[][][];
  /**
   * The summary and each failure's prose as sanitized HTML (lib/render/prose.ts), stored beside the
   * Markdown. Absent (a failed parse, a hand-built document): the store writes null and pages render
   * the Markdown when they show it.
   */
  proseHtml?: AnalysisProseHtml;
  /** The file's path relative to the folder it was ingested from (set by ingest; slugs derive from it). */
  sourceKey?: string;
  /**
   * Set when the document could not be parsed (the parser threw, ran past its time limit or its
   * worker died): it counts as failed, and a changed file keeps its previous analysis.
   */
  failed?: { code: ParseFailureCode; message: string };
}

export type ParseFailureCode = "parse-timeout" | "parser-error";
export const PARSE_FAILURE_CODES: readonly string[] = ["parse-timeout", "parser-error"];

export function prepareAnalysis(file: SourceFile): PreparedAnalysis {
  const started = performance.now();
  const { text, warnings, rawBytes } = decodeSource(file.bytes);
  const record = parseAnalysis(text, { path: file.sourcePath, taxonomy: gapTaxonomy() ?? undefined });
  // Binary-looking input is flagged once: by the parser when it saw it, else by the byte check.
  const parserSawBinary = record.warnings.some((w) => w.code === "binary-content");
  record.warnings.unshift(...warnings.filter((w) => !(parserSawBinary && w.code === "binary-content")));
  const parserError = record.warnings.find((w) => w.code === "parser-error");
  const codeHtml = record.failures.map((failure) =>
    [...failure.model.code, ...failure.ideal.code].map((block) => highlightLines(block.value, block.lang)),
  );
  return {
    sourcePath: file.sourcePath,
    contentHash: file.contentHash,
    raw: text,
    ...(rawBytes ? { rawBytes } : {}),
    byteSize: file.bytes.byteLength,
    parseMs: performance.now() - started,
    record,
    codeHtml,
    proseHtml: analysisProseHtml(record),
    ...(parserError ? { failed: { code: "parser-error" as const, message: parserError.message } } : {}),
  };
}

/** A document that could not be parsed: its raw text and one warning saying why, nothing else. */
export function failedAnalysis(file: SourceFile, code: ParseFailureCode, message: string): PreparedAnalysis {
  const { text, warnings, rawBytes } = decodeSource(file.bytes);
  const record = emptyAnalysis(file.sourcePath);
  record.warnings.push(...warnings, { code, message, line: null });
  return {
    sourcePath: file.sourcePath,
    contentHash: file.contentHash,
    raw: text,
    ...(rawBytes ? { rawBytes } : {}),
    byteSize: file.bytes.byteLength,
    parseMs: 0,
    record,
    codeHtml: [],
    failed: { code, message },
  };
}
