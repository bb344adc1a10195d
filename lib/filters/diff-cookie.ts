// Shared by the server (reads the remembered diff layout) and the layout switch (writes it).
import type { DiffMode } from "./view-params";

export const DIFF_COOKIE = "faultline-diff";

export function isDiffMode(value: unknown): value is DiffMode {
  return value === "split" || value === "unified";
}

/** A year-long, site-wide, script-readable cookie: it holds only a layout preference. */
export function diffCookie(mode: DiffMode): string {
  return `${DIFF_COOKIE}=${mode}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
