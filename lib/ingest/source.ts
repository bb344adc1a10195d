// Turns file bytes into the text the parser reads, plus the facts ingest keeps about the source.
import { createHash } from "node:crypto";
import path from "node:path";

export interface SourceText {
  text: string;
  /** Problems with the bytes themselves (binary, invalid UTF-8), reported as parser-style warnings. */
  warnings: { code: string; message: string; line: number | null }[];
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Decodes UTF-8 (invalid bytes become U+FFFD, never dropped silently) and flags binary content. */
export function decodeSource(bytes: Uint8Array): SourceText {
  const warnings: SourceText["warnings"] = [];
  let text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\uFFFD") && !isValidUtf8(bytes)) {
    warnings.push({ code: "invalid-utf8", message: "The file is not valid UTF-8; undecodable bytes are shown as \uFFFD.", line: null });
  }
  const sample = bytes.subarray(0, 8192);
  let nul = 0;
  for (const byte of sample) if (byte === 0) nul++;
  if (nul > 0) {
    warnings.push({ code: "binary", message: `The file looks binary (${nul} NUL bytes in its first ${sample.length} bytes).`, line: null });
  }
  return { text, warnings };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The path stored for a file: relative to the project root when inside it, else absolute, with "/" separators. */
export function storedSourcePath(file: string, root = process.cwd()): string {
  const absolute = path.resolve(file);
  const relative = path.relative(root, absolute);
  const chosen = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
  return chosen.split(path.sep).join("/");
}

/** A URL-safe slug: lowercase letters, digits and single dashes. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\.(md|markdown|txt)$/i, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
