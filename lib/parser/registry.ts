// The one place recognizers are registered, in the order they are tried.
//
// Document recognizers run in order until one finds items: the section walk first (headings, bold
// lines and lists inside the document's sections), then series found without failure-named sections,
// then plain-text layouts. Inside the walk each section is offered to the section recognizers in
// order; the first that finds items in it wins. After them the series rules (series-rules.ts) drop
// groups, tallies and fix summaries.
//
// Adding a layout: a file with one recognizer (id, summary, examples, fixtures, applies, find), one
// line below, and a fixture folder in which it takes items (tests/parser/registry.test.ts checks).
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { boldLines } from "./bold-lines";
import { at, explain, isListSection, signals, type DraftContext, type FailureDraft } from "./failure";
import { failureList, groupList, plainFailureList } from "./failure-lists";
import { readFields, type Field } from "./fields";
import { headingItems } from "./heading-items";
import { findHeadingSeries } from "./heading-series";
import { interleavedLists } from "./interleaved-lists";
import { levelLedList } from "./level-led-lists";
import { findLineTitledLists } from "./line-titled-lists";
import { findListSeries } from "./list-series";
import { findNounNumberedLines } from "./noun-numbered-lines";
import { findNumberedHeadingSeries } from "./numbered-heading-series";
import { findPlainFailures, isPlainDocument } from "./plain";
import { findProseHeadingSeries } from "./prose-heading-series";
import { findSingleNumberedHeading } from "./single-numbered-heading";
import type { DocumentFacts, DocumentRecognizer, SectionInput, SectionRecognizer } from "./recognizer";
import { structuralChildren } from "./sections";
import { findTitleLines } from "./title-lines";

/** Tried in order on each section of the outline; the first that finds items in it wins. */
export const SECTION_RECOGNIZERS: readonly SectionRecognizer[] = [
  boldLines,
  interleavedLists,
  groupList,
  headingItems,
  failureList,
  plainFailureList,
  levelLedList,
];

/** The recognizers that read a section's own body even when it has sub-headings (or is the title). */
const READS_GROUPS = new Set<SectionRecognizer>([boldLines]);

const sectionWalk: DocumentRecognizer = {
  id: "sections",
  summary: "Walks the outline and offers each section to the section recognizers, in order.",
  examples: ["# Failures\n## Critical\n### 1. Open Port\n**Issue**: ..."],
  fixtures: ["numbered-h2-failures"],
  applies: (facts) => !facts.plain,
  find: (ctx) => walkSections(ctx),
};

/** Tried in order on the whole document until one finds items. */
export const DOCUMENT_RECOGNIZERS: readonly DocumentRecognizer[] = [
  {
    id: "plain",
    summary: "A document of plain paragraphs: title blocks, or 'Label: text' paragraphs stating a problem.",
    examples: ["EBS Encryption Gap\nEarly file had no encryption.\n\nIAM Instance Profile\nThe role is missing."],
    fixtures: ["plain-label-paragraphs", "plain-text-titles"],
    applies: (facts) => facts.plain,
    find(ctx) {
      const plain = findPlainFailures(ctx);
      explain(
        ctx,
        () => `plain: the document is plain paragraphs: ${plain.length} title block(s) or problem-stating "Label: text" paragraph(s) taken`,
      );
      return plain;
    },
  },
  sectionWalk,
  {
    id: "list-series",
    summary: "A series of list items outside any failure-named section, most stating a problem.",
    examples: ["1. **Region not enforced**\n   A provider is created but ...\n2. **Unused variables**"],
    fixtures: ["list-series", "list-series-first-line-titles", "level-marked-numbered-items"],
    applies: (facts) => !facts.plain,
    find: (ctx) => findListSeries(ctx),
  },
  {
    id: "line-titled-lists",
    summary: "An unordered list whose items open with a title line of their own and go on below it, most stating a problem.",
    examples: [
      "# Failures\n- Region enforcement missing\n  The provider is never passed to the resources.\n- Restart interval too long\n  It runs every 10 minutes, not 5.",
    ],
    fixtures: ["line-titled-lists", "line-titled-lists-colon"],
    applies: (facts) => !facts.plain,
    find: (ctx) => findLineTitledLists(ctx),
  },
  {
    id: "heading-series",
    summary: "Sibling headings of one depth without numbering or failure words, most stating a problem.",
    examples: ["# Model Failures\n## Shared IAM role instead of one per function\n...\n## Missing function permissions"],
    fixtures: ["heading-series"],
    applies: (facts) => !facts.plain,
    find: (ctx) => findHeadingSeries(ctx),
  },
  {
    id: "list-series-in-summaries",
    summary: "Last resort: a list series in a section naming failures, even under a summary section.",
    examples: ["## Summary Statistics\n### Gaps and Missing Elements\n- **No Monitoring**\n- **No Testing**"],
    fixtures: ["failures-named-under-summary"],
    applies: (facts) => !facts.plain,
    find: (ctx) => findListSeries(ctx, true),
  },
  {
    id: "numbered-heading-series",
    summary: "Last resort: a numbered series of sibling headings under a summary, overview or changes heading, most stating a problem.",
    examples: [
      "# Model Failures\n## Summary\nThree issues.\n### 1. Bucket Name Invalid\n**Issue:** ...\n### 2. Deprecated API\n**Fix:** ...",
    ],
    fixtures: ["numbered-headings-under-summary"],
    applies: (facts) => !facts.plain,
    find: (ctx) => findNumberedHeadingSeries(ctx),
  },
  {
    id: "single-numbered-heading",
    summary:
      "Last resort: a lone '1.' heading under a summary, detailed by labelled fields of two kinds (model side, fix, root cause, impact, error).",
    examples: [
      "# Model Failures\n## Executive Summary\nOne failure.\n### 1. Outdated Engine Version\n**MODEL_RESPONSE Issue**: ...\n**IDEAL_RESPONSE Fix**: ...",
    ],
    fixtures: ["single-numbered-heading"],
    applies: (facts) => !facts.plain,
    find: (ctx) => findSingleNumberedHeading(ctx),
  },
  {
    id: "prose-heading-series",
    summary:
      "Last resort: sibling headings of prose under a title naming failures, most stating a problem in their title or first sentence.",
    examples: [
      "# Model Implementation Issues\n## Java Type Compatibility Issues\nThe code had type mismatches that prevented compilation.\n## Missing Suffix\nNames collide.",
    ],
    fixtures: ["prose-heading-series"],
    applies: (facts) => !facts.plain,
    find: (ctx) => findProseHeadingSeries(ctx),
  },
  {
    id: "plain-body",
    summary: "A pasted plain-text analysis with a Markdown tail: the plain part before the first heading.",
    examples: ["Missing Alarm\nNo alarm on errors.\n\nOpen Port\nPort 22 is open.\n\n## Summary"],
    fixtures: ["plain-body"],
    applies: (facts) => !facts.plain,
    find(ctx) {
      const plain = plainBody(ctx.root);
      if (!plain) return [];
      const found = findPlainFailures({ ...ctx, root: plain });
      explain(ctx, () => `plain-body: the part before the first heading is plain text: ${found.length} item(s) taken`);
      return found;
    },
  },
  {
    id: "title-lines",
    summary: "In a document without headings, paragraphs opened by a title line of their own.",
    examples: ["**Missing Route 53 DNS Configuration**\n- Add a hosted zone\n\n**Missing ACM Certificate**\n- Add one in us-east-1"],
    fixtures: ["title-lines-bold", "title-lines-plain"],
    applies: (facts) => facts.headless,
    find: (ctx) => findTitleLines(ctx),
  },
  {
    id: "noun-numbered-lines",
    summary: "Last resort: paragraphs opened by a failure noun and a number ('*** Flaw 1 ***', '— Failure 2', 'Fault 3: title').",
    examples: [
      "*** Flaw 1 ***\nError: Unreadable module directory\n\n*** Flaw 2 ***\nError: ...",
      "— Failure 1\nProblem: Circular dependency\nSolution: ...",
    ],
    fixtures: ["noun-numbered-lines"],
    applies: () => true,
    find: (ctx) => findNounNumberedLines(ctx),
  },
];

