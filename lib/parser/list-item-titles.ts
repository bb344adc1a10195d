// The title of a list item in a list series: its bold lead, a short label before a colon, a short
// first line followed by more, or a one-sentence item; and the first sentence that says whether the
// item states a problem.
import type { ListItem } from "mdast";
import { toString } from "mdast-util-to-string";
import { sliceNode } from "./failure";
import type { SeriesItem } from "./list-series";
import { cleanTitle, stripBlockPrefix, stripInlineMarkdown } from "./text";
import { kindOfLabel } from "./vocabulary";

/**
 * A first line as a title: up to its first code span (the error quoted after a title), three words
 * or more, at most 200 characters.
 */
export function lineTitle(raw: string): string {
  const title = cleanTitle(raw.split("`")[0] ?? "");
  // A line ending in ',' or ';' is part of an enumeration, not a title.
  return title.length <= 200 && /\S+\s+\S+\s+\S/.test(title) && !/[,;]$/.test(raw.split("`")[0]?.trim() ?? "") ? title : "";
}

/**
 * The first sentence of an item's body after its title line: the rest of its first paragraph, else
 * its next block (a sub-list's first item), else the first block after its list ("1. **Tagging
 * Inconsistencies**" / "   - Resources were not tagged ...").
 */
export function leadSentence(source: string, entry: SeriesItem): string {
  const [first, next] = entry.item.children;
  const rest = first?.type === "paragraph" ? sliceNode(source, first).split("\n").slice(1).join(" ").trim() : "";
  const block = rest ? null : (next ?? entry.after[0]);
  const text = rest || (block && (block.type === "paragraph" || block.type === "list") ? toString(block) : "");
  return (stripInlineMarkdown(text).split(/(?<=[.!?])\s/)[0] ?? "").slice(0, 300);
}

/**
 * An unordered item opened by a title line of its own ("- Region enforcement missing" then, on the
 * next line or in blocks below, what went wrong): a short first line without closing punctuation,
 * followed by more of the item.
 */
export function lineTitleOf(source: string, item: ListItem): string | null {
  const first = item.children[0];
  if (first?.type !== "paragraph") return null;
  const lines = sliceNode(source, first).split("\n");
  if (lines.length < 2 && item.children.length < 2) return null;
  let plain = stripInlineMarkdown(stripBlockPrefix(lines[0] ?? "")).trim();
  // "- Wrong zone token in the subnet loop:" over a nested list of its details: the colon
  // introduces the item's own body, so the line is its title.
  if (lines.length === 1 && item.children[1]?.type === "list") plain = plain.replace(/[:：]$/, "").trim();
  if (plain.length < 8 || plain.length > 100 || /[.:;,!?]$/.test(plain) || !/^\p{Lu}/u.test(plain)) return null;
  return cleanTitle(plain) || null;
}

export function firstRawLine(source: string, item: ListItem): string {
  const first = item.children[0];
  return first?.type === "paragraph" ? (sliceNode(source, first).split("\n")[0] ?? "") : "";
}

export function firstLineText(source: string, item: ListItem): string {
  const first = item.children[0];
  return first ? stripInlineMarkdown(sliceNode(source, first).split("\n")[0] ?? "") : "";
}

/**
 * An item's title: its bold lead ("**Title**: rest"), a short label before a colon ("VPC CIDR
 * Blocks: the spoke ..."), or a short first line followed by more ("1. Missing HTTPS" + lines, or
 * + the blocks after its list when `followed`).
 * Unordered lists need the bold lead.
 */
export function itemTitle(source: string, item: ListItem, boldOnly: boolean, followed = false): string | null {
  const first = item.children[0];
  if (first?.type !== "paragraph") return null;
  const lines = sliceNode(source, first).split("\n");
  const raw = stripBlockPrefix(lines[0] ?? "").trim();
  const bold = /^(\*\*|__)((?:(?!\1).)+)\1\s*[:：\-–—]?\s*(.*)$/.exec(raw);
  if (bold?.[2]) {
    const title = cleanTitle(bold[2]);
    // "**Severity**: High" opens a field, not an item.
    return title && title.length <= 120 && kindOfLabel(title) === "other" ? title : null;
  }
  if (boldOnly) return null;
  const plain = stripInlineMarkdown(raw).trim();
  // A label starts with a capital ("VPC CIDR Blocks:"), not a tag or a code word ("[Synth]:", "action:").
  const label = /^([A-Z0-9][^:：.!?]{2,79})[:：]\s+\S/.exec(plain);
  if (label?.[1] && kindOfLabel(label[1]) === "other" && label[1].split(/\s+/).length <= 12) return cleanTitle(label[1]) || null;
  const more = followed || lines.length > 1 || item.children.length > 1;
  if (more && plain.length >= 3 && plain.length <= 100 && !/[:;,]$/.test(plain)) return cleanTitle(plain) || null;
  // A numbered item that is one sentence states the failure itself: "1. Deployment failed because the
  // IAM role name breaks the naming rule." The whole sentence is its title.
  if (plain.length > 40 && plain.length <= 400 && !/[:;,]$/.test(plain) && /\s\S+\s\S+\s/.test(plain)) {
    // ... up to a quoted error: "[Synth]: Failed validating X `ValidationError: ...`".
    return lineTitle(raw) || cleanTitle(plain) || null;
  }
  return null;
}

/** "Critical Failure — Open port", "2. Medium Issue: Engine version not offered": a level marker, then the title. */
const LEVEL_MARKED =
  /^((?:critical|high|medium|moderate|low|major|minor)\s+(?:failure|issue|problem|error|finding))\s*#?\d{0,3}\s*(?:[:：]|\s[—–-])\s*(\S.*)$/i;

export function levelMarked(raw: string): { level: string; title: string } | null {
  const match = LEVEL_MARKED.exec(stripInlineMarkdown(stripBlockPrefix(raw)).trim());
  if (!match?.[1] || !match[2]) return null;
  const sentence = match[2].split(/(?<=[.!?])\s/)[0] ?? match[2];
  const title = lineTitle(sentence.length > 100 ? sentence.slice(0, 100).replace(/\s+\S*$/, "") : sentence);
  return title ? { level: match[1], title } : null;
}
