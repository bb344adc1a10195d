// Turns an analysis row's JSON columns and declared counts into what its header shows. Pure.
import { z } from "zod";

const scoresSchema = z.array(z.object({ label: z.string(), value: z.number(), max: z.number(), line: z.number().nullable().optional() }));
const warningsSchema = z.array(z.object({ code: z.string(), message: z.string(), line: z.number().nullable() }));
const stringsSchema = z.array(z.string());

function parseJson<T>(schema: z.ZodType<T>, text: string, fallback: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export interface CountRow {
  severity: "critical" | "high" | "medium" | "low";
  declared: number | null;
  found: number;
}

export interface HeaderRow {
  scoresJson: string;
  warningsJson: string;
  knowledgeGapsJson: string;
  hasDeclaredCounts: boolean;
  declaredCritical: number | null;
  declaredHigh: number | null;
  declaredMedium: number | null;
  declaredLow: number | null;
  criticalCount: number;
  highCount: number;
  mediumCount: number;
  lowCount: number;
}

export function analysisHeader(row: HeaderRow) {
  const counts: CountRow[] = [
    { severity: "critical", declared: row.declaredCritical, found: row.criticalCount },
    { severity: "high", declared: row.declaredHigh, found: row.highCount },
    { severity: "medium", declared: row.declaredMedium, found: row.mediumCount },
    { severity: "low", declared: row.declaredLow, found: row.lowCount },
  ];
  const mismatches = row.hasDeclaredCounts ? counts.filter((c) => c.declared !== null && c.declared !== c.found) : [];
  return {
    scores: parseJson(scoresSchema, row.scoresJson, []),
    warnings: parseJson(warningsSchema, row.warningsJson, []),
    writtenGaps: parseJson(stringsSchema, row.knowledgeGapsJson, []),
    counts,
    mismatches,
  };
}
