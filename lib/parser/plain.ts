// Failure items in documents with no markdown structure at all (no headings, lists or fences):
// chat answers pasted as plain text, where a short title line opens each block
// ("EBS Encryption Gap\nEarly file had: ..."), or "Label: text" paragraphs of which only those
// reporting a problem are failures ("Faulty Logic: the vpcId is incorrectly hardcoded ...").
import type { Paragraph, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { DraftContext, FailureDraft } from "./failure";
import { buildDraft } from "./failure";
import type { Field } from "./fields";
import { stripEmoji, stripInlineMarkdown } from "./text";

/**
 * True for documents made only of paragraphs (and breaks / html), allowing stray "headings" without
 * letters, which pasted code comments such as "# ..." produce.
 */
export function isPlainDocument(root: Root): boolean {
  // The test that fails early on most documents (their first heading or list) goes first.
  return (
    root.children.every(
      (node) =>
        node.type === "paragraph" ||
        node.type === "thematicBreak" ||
        node.type === "html" ||
        (node.type === "heading" && !/\p{L}/u.test(toString(node))),
    ) && root.children.some((node) => node.type === "paragraph")
  );
}

export function findPlainFailures(ctx: DraftContext): FailureDraft[] {
  const paragraphs = ctx.root.children.filter((node): node is Paragraph => node.type === "paragraph");
  const titled = titledBlocks(ctx.source, paragraphs);
  if (titled.length >= 2) return titled.map((block) => draft(ctx, block.title, block.lines, block.line));
  return labelledParagraphs(ctx.source, paragraphs)
    .filter((block) => reportsProblem(`${block.title} ${block.lines.join(" ")}`))
    .map((block) => draft(ctx, block.title, block.lines, block.line));
}

interface PlainBlock {
  title: string;
  lines: string[];
  line: number;
}

const CODEISH = /[=;{}<>]|\(\)|^\s*(?:const|let|var|resource|output|import|def|return|expect)\b/;

/** "Auto Scaling Group Issues" — short, capitalised, no sentence or code punctuation. */
function isTitleLine(line: string): boolean {
  const text = stripEmoji(line).trim();
  if (text.length < 3 || text.length > 80) return false;
  if (!/^[A-Z0-9]/.test(text) || /[.:;,!?]$/.test(text) || CODEISH.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 10) return false;
  const capitalised = words.filter((w) => /^[A-Z0-9&(]/.test(w)).length;
  return capitalised / words.length >= 0.5 && !/^(copy|edit|hcl|js|ts|json|yaml|bash)$/i.test(text);
}

function titledBlocks(source: string, paragraphs: Paragraph[]): PlainBlock[] {
  const blocks: PlainBlock[] = [];
  for (const paragraph of paragraphs) {
    const lines = rawLines(source, paragraph);
    const [first, ...rest] = lines;
    if (first !== undefined && rest.length > 0 && isTitleLine(first)) {
      blocks.push({ title: stripEmoji(first).trim(), lines: rest, line: paragraph.position?.start.line ?? 0 });
    } else {
      blocks[blocks.length - 1]?.lines.push(...lines);
    }
  }
  return blocks;
}

function labelledParagraphs(source: string, paragraphs: Paragraph[]): PlainBlock[] {
  const blocks: PlainBlock[] = [];
  for (const paragraph of paragraphs) {
    const lines = rawLines(source, paragraph);
    const match = /^([A-Z][\w /&'-]{2,50}?)\s*[:：]\s+(\S.*)$/.exec(stripEmoji(lines[0] ?? "").trim());
    if (match?.[1]) {
      blocks.push({ title: match[1].trim(), lines: [match[2] ?? "", ...lines.slice(1)], line: paragraph.position?.start.line ?? 0 });
    }
  }
  return blocks;
}

const PROBLEM =
  /\b(faulty|incorrect(?:ly)?|wrong|error|fail(?:s|ed|ure)?|broken|missing|lacks?|bug|issue|problem|hard-?coded|does not|doesn't|cannot|can't|will not|won't|invalid|insecure|vulnerab\w*)\b/i;

function reportsProblem(text: string): boolean {
  return PROBLEM.test(text);
}

function rawLines(source: string, paragraph: Paragraph): string[] {
  const start = paragraph.position?.start.offset ?? 0;
  const end = paragraph.position?.end.offset ?? start;
  return source.slice(start, end).split("\n");
}

function draft(ctx: DraftContext, title: string, lines: string[], line: number): FailureDraft {
  const text = lines.map((l) => stripInlineMarkdown(l).trim()).filter(Boolean);
  const field: Field = { label: null, kind: "other", paren: null, text, raw: lines, code: [], line };
  return buildDraft(ctx, { title, fields: [field], line, section: null, sectionLevel: null, body: lines.join("\n") });
}
