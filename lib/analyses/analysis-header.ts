// Turns an analysis row's JSON columns and declared counts into what its header shows. Pure.
import { z } from "zod";

const scoresSchema = z.array(
  z.object({ label: z.string(), value: z.number(), max: z.number(), line: z.number().nullable().optional(), kind: z.string().optional() }),
);
type LabeledScore = z.infer<typeof scoresSchema>[number];
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
  scoreValue?: number | null;
  scoreMax?: number | null;
}

export function analysisHeader(row: HeaderRow) {
  const counts: CountRow[] = [
    { severity: "critical", declared: row.declaredCritical, found: row.criticalCount },
    { severity: "high", declared: row.declaredHigh, found: row.highCount },
    { severity: "medium", declared: row.declaredMedium, found: row.mediumCount },
    { severity: "low", declared: row.declaredLow, found: row.lowCount },
  ];
  const mismatches = row.hasDeclaredCounts ? counts.filter((c) => c.declared !== null && c.declared !== c.found) : [];
  const scores = parseJson(scoresSchema, row.scoresJson, []);
  // The training-quality score is the one the analysis is ranked by; records stored before score
  // kinds existed have none, and count as training.
  const isTraining = (s: LabeledScore) => s.kind === undefined || s.kind === "training";
  const training =
    row.scoreValue === null || row.scoreValue === undefined
      ? null
      : (scores.findLast((s) => isTraining(s) && s.value === row.scoreValue && s.max === row.scoreMax) ?? null);
  return {
    scores,
    /** The line the training score was read from ("Training Quality Score"), shown beside it. */
    trainingScoreLabel: training?.label ?? null,
    /** Every other score the report gives (lint, code quality, projected…), never the ranking score. */
    otherScores: scores.filter(
      (s) => s !== training && !(isTraining(s) && training && s.value === training.value && s.max === training.max),
    ),
    warnings: parseJson(warningsSchema, row.warningsJson, []),
    writtenGaps: parseJson(stringsSchema, row.knowledgeGapsJson, []),
    counts,
    mismatches,
  };
}
