// GET /api/compare?a=SLUG&b=SLUG: the comparison as JSON, or its failure alignment as CSV rows.
// GET /api/compare/options?q=TEXT: the picker's matches (a few KB per keystroke).
import "server-only";
import { z } from "zod";
import { compareAnalyses, type CompareFailure, type Comparison } from "../compare/compare-analyses";
import { PICKER_DEFAULT_LIMIT, PICKER_MAX_LIMIT, PICKER_MAX_QUERY, searchPickerOptions } from "../compare/picker";
import type { CsvColumn } from "../export/to-csv";
import { SLUG_PATTERN } from "../domain";
import { compareQuerySchema, parseQuery } from "../validations/list-queries";
import { csvResponse, errorResponse, handle, jsonResponse } from "./respond";

export interface AlignmentRow {
  match: "shared" | "only-a" | "only-b";
  similarity: number | null;
  sharedGaps: string[];
  a: CompareFailure | null;
  b: CompareFailure | null;
}

export function alignmentRows(c: Comparison): AlignmentRow[] {
  return [
    ...c.alignment.shared.map((p): AlignmentRow => ({ match: "shared", similarity: p.score, sharedGaps: p.sharedGaps, a: p.a, b: p.b })),
    ...c.alignment.onlyA.map((f): AlignmentRow => ({ match: "only-a", similarity: null, sharedGaps: [], a: f, b: null })),
    ...c.alignment.onlyB.map((f): AlignmentRow => ({ match: "only-b", similarity: null, sharedGaps: [], a: null, b: f })),
  ];
}

export const COMPARE_CSV_COLUMNS: CsvColumn<AlignmentRow>[] = [
  { header: "match", value: (r) => r.match },
  { header: "similarity", value: (r) => r.similarity },
  { header: "shared_gaps", value: (r) => r.sharedGaps },
  { header: "a_number", value: (r) => r.a?.number },
  { header: "a_key", value: (r) => r.a?.key },
  { header: "a_title", value: (r) => r.a?.title },
  { header: "a_severity", value: (r) => r.a?.severity },
  { header: "a_gaps", value: (r) => r.a?.gaps },
  { header: "a_url", value: (r) => r.a?.url },
  { header: "b_number", value: (r) => r.b?.number },
  { header: "b_key", value: (r) => r.b?.key },
  { header: "b_title", value: (r) => r.b?.title },
  { header: "b_severity", value: (r) => r.b?.severity },
  { header: "b_gaps", value: (r) => r.b?.gaps },
  { header: "b_url", value: (r) => r.b?.url },
];

export function getComparison(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(compareQuerySchema, new URL(request.url).searchParams);
    const result = await compareAnalyses(query.a, query.b);
    if (!result.ok) {
      const missing = result.missing.map((k) => `"${k === "a" ? query.a : query.b}"`).join(" and ");
      return errorResponse("not_found", `No analysis with slug ${missing}.`);
    }
    const c = result.comparison;
    const parts = [query.a, "vs", query.b];
    if (query.format === "csv") return csvResponse(COMPARE_CSV_COLUMNS, alignmentRows(c), "compare", parts);
    const { failures: failuresA, ...a } = c.a;
    const { failures: failuresB, ...b } = c.b;
    const body = {
      a: { ...a, failures: failuresA },
      b: { ...b, failures: failuresB },
      gaps: c.gaps,
      // Failures of each side aligned (the first N by number when a side has more).
      compared: c.compared,
      failures: alignmentRows(c),
    };
    return jsonResponse(body, query.download ? { list: "compare", parts } : undefined);
  });
}

export const pickerQuerySchema = z.object({
  q: z.string().max(PICKER_MAX_QUERY, `must be at most ${PICKER_MAX_QUERY} characters`).optional(),
  limit: z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(PICKER_MAX_LIMIT, `must be at most ${PICKER_MAX_LIMIT}`))
    .optional(),
  exclude: z.string().regex(SLUG_PATTERN, "is not a valid analysis slug").optional(),
});

export function getCompareOptions(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(pickerQuerySchema, new URL(request.url).searchParams);
    const result = await searchPickerOptions(query.q ?? "", { limit: query.limit ?? PICKER_DEFAULT_LIMIT, exclude: query.exclude });
    return jsonResponse(result);
  });
}
