// Aligns a MODEL code block with an IDEAL code block line by line (jsdiff on line arrays), marks the
// changed words inside changed line pairs (lib/diff/layout.ts lays the rows out). Pure: no React, no database.
import { diffArrays, diffWordsWithSpace, type ChangeObject } from "diff";
import { CODE_LINE_BUDGET, clipText } from "../render/clip";
import { escapeHtml, markHtml, type TextRange } from "./mark-html";

/** One side of a diff row: 1-based line number and the line's (highlighted, marked) HTML. */
export interface DiffCell {
  no: number;
  html: string;
}

export type DiffRow =
  | { kind: "same"; left: DiffCell; right: DiffCell }
  | { kind: "change"; left: DiffCell; right: DiffCell }
  | { kind: "removed"; left: DiffCell }
  | { kind: "added"; right: DiffCell };

export type DiffSegment = { type: "rows"; rows: DiffRow[] } | { type: "folded"; rows: DiffRow[] };

export interface SideLines {
  /** Source lines of the block (value.split("\n")). */
  text: string[];
  /** Highlighted HTML per line, same length as `text` (falls back to escaped text when not). */
  html?: string[];
}

export interface DiffStats {
  added: number;
  removed: number;
  changed: number;
  same: number;
}

/**
 * What one block pair's diff may cost (as GitHub and diff2html do): jsdiff's Myers diff is
 * O((N+M)·D), so an 8,000-word line per side took 73 s to word-diff and 12,000 differing lines per
 * side 65 s to line-diff, on the server's only thread, at every view.
 */
export interface DiffBudget {
  /** Lines per side given to the line diff; longer blocks are diffed over their first lines. */
  maxLines: number;
  /** Edit distance (lines) the line diff explores; past it, the sides are shown line by line unaligned. */
  maxEditLines: number;
  /** Word marks only for line pairs whose lines both have at most this many characters. */
  maxWordDiffChars: number;
  /** Characters word-diffed per block pair in all; later changed lines get no word marks. */
  wordDiffChars: number;
  /** Rows built and shown per block pair. */
  maxRows: number;
}

export const DIFF_BUDGET: DiffBudget = {
  maxLines: 2_000,
  maxEditLines: 400,
  maxWordDiffChars: 1_000,
  wordDiffChars: 20_000,
  maxRows: 1_000,
};

/** What a budget cut, for the note the page shows ("diff too large — …"). */
export interface DiffLimits {
  /** The line diff gave up (too many differences): rows pair the sides line by line, unaligned. */
  unaligned: boolean;
  /** Lines per side in the block (before any cut). */
  modelLines: number;
  idealLines: number;
  /** Rows there would be, and rows built (≤ budget.maxRows). */
  totalRows: number;
  shownRows: number;
  /** Changed line pairs left without word marks (too long, or past the block's word budget). */
  unmarkedPairs: number;
  /** Characters the word diff was run on (≤ budget.wordDiffChars + one line pair). */
  wordDiffChars: number;
}

export interface BoundedDiff {
  rows: DiffRow[];
  limits: DiffLimits;
}

/** Class names the renderer styles; kept here so tests and CSS agree. */
export const MARK_REMOVED = "diff-word-removed";
export const MARK_ADDED = "diff-word-added";

/** Splits a code block into lines, dropping one trailing newline and any \r. */
export function splitLines(value: string): string[] {
  const lines = value.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * A stored block's lines with their highlighted HTML (ingest highlights `value.split("\n")`, so a
 * trailing newline leaves one empty line that is dropped here from both).
 */
export function blockLines(value: string, linesHtml: readonly string[]): Required<SideLines> {
  const text = value.split("\n");
  let html = linesHtml.length === text.length ? [...linesHtml] : text.map(escapeHtml);
  if (text.length > 1 && text[text.length - 1] === "") {
    text.pop();
    html = html.slice(0, text.length);
  }
  // A browser wraps one 200,000-character line for tens of seconds: show the start of it, plainly.
  for (let i = 0; i < text.length; i++) {
    const { shown, omitted } = clipText(text[i]!, CODE_LINE_BUDGET);
    if (!omitted) continue;
    text[i] = shown;
    html[i] =
      `${escapeHtml(shown)}<span class="diff-clipped"> … ${omitted.toLocaleString("en-US")} more characters (see the raw view)</span>`;
  }
  return { text, html };
}

/**
 * Aligns `model` (left) with `ideal` (right). Equal lines pair up; a run of removed lines followed by
 * a run of added lines pairs index by index as "change" rows (word marks inside), the rest stand alone.
 * Unbounded inputs are cut by DIFF_BUDGET; use alignBounded to learn what was cut.
 */
export function alignLines(model: SideLines, ideal: SideLines, budget: DiffBudget = DIFF_BUDGET): DiffRow[] {
  return alignBounded(model, ideal, budget).rows;
}

