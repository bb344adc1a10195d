// Report prose (a failure's prose, root cause, impacts, fields; an analysis's summary) rendered from
// its Markdown as GitHub would: remark (GFM) → remark-rehype → rehype-sanitize (GitHub's schema, http(s)
// links only) → rehype-highlight (the code-block grammars, HCL included) → HTML. Ingest renders it and
// the store keeps the HTML (lib/render/prose.ts). Raw HTML in the document is never rendered: it is
// shown as the text it is. Images are not loaded (a report must not make the reader's browser fetch
// from elsewhere): their alt text and address are shown as a link.
import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { GRAMMARS, LANGUAGE_ALIASES } from "./highlight";

/** GitHub's schema with links and images limited to http(s) (no mailto:, no relative tricks). */
const SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https"], src: ["http", "https"], cite: ["http", "https"] },
};

/** Raw HTML (block or inline) becomes its own text: `<your-bucket>` stays readable, `<script>` inert. */
function remarkHtmlAsText() {
  return (tree: MdastRoot) => {
    visit(tree, "html", (node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children[index] = { type: "text", value: node.value } as never;
    });
  };
}

/** Headings inside a card start at h4 (the card's title is h2, its sections h3). */
function remarkShiftHeadings() {
  return (tree: MdastRoot) => {
    visit(tree, "heading", (node) => {
      node.depth = Math.min(6, node.depth + 3) as 4 | 5 | 6;
    });
  };
}

/** After sanitizing: links open elsewhere without the referrer; images become links to themselves. */
function rehypeSafeLinks() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName === "a") {
        node.properties = { ...node.properties, rel: ["nofollow", "noopener", "noreferrer"], target: "_blank" };
      } else if (node.tagName === "img" && parent && index !== undefined) {
        const src = typeof node.properties?.src === "string" ? node.properties.src : "";
        const alt = typeof node.properties?.alt === "string" && node.properties.alt ? node.properties.alt : "image";
        const text: ElementContent = { type: "text", value: `[${alt}]` };
        parent.children[index] = src
          ? {
              type: "element",
              tagName: "a",
              properties: { href: src, rel: ["nofollow", "noopener", "noreferrer"], target: "_blank" },
              children: [text],
            }
          : text;
      }
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkHtmlAsText)
  .use(remarkShiftHeadings)
  .use(remarkRehype)
  .use(rehypeSanitize, SCHEMA)
  .use(rehypeSafeLinks)
  .use(rehypeHighlight, { languages: GRAMMARS, aliases: LANGUAGE_ALIASES, detect: false, plainText: ["text", "txt", "plain", "plaintext"] })
  .use(rehypeStringify)
  .freeze();

export interface RenderedMarkdown {
  html: string;
  /** One paragraph and nothing else: `html` is its content, to flow inline after a label. */
  inline: boolean;
}

/**
 * One line with no Markdown, HTML, entity or autolink syntax, starting with a letter (not a list or a
 * heading) and ending without spaces: its HTML is the text as it is in one paragraph.
 */
const PLAIN = /^[A-Za-z(][^\u0000-\u001f\\`*_[\]<>&#|~!@=${}]*(?<!\s)$/;

/**
 * Sanitized HTML for `markdown`, not memoised: what ingest stores (lib/render/prose.ts). A document
 * the pipeline cannot take is shown as its escaped text.
 */
export function markdownToHtml(markdown: string): string {
  // Half of all report prose is one plain sentence: nothing the pipeline would change but the <p>
  // (checked against the pipeline on every text of the wild sample). Saves a third of ingest's rendering.
  if (PLAIN.test(markdown) && !/www\.|:\/\//i.test(markdown)) return `<p>${markdown}</p>`;
  try {
    return String(processor.processSync(markdown)).trim();
  } catch {
    return `<p>${markdown.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`;
  }
}

/** Rendered HTML (from markdownToHtml, stored or fresh) as a page shows it: one paragraph flows inline. */
export function asRendered(html: string): RenderedMarkdown {
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !/<\/?(p|ul|ol|pre|table|blockquote|h[1-6]|hr|div)\b/.test(single[1]!)
    ? { html: single[1]!, inline: true }
    : { html, inline: false };
}

const cache = new Map<string, RenderedMarkdown>();
const CACHE_SIZE = 2_000;

/**
 * Sanitized HTML for `markdown`, rendered now (memoised: the same text is rendered on many requests).
 * Report prose is rendered at ingest and stored; this renders rows stored before that (migration 0016)
 * and review comments.
 */
export function renderMarkdown(markdown: string): RenderedMarkdown {
  const hit = cache.get(markdown);
  if (hit) return hit;
  const result = asRendered(markdownToHtml(markdown));
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(markdown, result);
  return result;
}
