// How an aligned diff is laid out: long unchanged runs folded, the unified (one column, −/+) reading
// order, the change counts, block pairs and line anchors. Pure: no React, no database.
import type { DiffRow, DiffSegment, DiffStats } from "./align";

/**
 * Folds unchanged runs: keeps `context` lines next to each change and folds the rest when at least
 * `minFold` lines would be hidden. A block with no changes at all keeps its first `context` lines.
 */
export function foldRows(rows: DiffRow[], context = 3, minFold = 4): DiffSegment[] {
  const segments: DiffSegment[] = [];
  const push = (type: DiffSegment["type"], part: DiffRow[]) => {
    if (!part.length) return;
    const last = segments[segments.length - 1];
    if (last && last.type === type) last.rows.push(...part);
    else segments.push({ type, rows: [...part] });
  };
  let i = 0;
  while (i < rows.length) {
    if (rows[i]!.kind !== "same") {
      push("rows", [rows[i]!]);
      i++;
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j]!.kind === "same") j++;
    const run = rows.slice(i, j);
    const atStart = i === 0;
    const atEnd = j === rows.length;
    const head = atStart ? (atEnd ? context : 0) : context;
    const tail = atEnd ? 0 : context;
    if (run.length - head - tail >= minFold) {
      push("rows", run.slice(0, head));
      push("folded", run.slice(head, run.length - tail));
      push("rows", run.slice(run.length - tail));
    } else {
      push("rows", run);
    }
    i = j;
  }
  return segments;
}

export function diffStats(rows: DiffRow[]): DiffStats {
  const stats: DiffStats = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const row of rows) {
    if (row.kind === "same") stats.same++;
    else if (row.kind === "change") stats.changed++;
    else if (row.kind === "added") stats.added++;
    else stats.removed++;
  }
  return stats;
}

/** A unified line: what a row contributes when MODEL and IDEAL are shown in one column. */
export interface UnifiedLine {
  sign: " " | "-" | "+";
  left: number | null;
  right: number | null;
  html: string;
}

/** Flattens rows into unified lines: within a run of changes, all MODEL lines first, then all IDEAL lines. */
export function unifiedLines(rows: DiffRow[]): UnifiedLine[] {
  const out: UnifiedLine[] = [];
  let minus: UnifiedLine[] = [];
  let plus: UnifiedLine[] = [];
  const flush = () => {
    out.push(...minus, ...plus);
    minus = [];
    plus = [];
  };
  for (const row of rows) {
    if (row.kind === "same") {
      flush();
      out.push({ sign: " ", left: row.left.no, right: row.right.no, html: row.right.html });
      continue;
    }
    if (row.kind !== "added") minus.push({ sign: "-", left: row.left.no, right: null, html: row.left.html });
    if (row.kind !== "removed") plus.push({ sign: "+", left: null, right: row.right.no, html: row.right.html });
  }
  flush();
  return out;
}

export interface BlockLike {
  position: number;
  lang: string | null;
  value: string;
  linesHtml: string[];
}

export type BlockPair<B extends BlockLike = BlockLike> =
  | { kind: "pair"; index: number; model: B; ideal: B }
  | { kind: "model-only"; index: number; model: B }
  | { kind: "ideal-only"; index: number; ideal: B };

/** Pairs MODEL block i with IDEAL block i; extra blocks on either side stand alone. */
export function pairBlocks<B extends BlockLike>(model: B[], ideal: B[]): BlockPair<B>[] {
  const m = [...model].sort((a, b) => a.position - b.position);
  const d = [...ideal].sort((a, b) => a.position - b.position);
  const pairs: BlockPair<B>[] = [];
  for (let i = 0; i < Math.max(m.length, d.length); i++) {
    const a = m[i];
    const b = d[i];
    if (a && b) pairs.push({ kind: "pair", index: i, model: a, ideal: b });
    else if (a) pairs.push({ kind: "model-only", index: i, model: a });
    else if (b) pairs.push({ kind: "ideal-only", index: i, ideal: b });
  }
  return pairs;
}

/**
 * The anchor id of a diff line. `side` "L" is the MODEL (left) line number, "R" the IDEAL (right)
 * one. The first block pair keeps the short form `failure-3-L12`; later pairs add `b2`, `b3`….
 */
export function lineAnchor(failureNumber: number | string, pairIndex: number, side: "L" | "R", line: number): string {
  return pairIndex === 0 ? `failure-${failureNumber}-${side}${line}` : `failure-${failureNumber}-b${pairIndex + 1}-${side}${line}`;
}

/** Reads an anchor written by `lineAnchor`; null for anything else. */
export function parseLineAnchor(hash: string): { failure: number; pair: number; side: "L" | "R"; line: number } | null {
  const match = /^#?failure-(\d+)-(?:b(\d+)-)?([LR])(\d+)$/.exec(hash);
  if (!match) return null;
  return { failure: Number(match[1]), pair: match[2] ? Number(match[2]) - 1 : 0, side: match[3] as "L" | "R", line: Number(match[4]) };
}
