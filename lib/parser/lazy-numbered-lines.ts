// Numbered lines that Markdown left inside a paragraph. CommonMark lets only a list that starts at 1
// interrupt a paragraph, so an item written right under a line of text
//
//   Documentation and Usability Issues
//   5. No Deployment Instructions
//   Model Response Issue: ...
//
// is read as three lines of one paragraph, and the recognizers never see item 5. The paragraph is
// read again as its author meant it, as if a blank line stood before each run of numbered lines: the
// text above stays a paragraph and the numbered lines become a list starting at their number (their
// following lines continue the item, as any lazy line does). Only paragraphs at the top of the
// document are split; every node keeps its place in the source (line, column, offset).
import type { Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import { parseMarkdown } from "./markdown";

/** A line that would start an ordered list item after a blank line, but not at 1. */
const LAZY_NUMBERED = /\n[ ]{0,3}(?!0*1[.)])\d{1,9}[.)][ \t]+\S/g;

/** Splits the root's paragraphs at numbered lines (see above), in place. */
export function splitLazyNumberedLines(root: Root, source: string): void {
  root.children = root.children.flatMap((node) => (node.type === "paragraph" ? readAgain(node, source) : [node]));
}

function readAgain(node: RootContent, source: string): RootContent[] {
  const { start, end } = node.position ?? {};
  // A one-line paragraph has no line under its first.
  if (start?.offset === undefined || end?.offset === undefined || start.line === end.line) return [node];
  // Searched in place (no copy of every paragraph's text).
  LAZY_NUMBERED.lastIndex = start.offset;
  const first = LAZY_NUMBERED.exec(source);
  if (!first || first.index >= end.offset) return [node];
  // Before the first numbered line: the paragraph as it was, read alone; from it on: read as though
  // a blank line stood before it (a following numbered line then continues that list).
  const cut = first.index + 1;
  const cutLine = start.line + countLines(source.slice(start.offset, cut));
  return [...readSlice(source, start.offset, first.index, start.line, start.column), ...readSlice(source, cut, end.offset, cutLine, 1)];
}

/** The Markdown of source[from, to), which starts at `line` and `column`, its nodes placed there. */
function readSlice(source: string, from: number, to: number, line: number, column: number): RootContent[] {
  const root = parseMarkdown(source.slice(from, to));
  visit(root, (child) => {
    for (const point of [child.position?.start, child.position?.end]) {
      if (!point) continue;
      if (point.line === 1) point.column += column - 1;
      point.line += line - 1;
      if (point.offset !== undefined) point.offset += from;
    }
  });
  return root.children;
}

const countLines = (text: string) => text.split("\n").length - 1;
