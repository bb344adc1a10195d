// The parser's Markdown grammar: CommonMark (remark-parse) with GitHub's extensions (tables,
// footnotes, strikethrough, task-list items, `www.`/`https://` autolink literals), less two parts of
// GFM's autolink literals that only make links of text the parser reads as text anyway:
// - the e-mail literal, which micromark tries at every letter and digit of running text (about a
//   fifth of the bare parse's time on the wild reports);
// - the tree transform that turns URLs micromark left as text into link nodes after the parse.
// The `www.`/`https://` literals stay: they keep `*`/`_` inside a URL from becoming emphasis, which
// would drop those characters from a heading's text. The parser never reads link nodes (it slices raw
// text through node offsets and reads phrasing through its text), and the records and `--explain`
// lines of all 3,756 wild reports, the labeled corpus, seeds and fixtures are byte-identical to those
// read from the full-GFM tree (tests/parser/markdown.test.ts keeps the fixtures so). Rendering
// (lib/render) uses full GFM, so every URL and address in report prose is a link on screen.
import type { Root } from "mdast";
import { unified, type Processor } from "unified";
import remarkParse from "remark-parse";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";

type Extension = ReturnType<typeof gfmAutolinkLiteral>;

/** GFM's autolink-literal syntax without its e-mail construct. */
function urlLiterals(): Extension {
  const text: NonNullable<Extension["text"]> = {};
  for (const [code, constructs] of Object.entries(gfmAutolinkLiteral().text ?? {})) {
    const kept = [constructs ?? []].flat().filter((construct) => construct.name !== "emailAutolink");
    if (kept.length > 0) text[Number(code)] = kept;
  }
  return { text };
}

/** remark-gfm's syntax and tree extensions as above, registered the way remark-gfm registers them. */
function gfmForParsing(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(urlLiterals(), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    { ...gfmAutolinkLiteralFromMarkdown(), transforms: [] },
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

const processor = unified().use(remarkParse).use(gfmForParsing);

/** The Markdown tree the parser walks. */
export function parseMarkdown(source: string): Root {
  return processor.parse(source) as Root;
}
