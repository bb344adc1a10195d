// Download URLs for every list: /api/<list>?<the list's filters>&format=csv (or download=1 for JSON).
// Params a list's API does not know (view modes, page) are dropped so a download never 400s.
import { analysisQuerySchema, compareQuerySchema, failureQuerySchema, gapQuerySchema, scoreQuerySchema } from "../validations/list-queries";
import type { RawSearchParams } from "../filters/search-params";

export type ExportList = "analyses" | "failures" | "scores" | "compare" | "gaps";

const KEYS: Record<ExportList, string[]> = {
  analyses: Object.keys(analysisQuerySchema.shape),
  failures: Object.keys(failureQuerySchema.shape),
  scores: Object.keys(scoreQuerySchema.shape),
  compare: Object.keys(compareQuerySchema.shape),
  gaps: Object.keys(gapQuerySchema.shape),
};
const NEVER_FORWARDED = new Set(["page", "pageSize", "format", "download"]);

export function exportHref(list: ExportList, params: RawSearchParams, format: "csv" | "json"): string {
  const out = new URLSearchParams();
  for (const key of KEYS[list]) {
    if (NEVER_FORWARDED.has(key)) continue;
    const value = params[key];
    const values = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter(Boolean);
    if (values.length) out.set(key, values.join(","));
  }
  if (format === "csv") out.set("format", "csv");
  else out.set("download", "1");
  return `/api/${list}?${out.toString()}`;
}
