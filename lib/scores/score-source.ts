// Where an analysis's score came from: the labelled line of the document it was read from. The parser
// keeps every score it found ({label, value, max, line, kind}) in Analysis.scoresJson and promotes one
// training-quality score to scoreValue/scoreMax; this finds that one again so pages can say "8/10 —
// Updated Training Quality Score, line 619" instead of a bare number.

export interface ScoreSource {
  /** The label as the document wrote it ("Training Quality Score"). */
  label: string;
  /** 1-based line of the document, when recorded. */
  line: number | null;
}

interface StoredScore {
  label?: unknown;
  value?: unknown;
  max?: unknown;
  line?: unknown;
  kind?: unknown;
}

function parseScores(json: string | null | undefined): StoredScore[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((s): s is StoredScore => typeof s === "object" && s !== null) : [];
  } catch {
    return [];
  }
}

/**
 * The stored score entry the analysis's score is: same value and scale, a training-quality score
 * preferred, the last such line when the document repeats it (the parser takes the latest update).
 * Null when there is no score or no entry matches (analyses stored before labels were kept).
 */
export function scoreSource(scoresJson: string | null | undefined, value: number | null, max: number | null): ScoreSource | null {
  if (value === null) return null;
  const same = parseScores(scoresJson).filter(
    (s) => s.value === value && (max === null || s.max === max) && typeof s.label === "string" && s.label.trim(),
  );
  const pick = same.filter((s) => s.kind === "training").at(-1) ?? same.at(-1);
  if (!pick) return null;
  return { label: String(pick.label).trim(), line: typeof pick.line === "number" && Number.isFinite(pick.line) ? pick.line : null };
}

/** "Training Quality Score, line 433" / "label not recorded". */
export function describeScoreSource(source: ScoreSource | null): string {
  if (!source) return "label not recorded";
  return source.line !== null ? `${source.label}, line ${source.line}` : source.label;
}
