// The building blocks every recognizer shares: the draft a recognizer returns (FailureDraft), the
// context it reads (DraftContext), explanations, and buildDraft, which turns an item's title and
// labelled fields into a failure (level, sides, root cause, impacts, references, other fields).
// The recognizers themselves, one layout each, are listed in registry.ts.
import type { ListItem, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Impact, LabeledField, ParsedFailure, Reference, Severity } from "./types";
import { fieldMarkdown, type Field } from "./fields";
import type { Outline, Section } from "./sections";
import { sectionLevel } from "./sections";
import { resolveSeverity } from "./severity";
import { collectSides } from "./sides";
import { cleanTitle, hasNumbering, squash, stripEmoji, stripInlineMarkdown } from "./text";
import { namesFailures } from "./vocabulary";
import type { SeriesOptions } from "./series-model";

/** A failure before knowledge-gap classification and numbering. */
export interface FailureDraft extends Omit<ParsedFailure, "gaps" | "number"> {
  /** Item-level severity (field/category/title) for the severity-mismatch check. */
  ownSeverity: Severity | null;
  sectionSeverity: Severity | null;
  /** Raw body text, for duplicate detection and gap classification. */
  body: string;
}

export interface DraftContext {
  source: string;
  root: Root;
  outline: Outline;
  legend: ReadonlyMap<string, Severity>;
  /** Receives one line per candidate item or series saying why it was taken or dropped (`parse --explain`). */
  explain?: (line: string) => void;
  /** How candidate series are judged (series-model.ts): another fitted model, or a collector. */
  series?: SeriesOptions;
}

/** Sends an explanation line, built only when someone listens. */
export function explain(ctx: DraftContext, line: () => string): void {
  if (ctx.explain) ctx.explain(line());
}

/** "L12 ### Open Port": where a candidate is, for explanations. */
export function at(section: Section): string {
  return `line ${section.line} ${"#".repeat(section.depth)} "${section.text}"`;
}

/** Names of the signals in a body's fields: "model", "ideal", "severity", ... */
export function signals(fields: readonly Field[]): string {
  const kinds = [...new Set(fields.filter((f) => f.label !== null && f.kind !== "other").map((f) => `${f.kind} (${f.label})`))];
  return kinds.length ? kinds.join(", ") : "no labelled field";
}

export function declaresNonFailure(fields: readonly Field[]): boolean {
  return fields.some(
    (field) =>
      (field.kind === "category" || field.kind === "severity") &&
      /\bnot an? (?:model )?(?:error|failure|issue)\b|\bnon[- ]failure\b/i.test(field.text.join(" ")),
  );
}

export function hasBody(fields: readonly Field[]): boolean {
  return fields.some((field) => field.text.length > 0 || field.code.length > 0);
}

/** An unnumbered heading naming failures in the plural ("Critical Failures", "IAM Issues"). */
export function isGroupHeading(section: Section): boolean {
  return (
    isListSection(section) &&
    !hasNumbering(section.text) &&
    FAILURE_GROUP.test(section.text) &&
    !FIX_WORDS.test(section.text.replace(/\([^)]*\)/g, ""))
  );
}

const FAILURE_GROUP =
  /\b(failures|issues|problems|faults|errors|mistakes|bugs|defects|gaps|vulnerabilities|violations|misconfigurations|pitfalls|deficiencies|shortcomings|flaws|omissions|went wrong)\b/i;
const FIX_WORDS = /\b(fix(?:es|ed)?|resolved|corrected|addressed)\b/i;

/** A leaf section named for failures whose body is a list of bold-titled items. */
export function isListSection(section: Section): boolean {
  return !section.weak && namesFailures(section.text);
}

export function draftFromHeading(ctx: DraftContext, section: Section, body: RootContent[], fields: Field[]): FailureDraft {
  const title = cleanTitle(section.raw) || section.text;
  const start = section.heading.position?.start.offset ?? 0;
  const last = body[body.length - 1];
  const end = last?.position?.end.offset ?? section.heading.position?.end.offset ?? start;
  return buildDraft(ctx, {
    title,
    levelText: section.text,
    fields,
    line: section.line,
    section: sectionName(section.parent),
    sectionLevel: sectionLevel(section.parent),
    body: ctx.source.slice(start, end),
  });
}

