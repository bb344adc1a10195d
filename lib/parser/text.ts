// Plain-text helpers shared by the parser: input normalisation, markdown stripping on raw lines,
// emoji removal, title cleaning and the source text of a node. Pure string work; mdast only as a type.
import type { Code, Root, RootContent } from "mdast";

const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}✓✔✗✘☐☑]/gu;
const BIDI_CONTROLS = /[\u{202A}-\u{202E}\u{2066}-\u{2069}\u{200E}\u{200F}]/gu;

/** CRLF / lone CR to LF, NUL bytes and a leading BOM removed. */
/** Nodes whose children are blocks (the only places a fenced code block can be). */
export const BLOCK_CONTAINERS: ReadonlySet<string> = new Set(["root", "list", "listItem", "blockquote", "footnoteDefinition"]);

/**
 * The fenced and indented code blocks of a document, in document order: the only nodes of the block
 * containers (BLOCK_CONTAINERS) that are code. Collected once for the readers that need them all.
 */
export function codeBlocks(root: Root): Code[] {
  const blocks: Code[] = [];
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === "code") blocks.push(node);
      else if (BLOCK_CONTAINERS.has(node.type) && "children" in node && Array.isArray(node.children)) visit(node.children as RootContent[]);
    }
  };
  visit(root.children);
  return blocks;
}

export function normalizeSource(input: string): string {
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes("\u0000")) text = text.replace(/\u0000/g, "");
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  return text;
}

/** Any character outside ASCII: emoji, variation selectors and bidi controls all are. */
const NON_ASCII = /[^\u0000-\u007f]/;

export function stripEmoji(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.replace(EMOJI, "").replace(BIDI_CONTROLS, "");
}

/** Whitespace other than a space, two spaces in a row, or a space at either end: what squash changes. */
const SQUASHABLE = /[^\S ]| {2}|^ | $/;

/** Collapse runs of whitespace and trim. */
export function squash(text: string): string {
  // Most texts (a heading, a label) are squashed already: a test instead of a copy.
  if (!SQUASHABLE.test(text)) return text;
  return text.replace(/\s+/g, " ").trim();
}

/** Removes inline markdown from one raw source line: emphasis, code spans, links, images, HTML tags. */
export function stripInlineMarkdown(line: string): string {
  if (!line.includes("`")) return stripOutsideCode(line);
  // Code spans keep their characters (`__main__.py`, `s3:*`): only the text around them is stripped.
  return line
    .split(/(`{1,20}[^`]*`{1,20})/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/^`+|`+$/g, "") : stripOutsideCode(part)))
    .join("");
}

/** Characters any of the replacements below needs; a line without them is returned as it is. */
const MARKUP = /[[*_<`\\]/;

function stripOutsideCode(line: string): string {
  if (!MARKUP.test(line)) return line;
  // Each replacement runs only when the line still holds a character it needs (most lines hold one
  // kind of markup: one scan each instead of eight).
  let text = line;
  if (text.includes("[")) {
    // Bounded runs: unbounded ones rescanned the rest of the line from every "[", "![" or "**"
    // (a line of "[a](" repeated took 20 s at 4 KB); no real link text, URL or bold span is longer.
    text = text
      .replace(/!\[([^\]]{0,1000})\]\([^)]{0,2048}\)/g, "$1")
      .replace(/\[([^\]]{1,1000})\]\(([^)\s]{1,2048})(?:\s[^)]{0,1000})?\)/g, "$1");
  }
  if (text.includes("<")) text = text.replace(TAG_PREFIX, stripTags);
  if (text.includes("*") || text.includes("_")) {
    text = text
      .replace(/(\*\*|__)(?=\S)([\s\S]{0,2000}?\S)\1/g, "$2")
      .replace(/\*\*|__/g, "")
      .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,:;!?]|$)/g, "$1$2");
  }
  if (text.includes("`")) text = text.replace(/`{1,20}([^`]*)`{1,20}/g, "$1");
  if (text.includes("\\")) text = text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1");
  return text;
}

/** From the first HTML tag opener to the end of the line: handed to stripTags. */
const TAG_PREFIX = /<\/?[a-zA-Z][\s\S]*/;

/**
 * Removes HTML tags as /<\/?[a-zA-Z][^>]*>/g did, by scanning: once no ">" follows an opener no later
 * tag can close either, so each character is read once (the regex rescanned the line per opener).
 */
function stripTags(text: string): string {
  let out = "";
  let kept = 0;
  let open = text.indexOf("<");
  while (open !== -1) {
    const name = text[open + 1] === "/" ? open + 2 : open + 1;
    if (!/^[a-zA-Z]$/.test(text[name] ?? "")) {
      open = text.indexOf("<", open + 1);
      continue;
    }
    const close = text.indexOf(">", name + 1);
    if (close === -1) break;
    out += text.slice(kept, open);
    kept = close + 1;
    open = text.indexOf("<", kept);
  }
  return out + text.slice(kept);
}

/** Strips a block prefix (heading hashes, blockquote marks, list markers) from a raw line. */
/** The first character a block prefix can start with (whitespace, "#", ">", a list marker or digit). */
const PREFIX_START = /^[\s#>*+\-\d]/;

export function stripBlockPrefix(line: string): string {
  if (!PREFIX_START.test(line)) return line;
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/^\s*(?:>\s?)+/, "")
    .replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/, "");
}

const NUMBERING = new RegExp(
  [
    // "FAULT 1:", "Issue #2 -", "Example 3:", "Failure 4.", "Critical Issue 1:", "Example Failure 1"
    String.raw`^(?:(?:critical|high|medium|low|major|minor|moderate|severe|example|sample|model|potential)[- ]+)?(?:fault|failure|issue|error|problem|example|finding|item|bug|defect|mistake)\s*#?\s*\d+(?:\.\d+)*\s*[.):\-–—]?\s*`,
    // "A1:", "B14:" letter + number ids
    String.raw`^[A-Z]\d{1,3}\s*[.):\-–—]\s*`,
    // "[1]"
    String.raw`^\[\d{1,3}\]\s*`,
    // "1.", "1)", "1.2", "1.2.", "1 -", "#3"
    String.raw`^#?\d{1,3}(?:\.\d{1,3})*\s*[.):]\s*`,
    String.raw`^\d{1,3}\.\d{1,3}\s+`,
    String.raw`^\d{1,3}\s+[-–—:]\s+`,
  ].join("|"),
  "i",
);

