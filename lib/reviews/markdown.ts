// Reviewer comments are Markdown rendered through the same sanitizing pipeline as the reports
// (lib/render/markdown.ts: remark GFM → remark-rehype → rehype-sanitize with http(s) links only →
// HTML): raw HTML shows as the text it is, `javascript:` and other non-web links lose their address,
// images are not loaded, nothing a reviewer writes can run script.
import { renderMarkdown } from "../render/markdown";

export function renderComment(markdown: string): string {
  if (!markdown.trim()) return "";
  const { html, inline } = renderMarkdown(markdown);
  return inline ? `<p>${html}</p>` : html;
}
