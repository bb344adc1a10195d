// Finds the failure items of a document and turns each into a ParsedFailure.
// Items are (1) leaf headings that state a problem or are numbered inside failure sections,
// (2) bold-titled list items directly under a failure-named section without headings of its own,
// (2b) bold-only title lines ("**1. Open Port**") in a grouping section's own body,
// (3) in documents without any markdown structure, title lines or "Label: text" paragraphs.
import type { Code, List, ListItem, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { CodeBlock, Impact, LabeledField, ParsedFailure, Reference, Severity, Side } from "./types";
import { fieldMarkdown, hasFailureEvidence, parseLabelLine, prependText, readFields, type Field } from "./fields";
import {
  contextOf,
  namesFailuresInContext,
  sectionLevel,
  structuralChildren,
  type Outline,
  type Section,
} from "./sections";
import { resolveSeverity } from "./severity";
import { isOutputBlock, markerOf, splitBySide, type CodeSide } from "./split-code";
import { cleanTitle, hasNumbering, numberedByFailureNoun, squash, stripEmoji, stripInlineMarkdown } from "./text";
import { isWeakContext, kindOfLabel, namesFailures } from "./vocabulary";
import { findListSeries, PROBLEM } from "./list-series";
import { findHeadingSeries } from "./heading-series";

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
function signals(fields: readonly Field[]): string {
  const kinds = [...new Set(fields.filter((f) => f.label !== null && f.kind !== "other").map((f) => `${f.kind} (${f.label})`))];
  return kinds.length ? kinds.join(", ") : "no labelled field";
}

export function findFailures(ctx: DraftContext): FailureDraft[] {
  const { outline, root } = ctx;
  const drafts: FailureDraft[] = [];
  for (const section of outline.sections) {
    if (section.side || section.field || section.excluded || section.negation) {
      explain(ctx, () => `heading: ${at(section)} skipped: ${section.side ? `${section.side} side of the item above` : section.field ? "a field of the item above" : section.negation ? "says there are none" : "a section that holds no failures (its words or an ancestor's)"}`);
      continue;
    }
    const items = holdsParagraphItems(section) ? draftsFromBoldParagraphs(ctx, section) : [];
    if (items.length > 0) {
      drafts.push(...items);
      continue;
    }
    if (section.isTitle) continue;
    if (structuralChildren(section).length > 0) {
      explain(ctx, () => `heading: ${at(section)} is a group: its sub-headings are the candidates`);
      continue;
    }
    const body = root.children.slice(section.index + 1, section.end);
    const interleaved = isListSection(section) ? draftsFromInterleavedLists(ctx, section, body) : [];
    if (interleaved.length > 0) {
      drafts.push(...interleaved);
      continue;
    }
    // "### Security Failures" over "1. **Open Port** ..." "2. **Public Bucket** ...": a heading
    // naming a group holds its bold-titled items, even when their fields state problems.
    const grouped = isGroupHeading(section) ? body.flatMap((node) => (node.type === "list" ? draftsFromList(ctx, section, node) : [])) : [];
    // Field labels ("- **Original Issue**:", "- **Status**:") are one item's fields, not items.
    if (grouped.length >= 2 && grouped.every((draft) => kindOfLabel(draft.title) === "other")) {
      explain(ctx, () => `group-list: ${at(section)} names a group of failures: its ${grouped.length} bold-titled list items taken`);
      drafts.push(...grouped);
      continue;
    }
    const fields = readFields(ctx.source, body, section.line);
    if (isHeadingFailure(section, fields)) {
      explain(ctx, () => `heading: ${at(section)} taken: ${headingReason(section, fields)}`);
      drafts.push(draftFromHeading(ctx, section, body, fields));
    } else if (isListSection(section)) {
      let count = 0;
      for (const list of body) {
        if (list.type !== "list") continue;
        const found = draftsFromList(ctx, section, list);
        count += found.length;
        drafts.push(...found);
      }
      explain(ctx, () => `failure-list: ${at(section)} names failures: ${count} bold-titled list item(s) taken`);
      if (count === 0) drafts.push(...plainListFailures(ctx, section, body, fields));
    } else {
      explain(ctx, () => `heading: ${at(section)} dropped: not numbered in a failure context, no field states a problem (${signals(fields)})`);
    }
  }
  // No item found by headings, bold lines or failure-section lists: a list series may be the
  // failures, else a series of plain sibling headings.
  if (drafts.length > 0) return drafts;
  const series = findListSeries(ctx);
  if (series.length > 0) return series;
  const headings = findHeadingSeries(ctx);
  return headings.length > 0 ? headings : findListSeries(ctx, true);
}

function isHeadingFailure(section: Section, fields: readonly Field[]): boolean {
  if (hasFailureEvidence(fields) && !declaresNonFailure(fields)) return true;
  if (section.weak) return false;
  const numbered = hasNumbering(section.text);
  const failureContext = namesFailuresInContext(section);
  // "### Fault 2: ..." names itself a failure, whatever its section is called.
  const ownNoun = numberedByFailureNoun(section.text);
  if (numbered && (failureContext || ownNoun || contextOf(section).length === 0 || section.depth <= 2)) return true;
  return failureContext && section.depth > 2 && hasBody(fields);
}

function headingReason(section: Section, fields: readonly Field[]): string {
  if (hasFailureEvidence(fields) && !declaresNonFailure(fields)) return `fields state a problem or fix: ${signals(fields)}`;
  const numbered = hasNumbering(section.text);
  if (numbered && numberedByFailureNoun(section.text)) return "numbered by a failure noun";
  if (numbered && namesFailuresInContext(section)) return "numbered, under a heading naming failures or a level";
  if (numbered) return "numbered, at the document's top levels";
  return "under a heading naming failures, with a body";
}

function declaresNonFailure(fields: readonly Field[]): boolean {
  return fields.some(
    (field) =>
      (field.kind === "category" || field.kind === "severity") &&
      /\bnot an? (?:model )?(?:error|failure|issue)\b|\bnon[- ]failure\b/i.test(field.text.join(" ")),
  );
}

function hasBody(fields: readonly Field[]): boolean {
  return fields.some((field) => field.text.length > 0 || field.code.length > 0);
}

/**
 * A section named for failures whose lists have no bold titles: under a group name ("## Encryption
 * Failures") each item of its lists is a failure ("- Bucket encryption uses the default key"); a
 * heading stating one problem ("### retry_options parameter issue", "## Missing Outputs") is itself
 * the failure, its bullets the details.
 */
function plainListFailures(ctx: DraftContext, section: Section, body: RootContent[], fields: Field[]): FailureDraft[] {
  if (isGroupHeading(section)) {
    // Only the lists right under the heading: after a sub-heading ("### NONE DETECTED") they are not its.
    const own = body.findIndex((node) => node.type === "heading");
    const items = (own < 0 ? body : body.slice(0, own)).flatMap((node) =>
      node.type !== "list" ? [] : node.children.map((item) => ({ item, title: plainItemTitle(ctx.source, item) })),
    );
    const titled = items.filter((entry) => entry.title);
    // Like any series: most items state a problem ("- Bucket encryption uses the default key" does not).
    const stating = titled.filter((entry) => PROBLEM.test(`${entry.title} ${toString(entry.item).slice(0, 300)}`)).length;
    const taken = titled.length > 0 && stating >= titled.length * 0.6;
    explain(ctx, () => `plain-failure-list: ${at(section)} names a group of failures: ${titled.length} plain list item(s), ${stating} stating a problem: ${taken ? "taken" : "dropped (needs 60%)"}`);
    if (!taken) return [];
    return titled.map(({ item, title }) => {
      const line = item.position?.start.line ?? section.line;
      const itemFields = readFields(ctx.source, item.children as RootContent[], line);
      return buildDraft(ctx, { title, fields: itemFields, line, section: section.text, sectionLevel: sectionLevel(section), body: sliceNode(ctx.source, item) });
    });
  }
  if (body.length > 0 && (LEADING_PROBLEM.test(section.text) || SINGLE_PROBLEM.test(section.text))) {
    explain(ctx, () => `heading: ${at(section)} taken: states one problem, its list is the details`);
    return [draftFromHeading(ctx, section, body, fields)];
  }
  explain(ctx, () => `heading: ${at(section)} dropped: names failures but neither a group nor one problem`);
  return [];
}

/** "... parameter issue", "... naming error": a heading ending in one failure noun after a subject. */
const SINGLE_PROBLEM = /\S+\s+\S+\s+(?:issue|problem|error|bug|failure|mismatch|violation)$/i;
/** "Missing Outputs", "Incorrect Region": a heading opening with what is wrong. */
const LEADING_PROBLEM = /^(?:missing|no|incorrect|invalid|wrong|hard-?coded|deprecated|insecure|unused|broken)\b/i;

/** First line of a plain list item, up to a quoted error or the end of its first sentence. */
function plainItemTitle(source: string, item: ListItem): string {
  const first = item.children[0];
  if (first?.type !== "paragraph") return "";
  const raw = sliceNode(source, first).split("\n")[0] ?? "";
  let sentence = raw.length > 160 ? (raw.split(/(?<=[.!?])\s/)[0] ?? raw) : raw;
  // Still long: up to a quoted error ("... failed `Error: ...`").
  if (sentence.length > 200) sentence = sentence.split("`")[0] ?? sentence;
  const title = cleanTitle(sentence);
  return title.length >= 3 && title.length <= 200 ? title : "";
}

/** An unnumbered heading naming failures in the plural ("Critical Failures", "IAM Issues"). */
function isGroupHeading(section: Section): boolean {
  return isListSection(section) && !hasNumbering(section.text) && FAILURE_GROUP.test(section.text) && !FIX_WORDS.test(section.text.replace(/\([^)]*\)/g, ""));
}

