// The structured record a failure-analysis Markdown document parses into.
// This shape is the `parse` command's JSON (one object per file) and the JSON export of an analysis.

export type Severity = "critical" | "high" | "medium" | "low" | "unknown";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "unknown"];
/** The severities a failure can be graded with, most severe first (SEVERITIES without "unknown"). */
export const GRADED_SEVERITIES = ["critical", "high", "medium", "low"] as const;

export interface CodeBlock {
  /** Fence language as written ("python", "hcl", ...), or null when the fence has none. */
  lang: string | null;
  value: string;
}

export interface Side {
  /** Prose of this side (labels and code removed), "" when none. */
  text: string;
  code: CodeBlock[];
}

export interface Impact {
  label: string;
  text: string;
}

/** A labelled field of a failure that no other property holds ("Training Value", "Category", "Lesson"). */
export interface LabeledField {
  label: string;
  text: string;
}

export interface Reference {
  title: string;
  url: string;
}

export interface Score {
  value: number;
  max: number;
}

/**
 * What a score measures. Only "training" (training quality) becomes the analysis's `score`; the
 * others are kept in `scores` with their label: lint, code quality, compliance, readiness,
 * requirement counts ("3/12 requirements met"), tests, projected ("score after fixes"), other.
 */
export type ScoreKind =
  "training" | "lint" | "code-quality" | "compliance" | "readiness" | "requirements" | "tests" | "projected" | "other";

export interface LabeledScore extends Score {
  label: string;
  line: number;
  /** Absent on records stored before kinds existed; read as "training". */
  kind?: ScoreKind;
}

export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
}

export interface ParseWarning {
  /** Stable machine code, e.g. "no-failures", "count-mismatch", "unclosed-fence". */
  code: string;
  message: string;
  /** 1-based source line, or null when the warning is about the whole document. */
  line: number | null;
}

export interface ParsedFailure {
  number: number;
  title: string;
  severity: Severity;
  severityNote: string | null;
  section: string | null;
  model: Side;
  ideal: Side;
  rootCause: string | null;
  impacts: Impact[];
  references: Reference[];
  location: string | null;
  status: string | null;
  /**
   * Labelled fields not mapped to another property, in document order, label as written. The parser
   * always sets it; records rebuilt from the database may lack it until the store keeps fields.
   */
  fields?: LabeledField[];
  /** Normalized knowledge-gap category ids (see content/knowledge-gaps.json), primary first. */
  gaps: string[];
  /** 1-based source line of the item's heading / list item. */
  line: number;
}

export interface ParsedAnalysis {
  path: string | null;
  title: string | null;
  taskId: string | null;
  /** The date the document states for itself ("Date:", "Analysis Date:", front matter `date:`), as
   * YYYY-MM-DD; absent when it states none or the value is not a date. */
  date?: string;
  platform: string | null;
  language: string | null;
  summary: string | null;
  score: Score | null;
  scores: LabeledScore[];
  declaredCounts: SeverityCounts | null;
  /** The document's own knowledge-gap list, as written. */
  knowledgeGaps: string[];
  /** The document's own gap list mapped to category ids. */
  knowledgeGapIds: string[];
  failures: ParsedFailure[];
  warnings: ParseWarning[];
}

export interface ParseOptions {
  /** Source path, only used in the record and in messages. */
  path?: string;
}
