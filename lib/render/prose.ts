// Report prose rendered once, at ingest (lib/ingest/prepare.ts, in the parse workers), and stored as
// HTML beside its Markdown (migration 0016): a page shows the stored HTML and renders nothing. Each
// text is clipped to the inline budget first, as the page shows it (components/clipped-text.tsx), so
// the stored HTML is exactly what the page would render from the Markdown. Pure: no database.
import type { ParsedAnalysis, ParsedFailure } from "../parser/types";
import { clipText, PROSE_BUDGET } from "./clip";
import { markdownToHtml } from "./markdown";

/** One failure's prose as stored HTML; null where the failure has no such text. */
export interface FailureProseHtml {
  model: string | null;
  ideal: string | null;
  rootCause: string | null;
  /** One per `failure.fields` entry, in order ("" for an empty text). */
  fields: string[];
  /** One per `failure.impacts` entry, in order. */
  impacts: string[];
}

export interface AnalysisProseHtml {
  summary: string | null;
  failures: FailureProseHtml[];
}

/** The HTML a page shows for `text`: its first PROSE_BUDGET characters rendered. */
export function proseHtml(text: string, limit: number = PROSE_BUDGET): string {
  return markdownToHtml(clipText(text, limit).shown);
}

function optional(text: string | null | undefined): string | null {
  return text ? proseHtml(text) : null;
}

export function failureProseHtml(failure: ParsedFailure): FailureProseHtml {
  return {
    // The MODEL/IDEAL prose is shown trimmed (components/diff/failure-diff.tsx).
    model: optional(failure.model.text.trim()),
    ideal: optional(failure.ideal.text.trim()),
    rootCause: optional(failure.rootCause),
    fields: (failure.fields ?? []).map((field) => (field.text.trim() ? proseHtml(field.text) : "")),
    impacts: failure.impacts.map((impact) => proseHtml(impact.text)),
  };
}

export function analysisProseHtml(record: ParsedAnalysis): AnalysisProseHtml {
  return { summary: optional(record.summary), failures: record.failures.map(failureProseHtml) };
}
