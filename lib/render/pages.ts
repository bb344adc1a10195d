// Page budgets of the analysis page: a long analysis shows its failures 50 at a time and the raw view
// 2,000 lines at a time (`?page=N`), so no view renders unbounded HTML (25k failures were a 183 MB
// page; a 500k-line raw view 432 MB). Fragments naming something on another page are sent there
// (components/page-locator.tsx, /api/analyses/<slug>/locate).
import { parsePage, type RawSearchParams } from "../filters/search-params";

export const FAILURES_PER_PAGE = 50;
export const RAW_LINES_PER_PAGE = 2_000;

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** `?page=` clamped to the pages there are. */
export function pageOf(query: RawSearchParams, total: number, perPage: number): { page: number; requested: number; pages: number } {
  const requested = parsePage(query);
  const pages = pageCount(total, perPage);
  return { page: Math.min(requested, pages), requested, pages };
}

/** The window of rows page `page` shows. */
export function pageWindow(page: number, perPage: number): { skip: number; take: number } {
  return { skip: (page - 1) * perPage, take: perPage };
}

/** The raw-view page holding 1-based line `line`. */
export function rawPageOfLine(line: number): number {
  return Math.max(1, Math.ceil(line / RAW_LINES_PER_PAGE));
}

/** What a fragment names: a raw line, a failure (by key, number or old alias, maybe with a diff line), or nothing. */
export type FragmentTarget = { kind: "raw"; line: number } | { kind: "failure"; ref: string } | null;

/**
 * A diff line or line range at the end of a failure fragment: `-L12`, `-b2-R4`, `-L3-L7` (shift-click,
 * as on GitHub). Groups: 1 what precedes it, 2 the suffix, 3 "-b2" or undefined, 4 side, 5 first line, 6 last line.
 */
export const LINE_SUFFIX = /^(.*?)((-b\d+)?-([LR])(\d{1,9})(?:-\4(\d{1,9}))?)$/;

/** A fragment naming diff lines: the anchors of its first and last line (the same for one line). */
export function lineRange(hash: string): { first: string; last: string; base: string; side: "L" | "R"; from: number; to: number } | null {
  const m = LINE_SUFFIX.exec(hash.startsWith("#") ? hash.slice(1) : hash);
  if (!m || !m[1]!.startsWith("failure-")) return null;
  const base = `${m[1]}${m[3] ?? ""}`;
  const side = m[4] as "L" | "R";
  const a = Number(m[5]);
  const b = m[6] === undefined ? a : Number(m[6]);
  const [from, to] = a <= b ? [a, b] : [b, a];
  return { first: `${base}-${side}${from}`, last: `${base}-${side}${to}`, base, side, from, to };
}

/**
 * Shift-click: the range from the line the address names (its first line) to the clicked one, when both
 * are on the same side of the same block (`failure-<key>-L3-L7`); otherwise just the clicked line.
 */
export function rangeAnchor(current: string, clicked: string): string {
  const from = lineRange(current);
  const to = lineRange(clicked);
  if (!from || !to || from.base !== to.base || from.side !== to.side || from.from === to.from) return clicked;
  const [a, b] = from.from < to.from ? [from.from, to.from] : [to.from, from.from];
  return `${to.base}-${to.side}${a}-${to.side}${b}`;
}

/** The address bar's fragment without "#", percent-decoded when it can be. */
export function currentHash(): string {
  try {
    return decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return window.location.hash.slice(1);
  }
}

export function parseFragment(hash: string): FragmentTarget {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  const raw = /^raw-L(\d{1,9})$/.exec(fragment);
  if (raw) return { kind: "raw", line: Number(raw[1]) };
  if (!fragment.startsWith("failure-") || fragment.length > 300) return null;
  const rest = fragment.slice("failure-".length);
  const ref = LINE_SUFFIX.exec(rest)?.[1] ?? rest;
  return ref ? { kind: "failure", ref } : null;
}

/** The same URL on another page (every other query parameter and the fragment kept). */
export function withPage<H extends string>(href: H, page: number): H {
  const url = new URL(href, "http://x");
  if (page > 1) url.searchParams.set("page", String(page));
  else url.searchParams.delete("page");
  return `${url.pathname}${url.search}${url.hash}` as H;
}