/** "**Import Errors:** Missing import" -> { title: "Import Errors", rest: "Missing import" }. */
export function boldTitleOf(source: string, item: ListItem): { title: string; rest: string; restMd: string } | null {
  const first = item.children[0];
  if (first?.type !== "paragraph") return null;
  const lead = first.children[0];
  if (lead?.type !== "strong") return null;
  const title = cleanTitle(toString(lead));
  if (!title || title.length > 120) return null;
  const raw = sliceNode(source, first);
  const restMd = raw
    .replace(/^\s*(?:\*\*|__)[\s\S]*?(?:\*\*|__)\s*[:：\-–—]?\s*/, "")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
  return { title, rest: stripInlineMarkdown(restMd).trim(), restMd };
}

export function sliceNode(source: string, node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

export function sectionName(section: Section | null): string | null {
  for (let s = section; s; s = s.parent) if (!s.isTitle) return s.text;
  return null;
}

interface DraftInput {
  title: string;
  /** The title as written, numbering included ("Critical Issue 1: X"), for a level it names. */
  levelText?: string;
  fields: Field[];
  line: number;
  section: string | null;
  sectionLevel: Severity | null;
  body: string;
}

export function buildDraft(ctx: DraftContext, input: DraftInput): FailureDraft {
  const verdict = resolveSeverity(input.fields, input.levelText ?? input.title, input.sectionLevel, ctx.legend);
  const sides = collectSides(input.fields);
  return {
    title: input.title,
    severity: verdict.severity,
    severityNote: verdict.note,
    section: input.section,
    model: sides.model,
    ideal: sides.ideal,
    rootCause: joinText(input.fields, "rootCause"),
    impacts: impactsOf(input.fields),
    references: referencesOf(input.fields),
    location: locationOf(input.fields),
    status: statusOf(input.fields),
    fields: otherFields(input.fields, input.title),
    line: input.line,
    ownSeverity: verdict.own,
    sectionSeverity: input.sectionLevel,
    body: input.body,
  };
}

// ---- other fields -------------------------------------------------------------------------------

function joinText(fields: readonly Field[], kind: Field["kind"]): string | null {
  const text = fields
    .filter((field) => field.kind === kind)
    .map(fieldMarkdown)
    .filter(Boolean)
    .join("\n\n")
    .trim();
  return text.length ? text : null;
}

function impactsOf(fields: readonly Field[]): Impact[] {
  return fields
    .filter((field) => field.kind === "impact" && field.label)
    .map((field) => ({ label: squash(field.label ?? ""), text: fieldMarkdown(field) }));
}

const LINK = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s)>\]]+)/g;

function referencesOf(fields: readonly Field[]): Reference[] {
  const references: Reference[] = [];
  for (const field of fields) {
    if (field.kind !== "reference") continue;
    const text = field.raw.join("\n") || field.text.join("\n");
    for (const match of text.matchAll(LINK)) {
      const url = (match[2] ?? match[3] ?? "").replace(/[.,;]+$/, "");
      const title = match[1] ? squash(match[1]) : url;
      if (url && !references.some((r) => r.url === url)) references.push({ title, url });
    }
  }
  return references;
}

function locationOf(fields: readonly Field[]): string | null {
  const field = fields.find((f) => f.kind === "location" && f.text.length);
  if (field) return squash(field.text.join(" "));
  const paren = fields.find((f) => f.kind === "model" && f.paren && /\bline|\.\w{1,5}\b|\//i.test(f.paren ?? ""));
  return paren?.paren ? squash(paren.paren) : null;
}

/**
 * Labelled fields no other property holds ("**Training Value**: ...", "**Category**: SECURITY",
 * "**Lesson**: ..."), kept with their label so nothing the document states is lost. The item's own
 * bold title ("**Open Port**: text" opens a field named after the title) is not a field.
 */
function otherFields(fields: readonly Field[], title: string): LabeledField[] {
  const kept: LabeledField[] = [];
  for (const field of fields) {
    if (!field.label || (field.kind !== "other" && field.kind !== "category")) continue;
    const label = squash(stripEmoji(field.label)).replace(/[:：]\s*$/, "");
    const text = fieldMarkdown(field);
    if (!label || !text || label.toLowerCase() === title.toLowerCase()) continue;
    kept.push({ label, text });
  }
  return kept;
}

function statusOf(fields: readonly Field[]): string | null {
  const field = fields.find((f) => f.kind === "status" && f.text.length);
  return field ? squash(stripEmoji(field.text.join(" "))).toLowerCase() : null;
}
