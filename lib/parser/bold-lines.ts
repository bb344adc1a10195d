// Recognizer "bold-line": "**1. Open Security Group**" on a line of its own, its fields below: an
// item written without a heading.
//
//   ## Critical Failures
//   **1. Open Security Group**
//   **Issue**: port 22 is open to 0.0.0.0/0
//   **2. Public Bucket**
//
// Only a grouping section (the title, a level, or plural failure words) is split this way, so the
// numbered sub-points inside one failure's body stay that failure's. It reads the section's own
// body, before its first sub-heading, so it runs on grouping sections too.
import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { at, buildDraft, declaresNonFailure, explain, signals, type DraftContext, type FailureDraft } from "./failure";
import { hasFailureEvidence, readFields } from "./fields";
import { parseLabelLine } from "./label-lines";
import { PROBLEM } from "./list-series";
import type { SectionRecognizer } from "./recognizer";
import { sectionLevel, type Section } from "./sections";
import { cleanTitle, hasNumbering, stripInlineMarkdown } from "./text";
import { isWeakContext, kindOfLabel, namesFailures } from "./vocabulary";
import { sliceNode } from "./failure";

export const boldLines: SectionRecognizer = {
  id: "bold-line",
  summary: "Bold-only title lines ('**1. Open Port**') in a grouping section's own body, each with the fields below it.",
  examples: ["## Critical Failures\n**1. Open Security Group**\n**Issue**: port 22 is open\n**2. Public Bucket**"],
  fixtures: ["bold-lines-in-failure-section"],
  applies: ({ section }) => holdsParagraphItems(section),
  find: (ctx, { section }) => draftsFromBoldParagraphs(ctx, section),
};

const GROUP_WORDS =
  /\b(failures|issues|problems|faults|errors|findings|mistakes|bugs|defects|gaps|vulnerabilities|fixes|differences|improvements|enhancements|changes)\b/i;

export function holdsParagraphItems(section: Section): boolean {
  if (section.isTitle) return true;
  if (hasNumbering(section.text)) return false;
  return section.level !== null || GROUP_WORDS.test(section.text);
}

/**
 * Unnumbered items, items in an enhancement context ("## Security Improvements") and items in the
 * title's intro (an overview may number its points) count only when they state a problem or fix.
 */
function needsEvidence(section: Section, item: ParagraphItem): boolean {
  if (!item.numbered || section.weak) return true;
  // Under a title naming failures ("# Model Failures: PROMPT vs. Model Response") a numbered bold
  // line is an item of the report; under any other title it needs a stated problem.
  if (section.isTitle) return !namesFailures(section.text);
  return isWeakContext(section.text) && !namesFailures(section.text);
}

/**
 * "**VPC Configuration Issue**" + "The model created ...": in a section named for failures (not an
 * enhancement list), an unnumbered bold line whose title or first sentence states a problem is an
 * item even without labelled fields.
 */
function statesProblem(section: Section, item: ParagraphItem, nodes: readonly RootContent[]): boolean {
  if (section.isTitle || section.weak || !namesFailures(section.text)) return false;
  const first = nodes[0] ? (toString(nodes[0]).split(/(?<=[.!?])\s/)[0] ?? "") : "";
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

export function draftsFromBoldParagraphs(ctx: DraftContext, section: Section): FailureDraft[] {
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
    if (
      declaresNonFailure(fields) ||
      (needsEvidence(section, item) && !hasFailureEvidence(fields) && !statesProblem(section, item, nodes))
    ) {
      explain(
        ctx,
        () =>
          `bold-line: line ${line} "${item.title}" in ${at(section)} dropped: ${declaresNonFailure(fields) ? "declared not a failure" : `needs a stated problem (${item.numbered ? "numbered" : "unnumbered"}), has ${signals(fields)}`}`,
      );
      return;
    }
    explain(
      ctx,
      () =>
        `bold-line: line ${line} "${item.title}" in ${at(section)} taken: ${item.numbered ? "numbered bold title line" : "bold title line"}, ${signals(fields)}`,
    );
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
