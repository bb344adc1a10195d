// Parses a "Model Response Failures Analysis" Markdown document into a ParsedAnalysis record.
// The document is parsed once with remark (+GFM, markdown.ts) and the tree walked; raw text is sliced through
// node offsets. parseAnalysis never throws: oddities become warnings, internal bugs a parser-error.
import type { Root } from "mdast";
import type { ParsedAnalysis, ParsedFailure, ParseOptions, ParseWarning } from "./types";
import { buildOutline } from "./sections";
import { explain, type DraftContext, type FailureDraft } from "./failure";
import { findDrafts } from "./registry";
import { finalScore, findScores } from "./score";
import { letterLegend } from "./severity";
import { findDeclaredCounts, findDocumentDate, findKnowledgeGaps, findSummary, findTaskId, findTitle } from "./metadata";
import { findPlatformAndLanguage } from "./platform-language";
import { classifyFailureGaps, classifyGaps, UNCLASSIFIED, type Taxonomy } from "./taxonomy";
import {
  countWarnings,
  inputWarnings,
  looksLikeNonAnalysis,
  noSidesWarnings,
  severityMismatchWarnings,
  unclosedFenceWarnings,
  warning,
} from "./warnings";
import { binaryShare, codeBlocks, normalizeSource } from "./text";
import { applySeriesRules } from "./series-rules";
import { unfenceDocument } from "./fenced-document";
import type { SeriesOptions } from "./series-model";
import { parseMarkdown } from "./markdown";
import { splitLazyNumberedLines } from "./lazy-numbered-lines";

export type { ParsedAnalysis, ParsedFailure, ParseOptions, ParseWarning } from "./types";
export { classifyGaps, classifyFailureGaps, unclassifiedShare, createTaxonomy, type Taxonomy } from "./taxonomy";

export interface AnalysisOptions extends ParseOptions {
  /**
   * Knowledge-gap taxonomy (with its fitted model) to file failures under; without one they stay
   * "unclassified". Callers load it with lib/ingest/taxonomy-file.ts (FAULTLINE_GAPS_FILE).
   */
  taxonomy?: Taxonomy;
  /**
   * Receives one line per candidate item or series saying which recognizer saw it and why it was
   * taken or dropped (`npm run parse -- --explain FILE`).
   */
  explain?: (line: string) => void;
  /** Judging candidate series with another fitted model, or collecting them to fit one (series-model.ts). */
  series?: SeriesOptions;
}

export function emptyAnalysis(path: string | null): ParsedAnalysis {
  return {
    path,
    title: null,
    taskId: null,
    platform: null,
    language: null,
    summary: null,
    score: null,
    scores: [],
    declaredCounts: null,
    knowledgeGaps: [],
    knowledgeGapIds: [],
    failures: [],
    warnings: [],
  };
}

/** Parses one document. Never throws. */
export function parseAnalysis(markdown: string, options: AnalysisOptions = {}): ParsedAnalysis {
  const path = options.path ?? null;
  try {
    return parseDocument(typeof markdown === "string" ? markdown : String(markdown ?? ""), options);
  } catch (error) {
    const record = emptyAnalysis(path);
    const reason = error instanceof Error ? error.message : String(error);
    record.warnings.push(warning("parser-error", `The parser failed on this document: ${reason}`));
    return record;
  }
}

function parseDocument(markdown: string, options: AnalysisOptions): ParsedAnalysis {
  const record = emptyAnalysis(options.path ?? null);
  // A report pasted inside one code fence is read as the Markdown it is (fenced-document.ts).
  const source = unfenceDocument(normalizeSource(markdown));
  const inputProblems = inputWarnings(source);
  record.warnings.push(...inputProblems);
  // Empty or mostly binary input holds no markdown worth walking.
  if (inputProblems.length > 0 && (source.trim().length === 0 || binaryShare(source) > 0.3)) {
    record.warnings.push(warning("no-failures", "No failures were found in the document."));
    return record;
  }

  const root = parseMarkdown(source);
  return readTree(record, source, root, options);
}

/**
 * Everything after the Markdown parse: the walk over the tree that fills the record. Apart from
 * parseDocument so that its cost can be measured on its own (scripts/cv-parser.ts --walk).
 */
