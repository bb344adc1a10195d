// Document-level facts: title, task id, IaC platform and language, executive summary,
// the severity counts the document claims, and its own knowledge-gap list.
import type { List, Root, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import type { SeverityCounts } from "./types";
import type { Outline, Section } from "./sections";
import { cleanTitle, sliceOf, squash, stripBlockPrefix, stripEmoji, stripInlineMarkdown } from "./text";

// ---- task id ------------------------------------------------------------------------------------

const TASK_ID =
  // Each whitespace run is bounded and follows a token of its own, so runs never share spaces
  // (four adjacent `\s*` made "Task" + 400 spaces take 15 s).
  /\btask(?:[\s_-]{0,20}id)?\s{0,20}(?:(?:#|no\.?|number)\s{0,20})?(?:[:：=\-–—]\s{0,20})?(?:[(`"']\s{0,20})?([A-Za-z0-9][A-Za-z0-9_-]{3,39})\b|\btask\b[^()\n]{0,80}\((\d{5,})\)/gi;

/** Task id from the title, intro prose or metadata lines ("for task 101000875", "Task ID: X"). */
export function findTaskId(root: Root, source: string): string | null {
  // Where "task" stands (any case; the word cannot overlap itself, so every one is found): a block
  // is read only when one lies inside it, which is what testing its own text for "task" told.
  const words: number[] = [];
  TASK_WORD.lastIndex = 0;
  for (let found = TASK_WORD.exec(source); found; found = TASK_WORD.exec(source)) words.push(found.index);
  if (words.length === 0) return null;
  let next = 0;
  for (const node of root.children) {
    if (node.type === "table") {
      const id = tableTaskId(node);
      if (id) return id;
      continue;
    }
    if (node.type === "code" || node.type === "html") continue;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    while (next < words.length && (words[next] ?? 0) < start) next++;
    // Tables further on are still read: no break once the words run out.
    if (next === words.length || (words[next] ?? 0) + 4 > end) continue;
    const text = source.slice(start, end);
    for (const line of text.split("\n")) {
      const plain = stripInlineMarkdown(stripBlockPrefix(line));
      for (const match of plain.matchAll(TASK_ID)) {
        const id = match[1] ?? match[2];
        if (id && isTaskId(id)) return id;
      }
    }
  }
  return null;
}

const TASK_WORD = /task/gi;

/** "| Task ID | 101000875 |": a metadata row of a two-column table. */
function tableTaskId(table: Table): string | null {
  for (const row of table.children) {
    if (row.children.length !== 2) continue;
    const [key, value] = row.children.map((cell) => squash(stripInlineMarkdown(toString(cell))));
    if (key && value && /^task(?:[\s_-]*id)?$/i.test(key) && isTaskId(value)) return value;
  }
  return null;
}

function isTaskId(id: string): boolean {
  return /\d/.test(id) && /^(?:[A-Z]*[-_]?\d[\w-]*|\d+)$/i.test(id) && !/^\d{1,3}$/.test(id);
}

// ---- the document's own date ------------------------------------------------------------------------

/** A "Date:" / "Analysis Date:" / "Report date:" line (or front matter `date:`) near the top. */
const DATE_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:(?:analysis|report|review)\s+)?date(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*([^\n]{4,80})$/im;
const ISO_DATE = /\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WORDED_DATE =
  /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b/i;

/** The date the document states for itself, as YYYY-MM-DD, from its first 60 lines; null if none. */
export function findDocumentDate(source: string): string | null {
  // Up to the 60th line break (what split("\n", 60).join("\n") gave), without copying the lines.
  let cut = -1;
  for (let i = 0; i < 60; i++) {
    cut = source.indexOf("\n", cut + 1);
    if (cut === -1) break;
  }
  const head = cut === -1 ? source : source.slice(0, cut);
  // Every date line holds the word (a cheap test before the line pattern).
  if (!/date/i.test(head)) return null;
  const value = DATE_LINE.exec(head)?.[1];
  if (!value) return null;
  const iso = ISO_DATE.exec(value);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const worded = WORDED_DATE.exec(value);
  if (!worded) return null;
  const [monthName, day, year] = worded[1] ? [worded[1], worded[2], worded[3]] : [worded[5], worded[4], worded[6]];
  const month = MONTHS.indexOf((monthName ?? "").slice(0, 3).toLowerCase()) + 1;
  return month > 0 ? validDate(Number(year), month, Number(day)) : null;
}

function validDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null; // 2025-02-30
  return date.toISOString().slice(0, 10);
}

// ---- title & summary ------------------------------------------------------------------------------

export function findTitle(outline: Outline, root: Root): string | null {
  if (outline.title) return cleanTitle(outline.title.raw) || null;
  const first = outline.sections[0];
  if (first) return cleanTitle(first.raw) || null;
  const paragraph = root.children.find((node) => node.type === "paragraph");
  if (!paragraph) return null;
  const line = squash(stripEmoji(toString(paragraph).split("\n")[0] ?? ""));
  return line.length > 0 && line.length <= 120 ? line : null;
}

const SUMMARY_HEADING = /\b(executive summary|summary|overview|introduction|analysis summary)\b/i;

/** Executive-summary text: the first summary/overview section, else the intro under the title. */
export function findSummary(outline: Outline, root: Root, source: string): string | null {
  const section = outline.sections.find((s) => !s.isTitle && SUMMARY_HEADING.test(s.text) && s.depth <= 2);
  if (section) {
    const text = proseBetween(root, source, section.index + 1, directEnd(outline, section, root));
    if (text) return text;
  }
  const firstHeadingIndex = outline.title ? outline.title.index + 1 : 0;
  const next = outline.sections.find((s) => !s.isTitle);
  const intro = proseBetween(root, source, firstHeadingIndex, next ? next.index : Math.min(root.children.length, 3));
  return intro || null;
}

function directEnd(outline: Outline, section: Section, root: Root): number {
  const next = outline.sections.find((s) => s.index > section.index);
  return next ? next.index : root.children.length;
}

/** "Task ID: …", "- Platform: …" lines: shown as fields of their own, not repeated in the summary. */
const METADATA_LINE =
  /^\s*(?:[-*+]\s+)?(?:task(?:\s*id)?|platform|language|region|complexity|iac tool|tool|date|author|model|subject labels?)\s*[:：]/i;

function proseBetween(root: Root, source: string, from: number, to: number): string {
  const parts: string[] = [];
  for (const node of root.children.slice(from, to)) {
    if (node.type === "paragraph" || node.type === "list" || node.type === "blockquote") {
      // Kept as Markdown (code spans, list numbering, tables): the page renders it.
      parts.push(
        sliceOf(source, node)
          .split("\n")
          .map((line) => line.trimEnd())
          // A metadata line has a colon, and stripping markup adds none: most lines skip the strip.
          .filter((line) => !(line.includes(":") || line.includes("：")) || !METADATA_LINE.test(stripInlineMarkdown(line)))
          .join("\n")
          .trim(),
      );
    }
  }
  return parts.join("\n\n").trim();
}

// ---- declared counts ------------------------------------------------------------------------------

const COUNT_WORDS: ReadonlyArray<[keyof SeverityCounts, RegExp]> = [
  ["critical", /^(critical|blocker)s?$/i],
  ["high", /^(high|major|significant)$/i],
  ["medium", /^(medium|moderate)$/i],
  ["low", /^(low|minor|minimal|trivial)$/i],
];

function countKey(word: string): keyof SeverityCounts | null {
  for (const [key, pattern] of COUNT_WORDS) if (pattern.test(word)) return key;
  return null;
}

/** Severity counts the document claims ("Total failures: 2 Critical, 4 High" or "Total High Failures: 0" lines) and the first such line. */
export function findDeclaredCounts(root: Root, source: string): { counts: SeverityCounts; line: number | null } | null {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  let seen = false;
  let firstLine: number | null = null;
  if (!/total/i.test(source)) return null;
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === "paragraph" || node.type === "heading") {
        const text = sliceOf(source, node);
        if (!/total/i.test(text)) continue;
        text.split("\n").forEach((line, offset) => {
          if (!readCountLine(line, counts)) return;
          seen = true;
          const start = node.position?.start.line;
          firstLine ??= start === undefined ? null : start + offset;
        });
      } else if (node.type === "list") {
        for (const item of (node as List).children) visit(item.children as RootContent[]);
      }
    }
  };
  visit(root.children);
  return seen ? { counts, line: firstLine } : null;
}

