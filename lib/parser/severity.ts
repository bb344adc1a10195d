// Resolves a failure's severity: its own Impact Level / Severity / Priority field, then its category
// line (a level word, or a letter mapped through the document's own legend), then a level marked in
// its title, then the enclosing section heading, else "unknown".
import type { Severity } from "./types";
import type { Field } from "./fields";
import { leadingLevelOf, levelOfHeading, levelOfTitle, levelOfValue, severityNoteOf } from "./vocabulary";

export interface SeverityVerdict {
  severity: Severity;
  note: string | null;
  /** Level from the item itself (field, category or title), before the section fallback. */
  own: Severity | null;
}

/** Letter -> level legend of a document ("**A (Critical)**:", "| **B (Moderate)** |", "Category C (Minor)"). */
const LEGEND_LEAD = new Set([..."|*("].map((c) => c.charCodeAt(0)));
const LETTERS = new Set([..."ABCDabcd"].map((c) => c.charCodeAt(0)));

export function letterLegend(source: string): Map<string, Severity> {
  const legend = new Map<string, Severity>();
  // The matches of /([A-D])\s*\(([^)]{2,60})\)/gi, found from each "(" (rarer than the letters a-d):
  // the letter stands right before it, past whitespace; the text up to the first ")" is 2-60
  // characters; matches do not overlap. What stands before the letter is checked after a match: the
  // start of a line, a space, "|", "*" or "(" ("Category B (High)", "| A (Critical) |").
  let resume = 0;
  // The first ")" after the last "(" looked at: reused by every "(" before it, so a run of "("
  // without ")" is read once, not once per "(".
  let close = -1;
  for (let open = source.indexOf("("); open !== -1; open = source.indexOf("(", open + 1)) {
    let at = open - 1;
    while (at >= resume && /\s/.test(source.charAt(at))) at--;
    if (at < resume || !LETTERS.has(source.charCodeAt(at))) continue;
    if (close <= open) close = source.indexOf(")", open + 1);
    if (close === -1) break;
    if (close - open - 1 < 2 || close - open - 1 > 60) continue;
    const inside = source.slice(open + 1, close);
    resume = close + 1;
    open = close;
    const before = at > 0 ? source.charCodeAt(at - 1) : 10;
    if (!LEGEND_LEAD.has(before) && !/\s/.test(String.fromCharCode(before))) continue;
    const letter = source.charAt(at).toUpperCase();
    const level = levelOfHeading(inside);
    if (level && !legend.has(letter)) legend.set(letter, level);
  }
  return legend;
}

export function resolveSeverity(
  fields: readonly Field[],
  title: string,
  sectionLevel: Severity | null,
  legend: ReadonlyMap<string, Severity>,
): SeverityVerdict {
  let own: Severity | null = null;
  let note: string | null = null;
  for (const field of fields) {
    if (field.kind !== "severity") continue;
    const value = field.text[0] ?? "";
    // "Risk" also heads prose ("Risk: attackers gain high privileges"): only a leading level word counts.
    const level = /^risk$/i.test(field.label ?? "") ? leadingLevelOf(value) : (leadingLevelOf(value) ?? levelOfValue(value));
    if (level) {
      own = level;
      note = severityNoteOf(value);
      break;
    }
  }
  if (!own) {
    for (const field of fields) {
      if (field.kind !== "category") continue;
      const value = field.text[0] ?? "";
      const letter = /^\s*([A-D])\b/.exec(value)?.[1];
      const level = levelOfHeading(value) ?? (letter ? legend.get(letter) : undefined) ?? null;
      if (level) {
        own = level;
        note = note ?? (severityNoteOf(value.replace(/^\s*[A-D]\s*(?=[-–—(])/, "X ")) || null);
        break;
      }
    }
  }
  if (!own) {
    // "**Impact**: MEDIUM - Adds cost": an impact whose value leads with a level word is the level.
    for (const field of fields) {
      if (field.kind !== "impact" || !/^(?:impact|business impact|risk impact)$/i.test(field.label ?? "")) continue;
      const value = field.text[0] ?? "";
      const level = leadingLevelOf(value);
      if (level) {
        own = level;
        note = severityNoteOf(value);
        break;
      }
    }
  }
  if (!own) own = levelOfTitle(title);
  // A label that is not a level ("Severity: SECURITY", "Category: BEST_PRACTICE") stays as the note.
  if (!own && !note) {
    // Only a short label: "Risk: attackers could read the logs" is prose, not a category.
    const label = fields.find((f) => {
      const value = (f.text[0] ?? "").trim();
      return (f.kind === "severity" || f.kind === "category") && value.length > 0 && value.length <= 40 && value.split(/\s+/).length <= 4;
    });
    note = label ? (label.text[0] ?? "").trim() : null;
  }
  return { severity: own ?? sectionLevel ?? "unknown", note, own };
}