export function readTree(record: ParsedAnalysis, source: string, root: Root, options: AnalysisOptions): ParsedAnalysis {
  splitLazyNumberedLines(root, source);
  const outline = buildOutline(root);
  const ctx: DraftContext = { source, root, outline, legend: letterLegend(source), explain: options.explain, series: options.series };

  record.title = findTitle(outline, root);
  record.taskId = findTaskId(root, source);
  const date = findDocumentDate(source);
  if (date) record.date = date;
  const codes = codeBlocks(root);
  const { platform, language } = findPlatformAndLanguage(root, source, codes);
  record.platform = platform;
  record.language = language;
  record.summary = findSummary(outline, root, source);
  record.scores = findScores(root, source);
  record.score = finalScore(record.scores);
  const declared = findDeclaredCounts(root, source);
  record.declaredCounts = declared?.counts ?? null;
  record.knowledgeGaps = findKnowledgeGaps(outline, root, source);

  let drafts = findDrafts(ctx);
  const found = drafts.length;
  drafts = dropDuplicates(drafts, record.warnings);
  const unique = drafts.length;
  drafts = dropRecaps(drafts);
  const recapped = drafts.length;
  drafts = applySeriesRules(ctx, drafts);
  explain(
    ctx,
    () =>
      `document: ${found} candidate(s) taken; ${found - unique} dropped as verbatim repeats, ${unique - recapped} as recaps of an earlier failure's title, ${recapped - drafts.length} by the series rules`,
  );
  if (declaresNoFailures(record) && drafts.every((d) => d.ownSeverity === null) && drafts.length > 0) {
    explain(
      ctx,
      () => `document: declares 0 failures in its counts and no item states its own level: ${drafts.length} candidate(s) dropped`,
    );
    drafts = [];
  }

  const taxonomy = options.taxonomy ?? null;
  record.failures = drafts.map((draft, i) => finalize(draft, i + 1, taxonomy));
  record.knowledgeGapIds = taxonomy ? gapIdsOf(record.knowledgeGaps, taxonomy) : [];

  record.warnings.push(...unclosedFenceWarnings(root, source, codes));
  record.warnings.push(...countWarnings(record.declaredCounts, drafts, declared?.line ?? null));
  record.warnings.push(...severityMismatchWarnings(drafts));
  record.warnings.push(...noSidesWarnings(drafts));
  if (drafts.length === 0) {
    record.warnings.push(
      looksLikeNonAnalysis(source)
        ? warning("not-an-analysis", "The document reads like a prompt, rubric or chat reply, not a failure analysis.")
        : warning("no-failures", "No failures were found in the document."),
    );
  }
  return record;
}

/** "Total failures: 0 Critical, 0 High, 0 Medium, 0 Low": the document says it has none. */
function declaresNoFailures(record: ParsedAnalysis): boolean {
  const counts = record.declaredCounts;
  return counts !== null && counts.critical + counts.high + counts.medium + counts.low === 0;
}

/** A section duplicated verbatim counts once; one warning per repeated section. */
function dropDuplicates(drafts: FailureDraft[], warnings: ParseWarning[]): FailureDraft[] {
  // Bodies met under each title (lower case), compared as strings: no key copies the whole body.
  const seen = new Map<string, string[]>();
  const repeats = new Map<string, { title: string; line: number; count: number }>();
  const kept = drafts.filter((draft) => {
    // The body after its first line (the title), trimmed.
    const newline = draft.body.indexOf("\n");
    const body = newline < 0 ? "" : draft.body.slice(newline + 1).trim();
    const title = draft.title.toLowerCase();
    const bodies = seen.get(title);
    if (!bodies?.includes(body)) {
      if (bodies) bodies.push(body);
      else seen.set(title, [body]);
      return true;
    }
    const key = `${title}\u0000${body}`;
    const repeat = repeats.get(key);
    if (repeat) repeat.count++;
    else repeats.set(key, { title: draft.title, line: draft.line, count: 1 });
    return false;
  });
  for (const { title, line, count } of repeats.values()) {
    const times = count === 1 ? "once more" : `${count} more times`;
    warnings.push(warning("duplicate-section", `"${title}" repeats an earlier section verbatim (${times}); counted once.`, line));
  }
  return kept;
}

/**
 * A later item of another section that repeats an earlier failure's title with a shorter body is a
 * recap ("## Issues Fixed" / "## All Failures" lists naming the failures again), not a new failure.
 */
function dropRecaps(drafts: FailureDraft[]): FailureDraft[] {
  const first = new Map<string, FailureDraft>();
  return drafts.filter((draft) => {
    const key = draft.title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, draft);
      return true;
    }
    return earlier.section === draft.section || draft.body.length >= earlier.body.length;
  });
}

function finalize(draft: FailureDraft, number: number, taxonomy: Taxonomy | null): ParsedFailure {
  const gaps = taxonomy ? classifyFailureGaps(draft, taxonomy) : [UNCLASSIFIED];
  return {
    number,
    title: draft.title,
    severity: draft.severity,
    severityNote: draft.severityNote,
    section: draft.section,
    model: draft.model,
    ideal: draft.ideal,
    rootCause: draft.rootCause,
    impacts: draft.impacts,
    references: draft.references,
    location: draft.location,
    status: draft.status,
    fields: draft.fields,
    gaps,
    line: draft.line,
  };
}

function gapIdsOf(gaps: readonly string[], taxonomy: Taxonomy): string[] {
  const ids: string[] = [];
  for (const gap of gaps) {
    const [primary] = classifyGaps(gap, taxonomy, { max: 1 });
    if (primary && primary !== UNCLASSIFIED && !ids.includes(primary)) ids.push(primary);
  }
  return ids;
}
