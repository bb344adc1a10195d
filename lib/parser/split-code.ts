// Decides which side a fenced block belongs to and splits blocks that hold both sides
// ("# ❌ WRONG" ... "# ✅ CORRECT", "// MODEL_RESPONSE.md -" ... "// IDEAL_RESPONSE.md -",
// "// From this (problematic):" ... "// To this (working):"). Error logs and command output are neither.
import type { CodeBlock } from "./types";

export type CodeSide = "model" | "ideal";

export interface SideCode {
  side: CodeSide;
  block: CodeBlock;
}

const COMMENT = /^\s*(?:#|\/\/|--|\/\*+|<!--|;+|%|')\s?(.*?)(?:\*\/|-->)?\s*$/;

const MODEL_MARK =
  /^(?:❌|✗|✘|⛔|🚫|\[?x\]|wrong|incorrect|bad|failure|fail(?:ed|s)?\b|broken|problem(?:atic)?|issue|before|original|old|deprecated|don'?t|avoid|anti-?pattern|model[_ ]?response|model\b|from this|current|previous|insecure|vulnerable)/i;
const IDEAL_MARK =
  /^(?:✅|✔|✓|☑|correct(?:ed|ion)?|right|good|success|fix(?:ed)?\b|ideal[_ ]?response|ideal\b|after|new\b|better|recommended|proper(?:ly)?\b|should be|to this|working|solution|secure\b|updated|expected)/i;

/** Side named by a full-line comment marker, or null when the line is no marker. */
export function markerOf(line: string): CodeSide | null {
  const comment = COMMENT.exec(line);
  if (!comment) return null;
  const text = (comment[1] ?? "").trim();
  if (text.length === 0 || text.length > 90) return null;
  if (MODEL_MARK.test(text)) return "model";
  if (IDEAL_MARK.test(text)) return "ideal";
  // "Tests expected:", "Old/deprecated (failed):", "Correct CDK v2 syntax:" — short label comments.
  if (/:\s*$/.test(text) && text.split(/\s+/).length <= 6) {
    if (/\b(wrong|incorrect|fail(?:ed|ing)?|problematic|deprecated|broken|before|original)\b/i.test(text)) return "model";
    if (/\b(correct|fixed|expected|working|ideal|after|proper)\b/i.test(text)) return "ideal";
  }
  return null;
}

/** True when a block is a log, error message or command output rather than code of either side. */
export function isOutputBlock(lang: string | null, value: string, marked = hasMarkers(value)): boolean {
  const language = (lang ?? "").toLowerCase();
  if (/^(text|txt|plain|plaintext|log|logs|output|console|stderr|stdout|error|shell-session)$/.test(language)) {
    return !marked;
  }
  // Without a language the content decides: an unlabelled block of code is still code.
  if (language === "") return !marked && !looksLikeCode(value);
  return false;
}

/** First line of logs, errors and command output ("Error: ...", "$ cdk deploy", "  at f (x.js:1)"). */
const OUTPUT_LINE =
  /^\s*(?:\$ |> |npm (?:ERR|WARN)|(?:error|warning|warn|fatal|exception|traceback|caused by)\b|\w*(?:Error|Exception)\b|at \S+ \(|(?:PASS|FAIL|FAILED|✓|✗|✕|●)\s|│|╷|Resource handler returned)/i;

/** Lines only code has: braces/semicolons at the end, declarations, assignments, calls, YAML/JSON keys. */
const CODE_LINE = [
  /[{;,([]\s*$|^\s*[}\])]+[;,)]*\s*$/,
  /^\s*(?:import|from\s+\S+\s+import|export|const|let|var|function|def|class|interface|type\s+\w+\s*=|resource|module|provider|variable|output|data\s+"|locals|terraform|return|new|public|private|package|func|@\w+)\b/,
  /^\s*[A-Za-z_$][\w.$[\]"']*\s*(?:[:+-]?=|=>)\s*\S/,
  /^\s*\.?[\w$.]+\(.*\)[;,]?\s*$/,
  /^\s*"[\w.:-]+"\s*:/,
  // YAML: an indented key, or a key whose value is a value (quoted, one or two words), not a sentence
  /^\s+-?\s*[\w.-]+:(?:\s|$)|^\s*-?\s*[\w.-]+:\s+(?:["'`[{!&*|>\d]|\S+(?:\s\S+)?\s*$)/,
];

const COMMENT_LINE = /^\s*(?:#|\/\/|\/\*|\*|--)/;

/** True when a block without a language holds code (or configuration) rather than output or prose. */
export function looksLikeCode(value: string): boolean {
  // The block's lines with a character other than whitespace; the first decides whether it is output.
  // Comment lines say nothing either way: the rest are the statements.
  const statements: string[] = [];
  let first = true;
  for (let start = 0; start <= value.length;) {
    const newline = value.indexOf("\n", start);
    const end = newline < 0 ? value.length : newline;
    const line = value.slice(start, end);
    start = end + 1;
    if (!NOT_BLANK.test(line)) continue;
    if (first && OUTPUT_LINE.test(line)) return false;
    first = false;
    if (!COMMENT_LINE.test(line)) statements.push(line);
  }
  if (first) return false;
  // Only comments: code annotated in its own language ("# TODO: rotate"), not a log.
  if (statements.length === 0) return true;
  // Code when at least 30 % of the statements are code lines: counted until that share is reached.
  // A trailing comment is not part of the statement.
  const needed = statements.length * 0.3;
  let codeLines = 0;
  for (const line of statements) {
    const statement = line.replace(TRAILING_COMMENT, "");
    if (CODE_LINE.some((pattern) => pattern.test(statement))) codeLines++;
    if (codeLines > 0 && codeLines >= needed) return true;
  }
  return false;
}

/** A character trim() would keep: a line holding one is not blank. */
const NOT_BLANK = /\S/;
const TRAILING_COMMENT = /\s+(?:\/\/|#)\s.*$/;

/**
 * Where a line that opens like a comment (COMMENT's opener, after whitespace other than a line break)
 * starts: the start of the block or the line break before it.
 */
const COMMENT_START = /(?:^|\n)[^\S\n]*(?:#|\/\/|--|\/\*|<!--|;|%|')/g;

function hasMarkers(value: string): boolean {
  return value.split("\n").some((line) => markerOf(line) !== null);
}

/**
 * Splits a block at its marker comments. Returns null when the block has no markers of both kinds
 * (then the surrounding label decides), or a single-side verdict when all markers agree.
 */
export function splitBySide(block: CodeBlock): { parts: SideCode[]; markers: Set<CodeSide> } {
  const markers = new Set<CodeSide>();
  // Most blocks hold markers of one kind or none: nothing to split, no segments to build. Only lines
  // that open like a comment can be markers: those are found by one scan of the block, not a split.
  const value = block.value;
  COMMENT_START.lastIndex = 0;
  for (let found = COMMENT_START.exec(value); found; found = COMMENT_START.exec(value)) {
    const start = found.index === 0 && value.charCodeAt(0) !== 10 ? 0 : found.index + 1;
    const newline = value.indexOf("\n", start);
    const end = newline < 0 ? value.length : newline;
    const side = markerOf(value.slice(start, end));
    if (side) markers.add(side);
    if (newline < 0) break;
    COMMENT_START.lastIndex = newline;
  }
  if (markers.size < 2) return { parts: [], markers };
  const lines = value.split("\n");
  const segments: Array<{ side: CodeSide | null; lines: string[]; marker: boolean }> = [{ side: null, lines: [], marker: false }];
  for (const line of lines) {
    const side = markerOf(line);
    const last = segments[segments.length - 1];
    if (side && last && (last.side !== side || !last.marker)) {
      markers.add(side);
      if (last.side === side) {
        last.lines.push(line);
      } else {
        segments.push({ side, lines: [line], marker: true });
      }
      continue;
    }
    last?.lines.push(line);
  }
  const parts: SideCode[] = [];
  const [lead, ...rest] = segments;
  const firstSide = rest[0]?.side ?? "model";
  if (lead && lead.lines.some((l) => l.trim())) rest[0]?.lines.unshift(...lead.lines);
  else if (lead && lead.lines.length && firstSide) rest[0]?.lines.unshift(...lead.lines);
  for (const segment of rest) {
    if (!segment.side) continue;
    // A segment that is only its marker line carries no code ("// Model initially used other names").
    const body = segment.lines.filter((l) => l.trim()).length;
    if (body <= 1) continue;
    parts.push({ side: segment.side, block: { lang: block.lang, value: trimBlank(segment.lines).join("\n") } });
  }
  return { parts: mergeAdjacent(parts), markers };
}

function trimBlank(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]?.trim()) start++;
  while (end > start && !lines[end - 1]?.trim()) end--;
  return lines.slice(start, end);
}

function mergeAdjacent(parts: SideCode[]): SideCode[] {
  const merged: SideCode[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.side === part.side) last.block = { lang: last.block.lang, value: `${last.block.value}\n\n${part.block.value}` };
    else merged.push({ side: part.side, block: { ...part.block } });
  }
  return merged;
}
