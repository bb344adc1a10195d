// The building blocks every recognizer shares: the draft a recognizer returns (FailureDraft), the
// context it reads (DraftContext), explanations, and buildDraft, which turns an item's title and
// labelled fields into a failure (level, sides, root cause, impacts, references, other fields).
// The recognizers themselves, one layout each, are listed in registry.ts.
import type { Code, ListItem, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { CodeBlock, Impact, LabeledField, ParsedFailure, Reference, Severity, Side } from "./types";
import { fieldMarkdown, type Field } from "./fields";
import type { Outline, Section } from "./sections";
import { sectionLevel } from "./sections";
import { resolveSeverity } from "./severity";
import { isOutputBlock, markerOf, splitBySide, type CodeSide } from "./split-code";
import { cleanTitle, hasNumbering, squash, stripEmoji, stripInlineMarkdown } from "./text";
import { namesFailures } from "./vocabulary";

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
  return isListSection(section) && !hasNumbering(section.text) && FAILURE_GROUP.test(section.text) && !FIX_WORDS.test(section.text.replace(/\([^)]*\)/g, ""));
}

const FAILURE_GROUP =
  /\b(failures|issues|problems|faults|errors|mistakes|bugs|defects|gaps|vulnerabilities|violations|misconfigurations|pitfalls|deficiencies|shortcomings|flaws|omissions|went wrong)\b/i;
const FIX_WORDS = /\b(fix(?:es|ed)?|resolved|corrected|addressed)\b/i;

/** A leaf section named for failures whose body is a list of bold-titled items. */
export function isListSection(section: Section): boolean {
  return !section.weak && namesFailures(section.text);
}

export function draftFromHeading(ctx: DraftContext, section: Section, body: RootContent[], fields: Field[]): FailureDraft {
  const title = cleanTitle(toString(section.heading)) || section.text;
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

// ---- sides --------------------------------------------------------------------------------------

function collectSides(fields: readonly Field[]): { model: Side; ideal: Side } {
  const model: Side = { text: "", code: [] };
  const ideal: Side = { text: "", code: [] };
  const modelText: string[] = [];
  const idealText: string[] = [];
  for (const field of fields) {
    if (field.kind === "model") modelText.push(fieldMarkdown(field));
    if (field.kind === "ideal") idealText.push(fieldMarkdown(field));
    for (const code of field.code) {
      for (const part of sideCode(field, code)) (part.side === "model" ? model : ideal).code.push(part.block);
    }
  }
  model.text = modelText.filter(Boolean).join("\n\n").trim();
  ideal.text = idealText.filter(Boolean).join("\n\n").trim();
  return { model, ideal };
}

function sideCode(field: Field, code: Code): Array<{ side: CodeSide; block: CodeBlock }> {
  const block: CodeBlock = { lang: code.lang ?? null, value: code.value };
  const split = splitBySide(block);
  if (split.parts.length > 0) return split.parts;
  if (field.kind === "error" || isOutputBlock(block.lang, block.value)) return [];
  const marked = split.markers.size === 1 ? [...split.markers][0] : undefined;
  if (field.kind === "model" || field.kind === "ideal") {
    // A problem label ("Issue", "Problem") with a block marked as the fix reads as the fix.
    if (marked && marked !== field.kind && !/^(model|ideal)/i.test(field.label ?? "")) return [{ side: marked, block }];
    return [{ side: field.kind, block }];
  }
  if (marked) return [{ side: marked, block }];
  if (field.kind === "other") return [{ side: introSide(field, code), block }];
  return [];
}

/**
 * Side of an unlabelled block from the wording that introduces it, nearest first: the line right
 * before it ("The solution includes:"), the field's own label ("**HOW WE FIXED IT:**", "Examples from
 * IDEAL_RESPONSE"), an earlier lead-in line ending with ':'; else the model's. Earlier prose without
 * a colon is not read: problem statements say "should" and "instead" too.
 */
function introSide(field: Field, code: Code): CodeSide {
  const before = field.textBefore?.get(code) ?? field.text.length;
  const near = sideOfIntro(field.text[before - 1] ?? "");
  if (near) return near;
  const label = field.label ?? "";
  // "Examples from IDEAL_RESPONSE (these were issues during QA)": the parenthesis qualifies the label.
  const problemParen = /\b(issues?|problems?|wrong|incorrect|bugs?|broken)\b/i.test(field.paren ?? "");
  const named = /\bideal[_ ]response/i.test(label) ? "ideal" : /\bmodel[_ ]response/i.test(label) ? "model" : null;
  const byLabel = problemParen ? "model" : (named ?? sideOfLabel(label));
  if (byLabel) return byLabel;
  for (let i = before - 2; i >= 0; i--) {
    const line = field.text[i] ?? "";
    const side = /[:：]\s*$/.test(line) ? sideOfIntro(line) : null;
    if (side) return side;
  }
  // "```…``` This is the corrected version.": the sentence right after the block.
  return sideOfIntro(field.text[before] ?? "") ?? "model";
}

/**
 * A label names a side only by its leading words ("Recommended Addition", "HOW WE FIXED IT",
 * "Model's wrong approach"); a fix word later in a label ("Missing Required Tags") names the topic.
 */
function sideOfLabel(label: string): CodeSide | null {
  const lead = stripEmoji(label)
    .replace(/^(?:how|what|where|why)\s+(?:we|it|was|is|the model|they)\s+/i, "")
    .trim();
  if (/^(?:fix(?:ed|es)?|correct(?:ed|ion)?|solution|resolution|recommended|required|should|ideal|expected|proper|after)\b/i.test(lead)) {
    return "ideal";
  }
  return markerOf(`# ${lead}`);
}

function sideOfIntro(intro: string): CodeSide | null {
  if (/\b(required|should|correct(?:ed)?|fix(?:ed)?|ideal|expected|recommended|instead|proper|solution)\b/i.test(intro)) {
    return "ideal";
  }
  return markerOf(`# ${intro}`);
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
