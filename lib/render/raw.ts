// The raw view's rows as one HTML string: highlighted as Markdown (highlight.js's Markdown grammar,
// the same classes as code blocks), each line `<div id="raw-L12" class="rl"><a href="#raw-L12">12</a>
// <span>…</span></div>`. Short classes styled in globals.css ("Raw view"); line numbers are links but
// not tab stops. Pure and small enough for the browser: components/raw-lines.tsx builds the rows from
// the page's text on the server and again in the browser, so the page carries the text once in its
// React payload instead of the rows' markup twice (a 53 KB report was 600 KB of HTML, now about 5×).
import hljs from "highlight.js/lib/core";
import markdown from "highlight.js/lib/languages/markdown";
import xml from "highlight.js/lib/languages/xml";

// XML too: the Markdown grammar highlights inline HTML with it.
if (!hljs.getLanguage("xml")) hljs.registerLanguage("xml", xml);
if (!hljs.getLanguage("markdown")) hljs.registerLanguage("markdown", markdown);

/** Past this many characters a page is shown as escaped text (one highlight pass is not worth it). */
export const RAW_HIGHLIGHT_LIMIT = 200_000;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * highlight.js's HTML cut at each newline: a span running over several lines is closed at the end of
 * each line and opened again on the next, so every line is well-formed HTML on its own.
 */
export function splitHighlighted(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = "";
  let last = 0;
  for (const m of html.matchAll(/<span[^>]*>|<\/span>|\n/g)) {
    line += html.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[0] === "\n") {
      lines.push(line + "</span>".repeat(open.length));
      line = open.join("");
    } else {
      if (m[0] === "</span>") open.pop();
      else open.push(m[0]);
      line += m[0];
    }
  }
  lines.push(line + html.slice(last));
  return lines;
}

/** One HTML string per line of `text`, highlighted as Markdown (escaped only past the limit). */
export function highlightMarkdownLines(text: string, openFence: string | null = null): string[] {
  if (text.length > RAW_HIGHLIGHT_LIMIT) return text.split("\n").map(escape);
  // A page that starts inside a fenced block is highlighted as the rest of that block.
  const source = openFence ? `${openFence}\n${text}` : text;
  let html: string;
  try {
    html = hljs.highlight(source, { language: "markdown", ignoreIllegals: true }).value;
  } catch {
    return text.split("\n").map(escape);
  }
  const lines = splitHighlighted(html);
  return openFence ? lines.slice(1) : lines;
}

/**
 * The fence (```` ``` ```` or `~~~`, as opened) line `index` (0-based) of `lines` sits inside, or null:
 * what the Markdown grammar needs to highlight a page that starts mid-block.
 */
export function fenceAt(lines: readonly string[], index: number): string | null {
  let open: string | null = null;
  for (let i = 0; i < Math.min(index, lines.length); i++) {
    const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const fence = m[1]!;
    if (open === null) {
      if (!(fence[0] === "`" && m[2]!.includes("`"))) open = fence;
    } else if (fence[0] === open[0] && fence.length >= open.length && !m[2]!.trim()) open = null;
  }
  return open;
}

/** The rows of `text` (one page of the report), numbered from `firstLine` (1-based). */
export function rawRowsHtml(text: string, firstLine: number, openFence: string | null = null): string {
  const lines = highlightMarkdownLines(text, openFence);
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    const n = firstLine + i;
    out += `<div id="raw-L${n}" class="rl"><a href="#raw-L${n}" tabindex="-1" aria-label="Line ${n}">${n}</a><span>${lines[i] || " "}</span></div>`;
  }
  return out;
}