/** True when a (cleaned) title starts with numbering such as "1.", "A1:", "FAULT 2:". */
export function hasNumbering(title: string): boolean {
  return NUMBERING.test(stripEmoji(title).trim());
}

/** A failure noun used as the item's number: "Fault 1:", "Issue #2 -", "Critical Failure 3". */
const FAILURE_ID =
  /^(?:(?:critical|high|medium|low|major|minor)\s+)?(?:fault|failure|issue|error|problem|finding|bug|defect|mistake)\s*#?\s*\d+\b/i;

export function numberedByFailureNoun(title: string): boolean {
  return FAILURE_ID.test(stripEmoji(title).trim());
}

/** Parses the item number of a title ("3. X" -> 3, "B14: X" -> 14), or null. */
export function numberOf(title: string): number | null {
  const match = /^(?:[a-z]+\s*#?\s*)?\[?[A-Z]?#?(\d{1,4})/i.exec(stripEmoji(title).trim());
  return match?.[1] && hasNumbering(title) ? Number(match[1]) : null;
}

/**
 * A failure title as a reader expects it: no numbering, emphasis, emoji or trailing colon,
 * the rest verbatim (parenthetical text kept).
 */
export function cleanTitle(raw: string): string {
  let title = squash(stripEmoji(stripInlineMarkdown(raw)));
  for (let i = 0; i < 2; i++) {
    const next = title.replace(NUMBERING, "").trim();
    if (next === title || next.length === 0) break;
    title = next;
  }
  // The lookbehind starts a match only at the start of a run, so a long run is scanned once.
  return title
    .replace(/(?<![\s:：\-–—])[\s:：\-–—]+$/u, "")
    .replace(/^[\s:\-–—]+/u, "")
    .trim();
}

/** 1-based line index for offsets, built once per document. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The characters binaryShare counts: control characters but tab, LF and CR; DEL; U+FFFD. */
const ODD_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/** Share of characters that look binary (control chars or replacement chars) in the first 8 KB. */
export function binaryShare(text: string): number {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return 0;
  // Nearly every document has none: one regex scan instead of a loop over 8 K characters.
  if (!ODD_CHARACTER.test(sample)) return 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd || code === 0x7f) odd++;
  }
  return odd / sample.length;
}

/** The source text of a node, exactly as written (empty when the tree has no offsets for it). */
export function sliceOf(source: string, node: RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}
