// Builds the heading outline of a document (top-level headings only) and classifies each section:
// the document title, side sub-headings of a failure, sections that never hold failures
// (summaries, recommendations, strengths, ...), enhancement contexts, and "none identified" headings.
import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { hasNumbering, numberedByFailureNoun, numberOf, squash, stripEmoji } from "./text";
import {
  isAlwaysExcluded,
  isNegationHeading,
  isSoftExcluded,
  isWeakContext,
  kindOfLabel,
  levelOfHeading,
  namesFailures,
  sideOfHeading,
} from "./vocabulary";
import type { Severity } from "./types";

export interface Section {
  heading: Heading;
  depth: number;
  /** Heading text without emphasis or emoji. */
  text: string;
  /** The heading's plain text as mdast-util-to-string gives it (emoji and spacing kept). */
  raw: string;
  line: number;
  /** Index of the heading in root.children. */
  index: number;
  /** Index one past the last node of this section's subtree. */
  end: number;
  parent: Section | null;
  children: Section[];
  isTitle: boolean;
  side: "model" | "ideal" | null;
  /**
   * A field sub-heading of the item above it ("### Root Cause", "### Fix Applied", or a heading text
   * repeated under several sibling items, "### Description"): part of that item's body, not an item.
   */
  field: boolean;
  /** Never holds failures (this heading or an ancestor is a summary, recommendation, ...). */
  excluded: boolean;
  /** This heading or an ancestor is an enhancement context: items there need a stated problem. */
  weak: boolean;
  negation: boolean;
  /** Level named by this heading. */
  level: Severity | null;
}

export interface Outline {
  title: Section | null;
  sections: Section[];
}

export function buildOutline(root: Root): Outline {
  const sections: Section[] = [];
  const stack: Section[] = [];
  let title: Section | null = null;
  root.children.forEach((node, index) => {
    if (node.type !== "heading") return;
    const raw = toString(node);
    const text = squash(stripEmoji(raw));
    while (stack.length && (stack[stack.length - 1]?.depth ?? 0) >= node.depth) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const section: Section = {
      heading: node,
      depth: node.depth,
      text,
      raw,
      line: node.position?.start.line ?? 0,
      index,
      end: root.children.length,
      parent,
      children: [],
      isTitle: false,
      side: null,
      field: false,
      excluded: false,
      weak: false,
      negation: false,
      level: null,
    };
    parent?.children.push(section);
    sections.push(section);
    stack.push(section);
  });
  const titleIndex = titleHeadingIndex(sections);
  for (const section of sections) {
    if (section.index !== titleIndex) continue;
    section.isTitle = true;
    title = section;
  }
  closeSections(sections, root.children);
  for (const section of sections) markSide(section);
  markFields(sections);
  const tops = sections.filter((section) => section.depth === 1);
  const frame = tops.length === 1 && tops[0] === sections[0] ? (tops[0] ?? null) : null;
  // Numbers of the numbered headings met so far, in document order.
  const earlier = new Set<number>();
  for (const section of sections) {
    classify(section, frame, earlier);
    const number = hasNumbering(section.text) ? numberOf(section.text) : null;
    if (number !== null) earlier.add(number);
  }
  return { title, sections };
}

/**
 * Index of the document title: the first heading when it names no level and has no numbering
 * ("# Critical Failures", "# 1. Open Port" open a group or an item) and is an H1, or the one heading at the document's top level above deeper ones
 * ("## Model Failures Analysis" over "###" sections).
 */
function titleHeadingIndex(sections: readonly Section[]): number {
  // The sections are the top-level headings in document order, their text already cleaned.
  const first = sections[0];
  const text = first ? first.text : "";
  if (!first || levelOfHeading(text) || hasNumbering(text)) return -1;
  if (first.depth === 1) return first.index;
  let top = 0;
  let deeper = false;
  for (const section of sections) {
    if (section.depth <= first.depth) top++;
    else deeper = true;
  }
  return top === 1 && deeper ? first.index : -1;
}

/** Sets each section's end to the next heading of the same or a higher level (one pass, a stack). */
function closeSections(sections: Section[], nodes: readonly RootContent[]): void {
  const open: Section[] = [];
  for (const section of sections) {
    while (open.length && (open[open.length - 1]?.depth ?? 0) >= section.depth) {
      const closed = open.pop();
      if (closed) closed.end = section.index;
    }
    open.push(section);
  }
  for (const section of open) section.end = nodes.length;
}

function markSide(section: Section): void {
  const parent = section.parent && !section.parent.isTitle ? section.parent : null;
  section.side = parent ? sideOfHeading(section.text) : null;
}

