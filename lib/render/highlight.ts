// Syntax highlighting for code blocks, done once at ingest (and for the raw view): rehype-highlight
// (highlight.js grammars, the HCL one included) over a <pre><code class="language-…"> tree, then split
// into one HTML string per source line (rehype-stringify) so the diff view can align and mark lines.
import { common, createLowlight } from "lowlight";
import type { Element, ElementContent, Root } from "hast";
import rehypeHighlight from "rehype-highlight";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import hcl from "./hcl";

/** highlight.js's common grammars plus HCL/Terraform (lib/render/hcl.ts). Shared with Markdown rendering. */
export const GRAMMARS = { ...common, hcl };

/** Only to answer "is there a grammar for this fence name" (the grammars' own aliases included). */
const registry = createLowlight(GRAMMARS);

/** Fence names seen in reports that highlight.js knows under another name. */
export const ALIASES: Record<string, string> = {
  py: "python",
  ts: "typescript",
  tsx: "typescript",
  js: "javascript",
  jsx: "javascript",
  yml: "yaml",
  sh: "bash",
  shell: "bash",
  console: "bash",
  zsh: "bash",
  golang: "go",
  "c#": "csharp",
  cs: "csharp",
  jsonc: "json",
  json5: "json",
  tf: "hcl",
  terraform: "hcl",
  tfvars: "hcl",
  hcl2: "hcl",
  dockerfile: "dockerfile",
  docker: "dockerfile",
  text: "plaintext",
  txt: "plaintext",
  plain: "plaintext",
};

/** The aliases as rehype-highlight takes them: grammar name → the other names it answers to. */
export const LANGUAGE_ALIASES: Record<string, string[]> = Object.entries(ALIASES).reduce<Record<string, string[]>>((acc, [alias, name]) => {
  (acc[name] ??= []).push(alias);
  return acc;
}, {});

/** The grammar used for a fence language, or null when there is none (rendered as escaped text). */
export function grammarFor(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const name = lang.trim().toLowerCase().split(/[\s{]/)[0] ?? "";
  const resolved = ALIASES[name] ?? name;
  return registry.registered(resolved) ? resolved : null;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// Named references (&amp; &lt;): the diff's word marks read the five named ones (lib/diff/mark-html.ts).
const highlighter = unified()
  .use(rehypeHighlight, { languages: GRAMMARS, aliases: LANGUAGE_ALIASES, detect: false })
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
  .freeze();

/** Highlights `code` and returns one HTML string per line (same count as code.split("\n")). */
export function highlightLines(code: string, lang: string | null | undefined): string[] {
  const grammar = grammarFor(lang);
  if (!grammar || code.length > 200_000) return code.split("\n").map(escapeHtml);
  const block: Element = {
    type: "element",
    tagName: "code",
    properties: { className: [`language-${grammar}`] },
    children: [{ type: "text", value: code }],
  };
  const tree: Root = { type: "root", children: [{ type: "element", tagName: "pre", properties: {}, children: [block] }] };
  try {
    highlighter.runSync(tree);
  } catch {
    return code.split("\n").map(escapeHtml);
  }
  // One stringify for the block: the lines joined by newlines, which after the split sit only between
  // lines (never inside a tag or its text), so the HTML splits back into exactly the lines.
  const lines = splitLines(block.children);
  const children = lines.flatMap((line, i): ElementContent[] => (i ? [{ type: "text", value: "\n" }, ...line] : line));
  return highlighter.stringify({ type: "root", children }).split("\n");
}

/**
 * The highlighted nodes cut at each newline: a span running over several lines is repeated on each
 * (with its part of the text), so every line is well-formed HTML on its own.
 */
function splitLines(nodes: ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === "text") {
      node.value.split("\n").forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1]!.push({ type: "text", value: part });
      });
    } else if (node.type === "element") {
      splitLines(node.children).forEach((children, i) => {
        if (i > 0) lines.push([]);
        lines[lines.length - 1]!.push({ ...node, children });
      });
    }
  }
  return lines;
}
