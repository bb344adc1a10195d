// Leading indentation of one highlighted code line, taken out of the text flow. Shown as padding, a
// wrapped line's rows all start under its text, and the indentation can never be a row of its own
// (with `white-space: pre-wrap` a browser breaks after the spaces when the next word does not fit,
// leaving the line number beside nothing). The characters stay in the DOM (copying keeps them).

/** Columns a tab takes (globals.css .diff-code tab-size). */
export const TAB_COLUMNS = 4;

/**
 * Splits `html` (escaped text in <span>/<mark> tags, lib/render/highlight.ts) into its leading spaces
 * and tabs (as text) and the rest (the same markup without them), and counts the indent's columns.
 */
export function splitIndent(html: string): { indent: string; columns: number; rest: string } {
  let indent = "";
  let rest = "";
  let i = 0;
  let leading = true;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const end = html.indexOf(">", i);
      const tag = end === -1 ? html.slice(i) : html.slice(i, end + 1);
      rest += tag;
      i += tag.length;
      continue;
    }
    if (leading && (ch === " " || ch === "\t")) {
      indent += ch;
      i += 1;
      continue;
    }
    leading = false;
    // Copy the remainder (text and tags) as is.
    rest += html.slice(i);
    break;
  }
  // A line of nothing but indentation keeps it in place.
  if (!leading || !indent) {
    let columns = 0;
    for (const ch of indent) columns += ch === "\t" ? TAB_COLUMNS : 1;
    return { indent, columns, rest };
  }
  return { indent: "", columns: 0, rest: html };
}