/** Heading text as a field label: lower case, no parenthetical, no trailing colon. */
function fieldKey(text: string): string {
  return text
    .replace(/\([^)]*\)/g, " ")
    .replace(/[:：]\s*$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Group names ("Critical Issues", "Security Findings") open a series even when repeated. */
const GROUP_NAME = /\b(failures|issues|problems|errors|faults|gaps|findings|bugs|mistakes|defects|violations)\b/i;

/**
 * Marks field sub-headings: unnumbered headings without items of their own under a non-title
 * parent whose label is a known field ("Root Cause", "Fix Applied", "Problem: X") or whose text
 * recurs under two or more different parents at the same depth (the fields of a series of items).
 */
function markFields(sections: readonly Section[]): void {
  const parentsByKey = new Map<string, Set<Section>>();
  for (const section of sections) {
    if (!section.parent || section.parent.isTitle || hasNumbering(section.text)) continue;
    const key = `${section.depth}:${fieldKey(section.text)}`;
    const parents = parentsByKey.get(key) ?? new Set<Section>();
    parents.add(section.parent);
    parentsByKey.set(key, parents);
  }
  // Deepest first: a heading whose children are all fields may itself be a field.
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i] as Section;
    if (section.side || !section.parent || section.parent.isTitle || hasNumbering(section.text)) continue;
    if (section.children.some((child) => !child.side && !child.field)) continue;
    const key = fieldKey(section.text);
    if (key.length === 0 || key.length > 60) continue;
    // "Problem: Open Port" beside "Solution Applied" is a field; a series of "Issue: X" siblings
    // with nothing else beside them are the items themselves.
    const colon = /^([^:：]{2,40})[:：]\s*\S/.exec(key);
    const label = colon?.[1] ?? key;
    const siblings = section.parent.children;
    const series = colon !== null && siblings.every((s) => fieldKey(s.text).startsWith(`${label}:`));
    // Under an unnumbered group heading ("## Critical Failures") a heading is an item even when its
    // words end like a label ("### Wrong Bucket Attribute Reference").
    const parentGroup =
      !hasNumbering(section.parent.text) && (levelOfHeading(section.parent.text) !== null || namesFailures(section.parent.text));
    const known = !series && !parentGroup && kindOfLabel(label) !== "other";
    const repeated = (parentsByKey.get(`${section.depth}:${key}`)?.size ?? 0) >= 2;
    // "### Initial Issues" repeated beside "### Fixes Applied" is the problem field of each item.
    const group = (levelOfHeading(section.text) !== null || GROUP_NAME.test(section.text)) && !siblings.some((s) => s.side || s.field);
    section.field = known || (repeated && !group);
  }
}

function classify(section: Section, frame: Section | null, earlier: ReadonlySet<number>): void {
  if (section.isTitle) return;
  const parent = section.parent && !section.parent.isTitle ? section.parent : null;
  const text = section.text;
  section.negation = isNegationHeading(text);
  // A numbered leaf is an item of a series; its own words ("... Summary Output") do not exclude it.
  const isGroup = structuralChildren(section).length > 0;
  // A top-level heading that frames the whole document ("# Model Response Analysis - Critical Faults
  // Identified", kept from being the title by its level word) is the report, not an analysis section.
  // "Failure Analysis", "Issue Analysis": the analysis of the failures is where they are listed.
  const own = (!parent && section.depth === 1 && namesFailures(text) ? text.replace(/\banalysis\b/gi, "") : text).replace(
    FAILURE_NOUN_ANALYSIS,
    "$1",
  );
  // The document's one H1, first of its headings, naming failures frames everything below it ("#
  // Model Response Analysis: Critical Failures and Learning Points"): its other words do not rule
  // the whole document out.
  const frames = !parent && section.depth === 1 && section === frame && namesFailures(text);
  const ownExcluded =
    !frames &&
    !section.side &&
    (isGroup || !hasNumbering(own)) &&
    (isAlwaysExcluded(own) || isSoftExcluded(own)) &&
    !holdsNumberedFailures(section, earlier);
  section.excluded = (parent?.excluded ?? false) || ownExcluded;
  if (section.negation && !parent) section.excluded = true;
  section.weak = (parent?.weak ?? false) || (!!parent && isWeakContext(parent.text) && !namesFailures(parent.text));
  section.level = levelOfHeading(text);
}

/**
 * A group heading that names failures beside a word that usually rules a section out ("## Summary
 * of Issues", "## Critical Failures Analysis") whose own sub-headings are a numbered series naming
 * failures ("### Issue #1: ...", "### CRITICAL FAILURE #2: ...", "### 3. Missing X") holds those
 * items: the series, not the framing word, says what the section is.
 */
function holdsNumberedFailures(section: Section, earlier: ReadonlySet<number>): boolean {
  const items = structuralChildren(section).filter((child) => hasNumbering(child.text));
  if (items.length < 2) return false;
  // Numbers all used by earlier headings: a discussion of those items ("## Root Cause Analysis" /
  // "### Issue #1: ..." again), not new ones.
  if (items.every((child) => earlier.has(numberOf(child.text) ?? -1))) return false;
  const naming = items.filter((child) => namesFailures(child.text) || levelOfHeading(child.text) !== null).length;
  // A heading naming failures needs one item naming failures or a level; any other ("## Analysis of
  // MODEL_RESPONSE vs IDEAL_RESPONSE") needs every item numbered by a failure noun ("### Fault 1: ...").
  if (namesFailures(section.text)) return naming >= 1;
  return items.every((child) => numberedByFailureNoun(child.text));
}

const FAILURE_NOUN_ANALYSIS =
  /\b((?:failures?|issues?|faults?|errors?|problems?|bugs?|defects?|mistakes?)(?:\s+(?:&|and)\s+fix(?:es)?)?)\s+analysis\b/gi;

/** Ancestors of a section that give context (the document title is not context). */
export function contextOf(section: Section): Section[] {
  const chain: Section[] = [];
  for (let s = section.parent; s; s = s.parent) if (!s.isTitle) chain.push(s);
  return chain;
}

/** Level named by the nearest enclosing section heading. */
export function sectionLevel(section: Section | null): Severity | null {
  for (let s = section; s; s = s.parent) if (!s.isTitle && s.level) return s.level;
  return null;
}

export function namesFailuresInContext(section: Section): boolean {
  return contextOf(section).some((s) => namesFailures(s.text) || s.level !== null);
}

/** Child sections that are items or groups, i.e. not side sub-headings of this section. */
export function structuralChildren(section: Section): Section[] {
  return section.children.filter((child) => !child.side && !child.field);
}
