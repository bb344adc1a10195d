// The shapes components take: plain records, not query or Prisma payload types, so a component
// depends on what it shows rather than on how the read side fetched it. The read side's results are
// assignable to these (checked by the compiler where they are passed).
import type { Severity } from "./severity";

/** One value of a list facet (severity, gap, platform, review values) with its count under the other filters. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

/** A code block of a failure as stored: `linesHtml` is the highlighted lines, JSON string[] from ingest. */
export interface StoredCodeBlock {
  /** "model" or "ideal" */
  side: string;
  position: number;
  lang: string | null;
  value: string;
  linesHtml: string;
}

/** A failure as the analysis page and the failure page show it (components/failure-card.tsx). */
export interface FailureView {
  analysisId: number;
  number: number;
  /** Stable link key within the analysis. */
  key: string;
  title: string;
  /** A Severity when stored by this version; older rows may hold any string. */
  severity: Severity | string;
  severityNote: string | null;
  status: string | null;
  section: string | null;
  location: string | null;
  line: number;
  rootCause: string | null;
  rootCauseHtml: string | null;
  modelText: string;
  idealText: string;
  modelHtml: string | null;
  idealHtml: string | null;
  /** Labelled fields, JSON [{label, text}]; `fieldsHtml` JSON string[] (lib/analyses/failure-fields.ts). */
  fieldsJson: string;
  fieldsHtml: string | null;
  codeBlocks: StoredCodeBlock[];
  impacts: { id: number; label: string; text: string; html: string | null }[];
  references: { id: number; title: string; url: string }[];
  /** Knowledge gaps, primary (rank 0) first. */
  gaps: { gapId: string; rank: number; gap: { label: string } }[];
}