function readCountLine(rawLine: string, counts: SeverityCounts): boolean {
  if (!/total/i.test(rawLine)) return false;
  const line = squash(stripInlineMarkdown(stripBlockPrefix(rawLine)));
  const perLevel = /^total\s+(critical|high|medium|low|major|minor|moderate)\s+(?:failures|issues|faults)\s*[:：]\s*(\d+)/i.exec(line);
  if (perLevel?.[1] && perLevel[2]) {
    const key = countKey(perLevel[1]);
    if (key) counts[key] = Number(perLevel[2]);
    return key !== null;
  }
  if (!/^total\s+(?:failures|issues|faults)(?:\s+\w+){0,2}\s*[:：]/i.test(line)) return false;
  let found = false;
  for (const match of line.matchAll(/(\d+)\s+(critical|high|medium|low|major|minor|moderate|blockers?)\b/gi)) {
    const key = countKey(match[2] ?? "");
    if (key) {
      counts[key] = Number(match[1]);
      found = true;
    }
  }
  return found;
}

// ---- knowledge gaps -----------------------------------------------------------------------------

const GAP_LABEL = /^(?:primary\s+)?knowledge\s+gaps?(?:\s+identified)?\s*[:：]?\s*(.*)$/i;

/** The first source line of a node, without copying the rest of it. */
function firstLineOfNode(source: string, node: RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return "";
  const newline = source.indexOf("\n", start);
  return source.slice(start, newline < 0 || newline > end ? end : newline);
}

