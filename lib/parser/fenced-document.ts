// A whole report pasted inside one code fence ("```markdown" ... "```"): the fence lines are
// blanked (lines keep their numbers) so the report inside is read as Markdown, not as one code block.
//
//   ```markdown                          ```
//   # Model Failures                     # Failure Points & Fixes
//   ## 1) Missing X-Ray permissions      ## 1) CloudTrail: missing delivery permissions
//   ...                                  ...
//   ```                                  ```
//
// A fence marked markdown/md is always a pasted report. An unmarked (or text) fence is one only
// when what it holds reads as Markdown: two or more headings "## "+ or numbered or bold-titled items,
// and few lines that look like code or tool output.
const OPENER = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([A-Za-z]*)[ \t]*$/;
const MARKDOWN_LANGS = new Set(["markdown", "md"]);
const OTHER_LANGS = new Set(["", "text", "txt"]);
const STRUCTURE = /^(?:#{2,6}\s+\S|\d{1,2}[.)]\s+\S.*[A-Za-z]{3}|\*\*[^*]{3,}\*\*|[-*]\s+\*\*[^*]{3,}\*\*)/;
const CODE_LINE = /^[\s│╷╵|]*(?:[│╷╵]|Error:|[A-Za-z_][\w.-]*:\s*$|[{}[\]]|.*[;{}]\s*$|.*=\s*\S)/;

export function unfenceDocument(source: string): string {
  const lead = /^(?:[ \t]*\n)*/.exec(source)?.[0].length ?? 0;
  const end = source.indexOf("\n", lead);
  const firstLine = source.slice(lead, end < 0 ? source.length : end);
  const open = OPENER.exec(firstLine);
  if (!open?.[1] || end < 0) return source;
  const lang = (open[2] ?? "").toLowerCase();
  if (!MARKDOWN_LANGS.has(lang) && !OTHER_LANGS.has(lang)) return source;
  const inner = source.slice(end + 1);
  const lines = inner.split("\n");
  if (!MARKDOWN_LANGS.has(lang)) {
    const filled = lines.filter((l) => l.trim());
    const structure = filled.filter((l) => STRUCTURE.test(l)).length;
    const code = filled.filter((l) => CODE_LINE.test(l)).length;
    if (structure < 2 || code > filled.length * 0.2) return source;
  }
  // The closing fence: the last non-blank line when it is a bare fence of the opener's kind.
  let last = lines.length - 1;
  while (last >= 0 && !lines[last]?.trim()) last--;
  const fence = open[1];
  if (last >= 0 && new RegExp(`^[ \\t]{0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`).test(lines[last] ?? ""))
    lines[last] = "";
  return `${source.slice(0, lead)}\n${lines.join("\n")}`;
}
