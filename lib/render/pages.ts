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

const LINE_SUFFIX = /^(.*?)(?:-b\d+)?-[LR]\d+$/;

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
export function withPage(href: string, page: number): string {
  const url = new URL(href, "http://x");
  if (page > 1) url.searchParams.set("page", String(page));
  else url.searchParams.delete("page");
  return `${url.pathname}${url.search}${url.hash}`;
}
