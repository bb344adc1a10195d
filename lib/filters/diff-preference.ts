// The split/unified choice: the URL's `diff` wins (shared links show what their author saw); without
// it, the reader's last choice, remembered in a cookie so the server renders it with no flash.
import "server-only";
import { cookies } from "next/headers";
import { DIFF_COOKIE, isDiffMode } from "./diff-cookie";
import type { RawSearchParams } from "./search-params";
import { parseDiffMode, type DiffMode } from "./view-params";

export async function diffModeFor(query: RawSearchParams): Promise<DiffMode> {
  if (query.diff !== undefined) return parseDiffMode(query);
  const remembered = (await cookies()).get(DIFF_COOKIE)?.value;
  return isDiffMode(remembered) ? remembered : parseDiffMode(query);
}

/** Whether the reader chose a layout (the URL or the remembered cookie); if not, the width decides. */
export async function diffModeChosen(query: RawSearchParams): Promise<boolean> {
  if (query.diff !== undefined) return true;
  return isDiffMode((await cookies()).get(DIFF_COOKIE)?.value);
}

/** The page's query string as given, for redirects that must keep every parameter. */
export function queryString(query: RawSearchParams): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}
