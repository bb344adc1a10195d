// Turns file bytes into the text the parser reads, plus the facts ingest keeps about the source.
import { createHash } from "node:crypto";
import path from "node:path";

export interface SourceText {
  text: string;
  /** Problems with the bytes themselves (BOM, UTF-16, invalid UTF-8, NUL bytes), as parser-style warnings. */
  warnings: { code: string; message: string; line: number | null }[];
  /** The original bytes, only when `text` does not encode back to them exactly. */
  rawBytes?: Uint8Array;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Decodes the file for the parser and says what the text cannot hold. UTF-8 is read as is, a BOM
 * included (so the text encodes back to the same bytes; the parser skips it); UTF-16 with a BOM is
 * read as UTF-16; invalid UTF-8 becomes U+FFFD. Whenever the text does not encode back to the file's
 * bytes exactly, `rawBytes` holds the original bytes so nothing is lost and the hash stays checkable.
 * Each oddity is one warning naming its line; the parser's own input checks (empty, binary-looking
 * text) are not repeated here.
 */
export function decodeSource(bytes: Uint8Array): SourceText {
  const warnings: SourceText["warnings"] = [];
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  let text: string;
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes);
    warnings.push({
      code: "not-utf8",
      message: `The file is ${utf16.toUpperCase()} (it starts with a UTF-16 byte-order mark), not UTF-8; it was read as UTF-16 and its original bytes are kept.`,
      line: 1,
    });
  } else {
    text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      warnings.push({
        code: "bom",
        message: "The file starts with a UTF-8 byte-order mark (EF BB BF); it is ignored for parsing and kept in the stored text.",
        line: 1,
      });
    }
    const invalid = text.includes("\uFFFD") ? firstInvalidUtf8(bytes) : null;
    if (invalid) {
      const shown = [...bytes.subarray(invalid.offset, invalid.offset + 4)]
        .map((b) => b.toString(16).toUpperCase().padStart(2, "0"))
        .join(" ");
      warnings.push({
        code: "invalid-utf8",
        message: `The file is not valid UTF-8: line ${invalid.line} has bytes that are not (first at byte ${invalid.offset}: ${shown}; perhaps Latin-1 or Windows-1252). They are shown as \uFFFD; the original bytes are kept.`,
        line: invalid.line,
      });
    }
  }
  const nul = countNul(bytes.subarray(0, 8192));
  if (nul > 0 && !utf16) {
    warnings.push({
      code: "binary-content",
      message: `The file looks binary (${nul} NUL bytes in its first ${Math.min(8192, bytes.length)} bytes).`,
      line: null,
    });
  }
  const exact = Buffer.from(text, "utf8");
  const rawBytes = exact.equals(bytes) ? undefined : new Uint8Array(bytes);
  return { text, warnings, ...(rawBytes ? { rawBytes } : {}) };
}

/** The bytes an analysis was stored from: the original bytes when kept, else the text as UTF-8. */
export function storedSourceBytes(raw: string, rawBytes: Uint8Array | null | undefined): Uint8Array {
  return rawBytes ?? Buffer.from(raw, "utf8");
}

function countNul(sample: Uint8Array): number {
  let nul = 0;
  for (const byte of sample) if (byte === 0) nul++;
  return nul;
}

/** Byte offset and 1-based line of the first byte that is not part of a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } | null {
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { offset: i, line };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c === undefined || c < lo || c > hi) return { offset: i, line };
    }
    i += need + 1;
  }
  return null;
}

/** The path stored for a file: relative to the project root when inside it, else absolute, with "/" separators. */
export function storedSourcePath(file: string, root = process.cwd()): string {
  const absolute = path.resolve(file);
  const relative = path.relative(root, absolute);
  const chosen = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : absolute;
  return chosen.split(path.sep).join("/");
}
