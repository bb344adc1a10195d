// Overlays word-level change marks onto one line of pre-highlighted HTML, so the diff keeps its
// syntax colours. The HTML comes from lib/render/highlight.ts: escaped text inside <span> tags only.

/** A half-open range [start, end) of text offsets (in characters of the decoded line). */
export type TextRange = readonly [start: number, end: number];

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The text a highlighted line shows: tags dropped, the five entities decoded. */
export function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

/**
 * Wraps the characters inside `ranges` with `<mark class="…">`. Marks are closed before every tag and
 * reopened after it, so the output stays well nested whatever the span structure. When the HTML does
 * not spell `text` (stale or foreign markup), falls back to escaped plain text with the marks.
 */
export function markHtml(html: string, text: string, ranges: readonly TextRange[], className: string): string {
  if (!ranges.length) return htmlText(html) === text ? html : escapeHtml(text);
  if (htmlText(html) !== text) html = escapeHtml(text);
  const inRange = (offset: number) => ranges.some(([s, e]) => offset >= s && offset < e);
  const open = `<mark class="${className}">`;
  let out = "";
  let offset = 0;
  let marking = false;
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      const end = html.indexOf(">", i);
      const tag = end === -1 ? html.slice(i) : html.slice(i, end + 1);
      if (marking) out += "</mark>";
      out += tag;
      if (marking) out += open;
      i += tag.length;
      continue;
    }
    let unit = ch ?? "";
    if (ch === "&") {
      const semi = html.indexOf(";", i);
      const candidate = semi === -1 ? "" : html.slice(i, semi + 1);
      if (candidate in ENTITIES) unit = candidate;
    }
    const want = inRange(offset);
    if (want && !marking) out += open;
    if (!want && marking) out += "</mark>";
    marking = want;
    out += unit;
    offset += 1;
    i += unit.length;
  }
  if (marking) out += "</mark>";
  // Empty marks left by a tag boundary at a range edge are noise.
  return out.split(`${open}</mark>`).join("");
}