/** The document's own knowledge-gap list: a "Primary knowledge gaps" field or section, as written. */
export function findKnowledgeGaps(outline: Outline, root: Root, source: string): string[] {
  const gaps: string[] = [];
  const section = outline.sections.find((s) => /knowledge gaps?/i.test(s.text) && !s.isTitle);
  if (section) {
    const next = outline.sections.find((s) => s.index > section.index);
    for (const node of root.children.slice(section.index + 1, next ? next.index : root.children.length)) {
      if (node.type === "list") gaps.push(...listItemsText(node, source));
    }
    if (gaps.length) return cleanGaps(gaps);
  }
  // The labels below are found only in source lines holding "knowledge": none in the document, none.
  if (!/knowledge/i.test(source)) return [];
  const visit = (nodes: readonly RootContent[]): boolean => {
    for (const node of nodes) {
      if (node.type === "list") {
        for (const item of node.children) {
          const first = item.children[0];
          const firstLine = first ? firstLineOfNode(source, first) : "";
          const label = /knowledge/i.test(firstLine) ? GAP_LABEL.exec(squash(stripInlineMarkdown(stripBlockPrefix(firstLine)))) : null;
          if (label) {
            const inline = (label[1] ?? "").trim();
            if (inline) gaps.push(...inline.split(/\s*[;,]\s*(?![^()]*\))/));
            for (const child of item.children.slice(1)) if (child.type === "list") gaps.push(...listItemsText(child, source));
            return true;
          }
          if (visit(item.children as RootContent[])) return true;
        }
      } else if (node.type === "paragraph") {
        const lines = [firstLineOfNode(source, node)];
        const label = /knowledge/i.test(lines[0] ?? "")
          ? GAP_LABEL.exec(squash(stripInlineMarkdown(stripBlockPrefix(lines[0] ?? ""))))
          : null;
        if (label?.[1]) {
          gaps.push(...label[1].split(/\s*[;,]\s*(?![^()]*\))/));
          return true;
        }
      }
    }
    return false;
  };
  visit(root.children);
  return cleanGaps(gaps);
}

function listItemsText(list: List, source: string): string[] {
  return list.children.map((item) => {
    const first = item.children[0];
    return first ? (sliceOf(source, first).split("\n")[0] ?? "") : "";
  });
}

function cleanGaps(gaps: string[]): string[] {
  return gaps
    .map((gap) => squash(stripInlineMarkdown(stripBlockPrefix(gap))).replace(/[.:]$/, ""))
    .filter((gap) => gap.length > 0 && !/^(none|n\/a|none identified)$/i.test(gap));
}