/** alignLines within `budget`, with what the budget cut. */
export function alignBounded(model: SideLines, ideal: SideLines, budget: DiffBudget = DIFF_BUDGET): BoundedDiff {
  const htmlOf = (side: SideLines, i: number) => {
    const html = side.html?.[i];
    return html !== undefined && side.html?.length === side.text.length ? html : escapeHtml(side.text[i] ?? "");
  };
  const limits: DiffLimits = {
    unaligned: false,
    modelLines: model.text.length,
    idealLines: ideal.text.length,
    totalRows: 0,
    shownRows: 0,
    unmarkedPairs: 0,
    wordDiffChars: 0,
  };
  const left = model.text.length > budget.maxLines ? model.text.slice(0, budget.maxLines) : model.text;
  const right = ideal.text.length > budget.maxLines ? ideal.text.slice(0, budget.maxLines) : ideal.text;
  // undefined when the sides differ by more than maxEditLines: the work stops there.
  const diffed: ChangeObject<string[]>[] | undefined = diffArrays(left, right, { maxEditLength: budget.maxEditLines });
  const changes: ChangeObject<string[]>[] = diffed ?? [
    { value: left, count: left.length, removed: true, added: false },
    { value: right, count: right.length, removed: false, added: true },
  ];
  limits.unaligned = !diffed;
  const rows: DiffRow[] = [];
  const push = (row: () => DiffRow) => {
    limits.totalRows++;
    if (rows.length < budget.maxRows) rows.push(row());
  };
  const changeRow = (li: number, ri: number): DiffRow => {
    const before = model.text[li] ?? "";
    const after = ideal.text[ri] ?? "";
    const size = before.length + after.length;
    const markable = before.length <= budget.maxWordDiffChars && after.length <= budget.maxWordDiffChars;
    if (before !== after && (!markable || limits.wordDiffChars >= budget.wordDiffChars)) {
      limits.unmarkedPairs++;
      return { kind: "change", left: { no: li + 1, html: htmlOf(model, li) }, right: { no: ri + 1, html: htmlOf(ideal, ri) } };
    }
    if (before !== after) limits.wordDiffChars += size;
    const [leftRanges, rightRanges] = wordRanges(before, after);
    return {
      kind: "change",
      left: { no: li + 1, html: markHtml(htmlOf(model, li), before, leftRanges, MARK_REMOVED) },
      right: { no: ri + 1, html: markHtml(htmlOf(ideal, ri), after, rightRanges, MARK_ADDED) },
    };
  };
  let l = 0;
  let r = 0;
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c]!;
    if (!change.added && !change.removed) {
      for (let k = 0; k < change.count; k++, l++, r++) {
        const [li, ri] = [l, r];
        push(() => ({ kind: "same", left: { no: li + 1, html: htmlOf(model, li) }, right: { no: ri + 1, html: htmlOf(ideal, ri) } }));
      }
      continue;
    }
    // A replacement is a removed run next to an added run (jsdiff emits removed first).
    const next = changes[c + 1];
    const removedCount = change.removed ? change.count : 0;
    const addedCount = change.added ? change.count : next?.added && change.removed ? next.count : 0;
    if (change.removed && next?.added) c++;
    const paired = Math.min(removedCount, addedCount);
    for (let k = 0; k < paired; k++) push(() => changeRow(l + k, r + k));
    for (let k = paired; k < removedCount; k++) push(() => ({ kind: "removed", left: { no: l + k + 1, html: htmlOf(model, l + k) } }));
    for (let k = paired; k < addedCount; k++) push(() => ({ kind: "added", right: { no: r + k + 1, html: htmlOf(ideal, r + k) } }));
    l += removedCount;
    r += addedCount;
  }
  // Lines past maxLines were not diffed: they count as rows not shown.
  limits.totalRows += Math.max(model.text.length - left.length, ideal.text.length - right.length);
  limits.shownRows = rows.length;
  return { rows, limits };
}

/** Whether a budget cut anything the reader should be told about. */
export function diffWasCut(limits: DiffLimits): boolean {
  return limits.unaligned || limits.shownRows < limits.totalRows || limits.unmarkedPairs > 0;
}

/**
 * The changed character ranges of a line pair: [ranges in `before`, ranges in `after`]. Whole-line
 * marks are left to the row colour, so lines that share almost nothing get no word marks at all.
 */
export function wordRanges(before: string, after: string): [TextRange[], TextRange[]] {
  if (before === after) return [[], []];
  // Bounded like the line diff; a pair that differs in more places than that gets no marks.
  const parts = diffWordsWithSpace(before, after, { maxEditLength: 400 });
  if (!parts) return [[], []];
  const left: TextRange[] = [];
  const right: TextRange[] = [];
  let lo = 0;
  let ro = 0;
  let common = 0;
  for (const part of parts) {
    const n = part.value.length;
    if (part.removed) {
      left.push([lo, lo + n]);
      lo += n;
    } else if (part.added) {
      right.push([ro, ro + n]);
      ro += n;
    } else {
      common += part.value.trim() ? n : 0;
      lo += n;
      ro += n;
    }
  }
  const longest = Math.max(before.trim().length, after.trim().length);
  if (longest > 0 && common / longest < 0.25) return [[], []];
  return [left, right];
}