const FAILURE_GROUP =
  /\b(failures|issues|problems|faults|errors|mistakes|bugs|defects|gaps|vulnerabilities|violations|misconfigurations|pitfalls|deficiencies|shortcomings|flaws|omissions|went wrong)\b/i;
const FIX_WORDS = /\b(fix(?:es|ed)?|resolved|corrected|addressed)\b/i;

/** A leaf section named for failures whose body is a list of bold-titled items. */
function isListSection(section: Section): boolean {
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

function draftsFromList(ctx: DraftContext, section: Section, list: List): FailureDraft[] {
  const drafts: FailureDraft[] = [];
  for (const item of list.children) {
    const titled = boldTitleOf(ctx.source, item);
    if (!titled) continue;
    const fields = readFields(ctx.source, item.children.slice(1) as RootContent[], item.position?.start.line ?? 0);
    const first = fields[0];
    if (first && titled.rest) prependText(first, titled.rest, titled.restMd);
    drafts.push(
      buildDraft(ctx, {
        title: titled.title,
        fields,
        line: item.position?.start.line ?? section.line,
        section: section.text,
        sectionLevel: sectionLevel(section),
        body: sliceNode(ctx.source, item),
      }),
    );
  }
  return drafts;
}

// ---- bold list items with their fields after the list -------------------------------------------
// "1. **Open Port**" with its severity as sub-bullets, then the code blocks at the top level, then
// "2. **Next Title**": each item starts a list of its own, so the fields between two lists belong to
// the item before them. Only taken when at least two items state a problem (a side or a severity),
// so a recap list followed by prose stays as it was.

function draftsFromInterleavedLists(ctx: DraftContext, section: Section, body: RootContent[]): FailureDraft[] {
  const starts: Array<{ at: number; item: ListItem; title: { title: string; rest: string; restMd: string }; last: boolean }> = [];
  body.forEach((node, at) => {
    if (node.type !== "list") return;
    // "- **Severity**: High" is a field of the item above (a sub-list a "10." marker did not indent).
    const titled = node.children.flatMap((item) => {
      const title = boldTitleOf(ctx.source, item);
      return title && kindOfLabel(title.title) === "other" ? [{ item, title }] : [];
    });
    titled.forEach(({ item, title }, k) => starts.push({ at, item, title, last: k === titled.length - 1 }));
  });
  // Nothing between or after the lists: the plain list path reads it.
  const trailing = starts.some((s, i) => s.last && (starts[i + 1]?.at ?? body.length) > s.at + 1);
  if (starts.length < 2 || !trailing) return [];
  const drafts = starts.flatMap((start, i) => {
    const after = start.last ? body.slice(start.at + 1, starts[i + 1]?.at ?? body.length) : [];
    const line = start.item.position?.start.line ?? section.line;
    const fields = readFields(ctx.source, [...(start.item.children.slice(1) as RootContent[]), ...after], line);
    const first = fields[0];
    if (first && start.title.rest) prependText(first, start.title.rest, start.title.restMd);
    if (!hasFailureEvidence(fields) || declaresNonFailure(fields)) return [];
    const startOffset = start.item.position?.start.offset ?? 0;
    const lastNode = after[after.length - 1] ?? start.item;
    return [
      buildDraft(ctx, {
        title: start.title.title,
        fields,
        line,
        section: section.text,
        sectionLevel: sectionLevel(section),
        body: ctx.source.slice(startOffset, lastNode.position?.end.offset ?? startOffset),
      }),
    ];
  });
  explain(ctx, () => `interleaved-lists: ${at(section)} ${starts.length} bold items with fields between lists, ${drafts.length} stating a problem: ${drafts.length >= 2 ? "taken" : "dropped (fewer than 2)"}`);
  return drafts.length >= 2 ? drafts : [];
}

// ---- bold paragraph items ------------------------------------------------------------------------
// "**1. Open Security Group**" on a line of its own, its fields below: an item written without a
// heading. Only a grouping section (the title, a level, or plural failure words) is split this way,
// so the numbered sub-points inside one failure's body stay that failure's.

const GROUP_WORDS =
  /\b(failures|issues|problems|faults|errors|findings|mistakes|bugs|defects|gaps|vulnerabilities|fixes|differences|improvements|enhancements|changes)\b/i;

function holdsParagraphItems(section: Section): boolean {
  if (section.isTitle) return true;
  if (hasNumbering(section.text)) return false;
  return section.level !== null || GROUP_WORDS.test(section.text);
}

/**
 * Unnumbered items, items in an enhancement context ("## Security Improvements") and items in the
 * title's intro (an overview may number its points) count only when they state a problem or fix.
 */
function needsEvidence(section: Section, item: ParagraphItem): boolean {
  if (!item.numbered || section.isTitle || section.weak) return true;
  return isWeakContext(section.text) && !namesFailures(section.text);
}

/**
 * "**VPC Configuration Issue**" + "The model created ...": in a section named for failures (not an
 * enhancement list), an unnumbered bold line whose title or first sentence states a problem is an
 * item even without labelled fields.
 */
function statesProblem(section: Section, item: ParagraphItem, nodes: readonly RootContent[]): boolean {
  if (section.isTitle || section.weak || !namesFailures(section.text)) return false;
  const first = nodes[0] ? toString(nodes[0]).split(/(?<=[.!?])\s/)[0] ?? "" : "";
  return PROBLEM.test(`${item.title} ${first}`);
}

interface ParagraphItem {
  title: string;
  numbered: boolean;
  /** Index in root.children of the paragraph holding the title line. */
  index: number;
  /** The title line is the whole paragraph. */
  alone: boolean;
}

/** Title of a paragraph whose first line is only bold text: "**2. Missing Backups**", "**Open Port**". */
function paragraphItemTitle(source: string, node: RootContent): { title: string; numbered: boolean; alone: boolean } | null {
  if (node.type !== "paragraph" || node.children[0]?.type !== "strong") return null;
  const lines = sliceNode(source, node).split("\n");
  const match = /^\s*(\*\*|__)((?:(?!\1).)+)\1\s*([:：]?)\s*$/.exec(lines[0] ?? "");
  if (!match?.[2]) return null;
  const title = cleanTitle(match[2]);
  const numbered = hasNumbering(stripInlineMarkdown(match[2]).trim());
  if (!title || title.length > 120) return null;
  // A label line ("**Impact Level**:", "**Note:**", "**Total: 3**") is a field, not a title;
  // a numbered line is a title even with a colon inside ("**A1: Open Port**").
  const label = numbered ? null : parseLabelLine(lines[0] ?? "");
  if (label && (label.value || kindOfLabel(label.label) !== "other")) return null;
  if (!numbered && (match[3] || /[:：]\s*(?:\*\*|__)\s*$/.test(lines[0] ?? ""))) return null;
  return { title, numbered, alone: lines.length === 1 };
}

function draftsFromBoldParagraphs(ctx: DraftContext, section: Section): FailureDraft[] {
  const { root, source } = ctx;
  const end = section.children[0]?.index ?? section.end;
  const found: ParagraphItem[] = [];
  for (let index = section.index + 1; index < end; index++) {
    const node = root.children[index];
    const titled = node ? paragraphItemTitle(source, node) : null;
    if (titled) found.push({ ...titled, index });
  }
  // Numbered bold lines make the series; unnumbered ones then are sub-labels of an item.
  const numbered = found.filter((item) => item.numbered);
  const items = numbered.length > 0 ? numbered : found;
  const drafts: FailureDraft[] = [];
  items.forEach((item, i) => {
    const stop = items[i + 1]?.index ?? end;
    const head = root.children[item.index];
    const nodes = root.children.slice(item.alone ? item.index + 1 : item.index, stop);
    const line = head?.position?.start.line ?? section.line;
    const fields = readFields(source, nodes, line);
    if (declaresNonFailure(fields) || (needsEvidence(section, item) && !hasFailureEvidence(fields) && !statesProblem(section, item, nodes))) {
      explain(ctx, () => `bold-line: line ${line} "${item.title}" in ${at(section)} dropped: ${declaresNonFailure(fields) ? "declared not a failure" : `needs a stated problem (${item.numbered ? "numbered" : "unnumbered"}), has ${signals(fields)}`}`);
      return;
    }
    explain(ctx, () => `bold-line: line ${line} "${item.title}" in ${at(section)} taken: ${item.numbered ? "numbered bold title line" : "bold title line"}, ${signals(fields)}`);
    const last = nodes[nodes.length - 1] ?? head;
    const startOffset = head?.position?.start.offset ?? 0;
    drafts.push(
      buildDraft(ctx, {
        title: item.title,
        fields,
        line,
        section: section.isTitle ? null : section.text,
        sectionLevel: sectionLevel(section),
        body: source.slice(startOffset, last?.position?.end.offset ?? startOffset),
      }),
    );
  });
  return drafts;
}

/** "**Import Errors:** Missing import" -> { title: "Import Errors", rest: "Missing import" }. */
function boldTitleOf(source: string, item: ListItem): { title: string; rest: string; restMd: string } | null {
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

function sectionName(section: Section | null): string | null {
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
