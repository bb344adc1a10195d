// One line of a failure's body read as a label and its value: "**Label**: value", "**Label:** value",
// "**Label** (x): value", "**Severity** - High", and the plain labels the parser knows
// ("Root cause: ...", "Severity - High").
import { stripBlockPrefix, stripInlineMarkdown } from "./text";
import { kindOfLabel } from "./vocabulary";

export interface LabelLine {
  label: string;
  /** Parenthetical right after the label: "**MODEL_RESPONSE Issue** (storage.py, line 57):". */
  paren: string | null;
  value: string;
  /** The value as written (code spans, emphasis and links kept), for the stored Markdown. */
  rawValue?: string;
}

/** One piece of a field's Markdown: a paragraph line, a list item line, or a whole block. */
const BOLD_LABEL = /^(?:\*\*|__)(.+?)(?:\*\*|__)(.*)$/;
const KNOWN_PLAIN_LABEL =
  /^(impact level|severity|priority|root cause|model[_ ]response[\w .]*|ideal[_ ]response[\w .]*|issue|problem|fix|fix applied|solution|category|location|file|status|fix status)\s*:\s*(.*)$/i;

/** A level field written with a dash: "Severity - High", "Impact Level — Critical". */
const PLAIN_LEVEL_DASH = /^(impact level|severity(?: level)?|priority|risk(?: level)?)\s*[-–—]\s+(\S.*)$/i;

/** Parses "**Label**: value", "**Label:** value", "**Label: value**", "**Label** (x): value", "**Label** - value". */
export function parseLabelLine(rawLine: string): LabelLine | null {
  const line = stripBlockPrefix(rawLine).trim();
  const bold = BOLD_LABEL.exec(line);
  if (bold) {
    const inner = (bold[1] ?? "").trim();
    const rest = (bold[2] ?? "").trim();
    if (inner.length === 0 || inner.length > 90) return null;
    if (/[:：]$/.test(inner)) return label(inner.slice(0, -1), null, rest);
    if (rest.startsWith(":")) return label(inner, null, rest.slice(1));
    const paren = /^\(([^)]*)\)\s*[:：]\s*(.*)$/.exec(rest);
    if (paren) return label(inner, paren[1] ?? null, paren[2] ?? "");
    const colon = /^([^:：]{2,50})[:：]\s*(.+)$/.exec(inner);
    if (colon && (rest === "" || /^[-–—(]/.test(rest))) return label(colon[1] ?? "", null, `${colon[2] ?? ""} ${rest}`);
    if (rest === "" && inner.length <= 60 && kindOfLabel(inner) !== "other") return label(inner, null, "");
    // "**Severity** - High": a dash separates the value only after a label the parser knows.
    const dash = /^[-–—]\s+(\S.*)$/.exec(rest);
    if (dash && inner.length <= 60 && kindOfLabel(inner) !== "other") return label(inner, null, dash[1] ?? "");
    return null;
  }
  const plain = KNOWN_PLAIN_LABEL.exec(line) ?? PLAIN_LEVEL_DASH.exec(line);
  if (plain) return label(plain[1] ?? "", null, plain[2] ?? "");
  return null;
}

function label(rawLabel: string, paren: string | null, value: string): LabelLine {
  const cleaned = stripInlineMarkdown(rawLabel).trim();
  const inlineParen = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(cleaned);
  return {
    label: inlineParen?.[1] ? inlineParen[1].trim() : cleaned,
    paren: paren ?? inlineParen?.[2] ?? null,
    value: stripInlineMarkdown(value).trim(),
    rawValue: value.trim(),
  };
}