/** Runs the document recognizers in order; the first that finds items wins. */
export function findDrafts(ctx: DraftContext): FailureDraft[] {
  const facts: DocumentFacts = { plain: isPlainDocument(ctx.root), headless: ctx.outline.sections.length === 0 };
  for (const recognizer of DOCUMENT_RECOGNIZERS) {
    if (!recognizer.applies(facts)) continue;
    const found = recognizer.find(ctx);
    if (found.length > 0) {
      explain(ctx, () => `recognizer: "${recognizer.id}" found ${found.length} item(s)`);
      return found;
    }
  }
  return [];
}

function walkSections(ctx: DraftContext): FailureDraft[] {
  const { outline, root } = ctx;
  const drafts: FailureDraft[] = [];
  for (const section of outline.sections) {
    if (section.side || section.field || section.excluded || section.negation) {
      explain(
        ctx,
        () =>
          `heading: ${at(section)} skipped: ${section.side ? `${section.side} side of the item above` : section.field ? "a field of the item above" : section.negation ? "says there are none" : "a section that holds no failures (its words or an ancestor's)"}`,
      );
      continue;
    }
    const body = root.children.slice(section.index + 1, section.end);
    const input: SectionInput = { section, body, fields: lazyFields(ctx.source, body, section.line) };
    const leaf = !section.isTitle && structuralChildren(section).length === 0;
    let found: FailureDraft[] = [];
    for (const recognizer of SECTION_RECOGNIZERS) {
      if (!leaf && !READS_GROUPS.has(recognizer)) continue;
      if (!recognizer.applies(input)) continue;
      found = recognizer.find(ctx, input);
      if (found.length > 0) break;
    }
    if (found.length > 0) {
      drafts.push(...found);
      continue;
    }
    if (section.isTitle) continue;
    if (!leaf) explain(ctx, () => `heading: ${at(section)} is a group: its sub-headings are the candidates`);
    else if (!isListSection(section)) {
      explain(
        ctx,
        () => `heading: ${at(section)} dropped: not numbered in a failure context, no field states a problem (${signals(input.fields())})`,
      );
    }
  }
  return drafts;
}

/** A section's labelled fields, read on the first call only (most recognizers never ask). */
function lazyFields(source: string, body: readonly RootContent[], line: number): () => Field[] {
  let fields: Field[] | null = null;
  return () => (fields ??= readFields(source, body, line));
}

/**
 * A pasted plain-text analysis with a markdown tail someone added ("## Summary", "## Training
 * Quality"): the plain part before the first heading, when it is most of the document.
 */
function plainBody(root: Root): Root | null {
  // Headings without letters are pasted code comments ("# ..."), part of the plain text.
  const first = root.children.findIndex((node) => node.type === "heading" && /\p{L}/u.test(toString(node)));
  if (first <= 0) return null;
  const body: Root = { type: "root", children: root.children.slice(0, first) };
  const paragraphs = body.children.filter((node) => node.type === "paragraph").length;
  if (paragraphs < 3 || paragraphs < root.children.length - first || !isPlainDocument(body)) return null;
  return body;
}
