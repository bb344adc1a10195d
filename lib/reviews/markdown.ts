// Reviewer comments are Markdown, rendered to HTML through a sanitizing pipeline: raw HTML in the
// Markdown is shown as the text it is (never parsed), and rehype-sanitize (GitHub's allow-list) removes anything
// else that could run script — event attributes, `javascript:` and other non-web link protocols,
// iframes, forms — before stringifying. Images are not rendered (CSP allows only this site's).
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";

const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img" && tag !== "input"),
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

/** `<b>hi</b>` typed in a comment reads as that text, as in a code review tool. */
function rawHtmlAsText() {
  return (tree: Root) => {
    visit(tree, "html", (node) => {
      (node as unknown as { type: string }).type = "text";
    });
  };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(rawHtmlAsText).use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

export function renderComment(markdown: string): string {
  if (!markdown.trim()) return "";
  return String(processor.processSync(markdown));
}
