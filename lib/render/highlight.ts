// Syntax highlighting for code blocks, done once at ingest: highlight.js grammars through lowlight,
// split into one HTML string per source line so the diff view can align and mark lines.
import { common, createLowlight } from "lowlight";
import type { Element, ElementContent, Root, RootContent } from "hast";
import hcl from "./hcl";

/** highlight.js's common grammars plus HCL/Terraform (lib/render/hcl.ts). Shared with Markdown rendering. */
export const GRAMMARS = { ...common, hcl };

const lowlight = createLowlight(GRAMMARS);

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
  return lowlight.registered(resolved) ? resolved : null;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Highlights `code` and returns one HTML string per line (same count as code.split("\n")). */
export function highlightLines(code: string, lang: string | null | undefined): string[] {
  const grammar = grammarFor(lang);
  if (!grammar || code.length > 200_000) return code.split("\n").map(escapeHtml);
  let tree: Root;
  try {
    tree = lowlight.highlight(grammar, code);
  } catch {
    return code.split("\n").map(escapeHtml);
  }
  const lines: string[] = [""];
  walk(tree.children, [], lines);
  return lines;
}

/** Appends nodes to `lines`, closing open spans at each newline and reopening them on the next line. */
function walk(nodes: Array<RootContent | ElementContent>, open: string[], lines: string[]): void {
  for (const node of nodes) {
    if (node.type === "text") {
      const parts = node.value.split("\n");
      parts.forEach((part, i) => {
        if (i > 0) {
          lines[lines.length - 1] += "</span>".repeat(open.length);
          lines.push(open.join(""));
        }
        lines[lines.length - 1] += escapeHtml(part);
      });
    } else if (node.type === "element") {
      const tag = openTag(node);
      lines[lines.length - 1] += tag;
      walk(node.children, [...open, tag], lines);
      lines[lines.length - 1] += "</span>";
    }
  }
}

function openTag(node: Element): string {
  const className = node.properties?.className;
  const classes = Array.isArray(className) ? className.join(" ") : typeof className === "string" ? className : "";
  return `<span class="${escapeHtml(classes)}">`;
}
