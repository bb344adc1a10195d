// Reads a failure's body (the mdast blocks under its heading or inside its list item) into labelled
// fields: "**MODEL_RESPONSE Issue**:", "**Impact Level**: High", "- **Fix**: ...", side sub-headings.
// Paragraph lines are read from the raw source through node offsets, so one paragraph holding
// several "**Label**: value" lines (hard breaks) yields several fields.
import type { Code, List, ListItem, Nodes, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { stripBlockPrefix, stripInlineMarkdown } from "./text";
import { parseLabelLine, type LabelLine } from "./label-lines";
import { kindOfLabel, sideOfHeading, type FieldKind } from "./vocabulary";

export interface MarkdownPart {
  text: string;
  /** Lines of one paragraph join with a newline; list lines follow each other; the rest are blocks. */
  kind: "line" | "item" | "block";
  group?: unknown;
}

export interface Field {
  label: string | null;
  kind: FieldKind;
  paren: string | null;
  text: string[];
  /** The field's prose as Markdown (see fieldMarkdown); absent when built from plain lines. */
  md?: MarkdownPart[];
  /** List depth (relative to the reader) at which the field opened: its list lines indent from there. */
  mdBase?: number;
  /** Raw source lines of the field (links and URLs intact). */
  raw: string[];
  code: Code[];
  /** How many text lines preceded each block when it was read: the prose that introduces a block
   * ("The fix:") is before it, while the field's text at the end also holds the lines after it. */
  textBefore?: Map<Code, number>;
  line: number;
}

/** Reads body blocks into fields; `source` is the whole normalised document. */
export class FieldReader {
  readonly fields: Field[] = [];
  private current: Field;
  /** Marker widths of the list items being read, outermost first. */
  private readonly items: number[] = [];

  constructor(
    private readonly source: string,
    firstLine: number,
    /** Lower-cased plain labels that open a field here ("actual", "impact"): a series' own shape. */
    private readonly plainLabels: ReadonlySet<string> = NO_LABELS,
  ) {
    this.current = { label: null, kind: "other", paren: null, text: [], md: [], mdBase: 0, raw: [], code: [], line: firstLine };
    this.fields.push(this.current);
  }

  /** Indentation of list content `levels` items deep, counted from where the current field opened. */
  private indent(levels = this.items.length): string {
    const base = Math.min(this.current.mdBase ?? 0, levels);
    // Outside lists (most lines) there is nothing to indent by.
    if (base >= levels) return "";
    return this.items
      .slice(base, levels)
      .map((width) => " ".repeat(width))
      .join("");
  }

  private pushMd(text: string, kind: MarkdownPart["kind"], group?: unknown): void {
    (this.current.md ??= []).push({ text, kind: this.items.length > 0 && kind !== "block" ? "item" : kind, group });
  }

  /** A block kept as written (table, quote), its lines re-indented to the list depth. */
  private pushBlock(node: Nodes): void {
    const raw = sliceRaw(this.source, node);
    if (!raw) return;
    const lines = raw.split("\n");
    const start = node.position?.start.column ?? 1;
    const pad = this.indent();
    const text = lines
      .map((line, i) => (i === 0 ? line : line.slice(Math.min(start - 1, line.length - line.trimStart().length))))
      .map((line) => (line ? pad + line : line))
      .join("\n");
    this.pushMd(text, "block");
  }

  readBlocks(nodes: readonly RootContent[]): void {
    for (const node of nodes) this.readBlock(node);
  }

  private start(line: LabelLine, at: number, raw = "", group?: unknown): void {
    this.current = {
      label: line.label,
      kind: kindOfLabel(line.label),
      paren: line.paren,
      text: line.value ? [line.value] : [],
      md: line.value ? [{ text: line.rawValue || line.value, kind: "line", group }] : [],
      mdBase: this.items.length,
      raw: raw ? [raw] : [],
      code: [],
      line: at,
    };
    this.fields.push(this.current);
  }

  private readBlock(node: RootContent): void {
    switch (node.type) {
      case "heading": {
        const text = toString(node).trim();
        const side = sideOfHeading(text);
        this.start({ label: text, paren: null, value: "" }, node.position?.start.line ?? 0);
        if (side) this.current.kind = side;
        return;
      }
      case "paragraph":
        this.readLines(node, false);
        return;
      case "list":
        this.readList(node);
        return;
      case "code": {
        (this.current.textBefore ??= new Map()).set(node, this.current.text.length);
        this.current.code.push(node);
        return;
      }
      case "blockquote":
        // "> **Severity**: High" is a field like any other line; a quoted passage stays text.
        if (node.children.some((child) => child.type === "paragraph" && this.opensField(child))) {
          this.readBlocks(node.children);
          return;
        }
        this.current.text.push(toString(node));
        this.current.raw.push(sliceRaw(this.source, node));
        this.pushBlock(node);
        return;
      case "table":
        this.current.text.push(toString(node));
        this.current.raw.push(sliceRaw(this.source, node));
        this.pushBlock(node);
        this.readTableFields(node);
        return;
      default:
        return;
    }
  }

  private opensField(node: Nodes): boolean {
    return sliceRaw(this.source, node)
      .split("\n")
      .some((raw) => {
        const parsed = parseLabelLine(raw);
        return parsed !== null && kindOfLabel(parsed.label) !== "other";
      });
  }

  /**
   * Two-column key/value tables ("| Severity | High |") give the fields their rows name; blocks after
   * the table continue in a fresh unlabelled field, as after a prose paragraph.
   */
  private readTableFields(table: Table): void {
    if (!table.children.every((row) => row.children.length === 2)) return;
    let found = false;
    for (const row of table.children) {
      const [key, value] = row.children.map((cell) => stripInlineMarkdown(toString(cell)).trim());
      if (!key || !value || !TABLE_FIELD_KINDS.has(kindOfLabel(key))) continue;
      this.start({ label: key, paren: null, value }, row.position?.start.line ?? 0);
      found = true;
    }
    if (!found) return;
    this.current = {
      label: null,
      kind: "other",
      paren: null,
      text: [],
      md: [],
      mdBase: this.items.length,
      raw: [],
      code: [],
      line: table.position?.end.line ?? 0,
    };
    this.fields.push(this.current);
  }

  private readList(list: List): void {
    for (const item of list.children) this.readListItem(item);
  }

  private readListItem(item: ListItem): void {
    const [first, ...rest] = item.children;
    const marker = this.markerOf(item);
    this.items.push(marker.length + 1);
    if (first?.type === "paragraph") {
      this.readLines(first, true, marker);
    } else if (first) {
      this.readBlock(first as RootContent);
    }
    for (const child of rest) this.readBlock(child as RootContent);
    this.items.pop();
    if ((this.current.mdBase ?? 0) > this.items.length) this.current.mdBase = this.items.length;
  }

  /** The item's marker as written: "-", "*", "3.", "2)", with a task box ("- [x]"). */
  private markerOf(item: ListItem): string {
    const start = item.position?.start.offset;
    const content = item.children[0]?.position?.start.offset;
    if (start !== undefined && content !== undefined && content > start) {
      // The marker's line only (what split("\n")[0] kept), without splitting the item's text.
      const newline = this.source.indexOf("\n", start);
      const written = this.source.slice(start, newline >= 0 && newline < content ? newline : content).trim();
      if (/^(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?$/.test(written)) return written;
    }
    return "-";
  }

  private plainLabel(raw: string): LabelLine | null {
    if (this.plainLabels.size === 0) return null;
    const match = PLAIN_LABEL.exec(stripInlineMarkdown(stripBlockPrefix(raw)).trim());
    if (!match?.[1] || !this.plainLabels.has(match[1].toLowerCase())) return null;
    return { label: match[1], paren: null, value: (match[2] ?? "").trim() };
  }

  /** Paragraph lines: a line opening with a label starts a field, other lines extend the current one. */
  private readLines(node: Nodes, inList: boolean, marker?: string): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) {
      this.current.text.push(toString(node));
      this.pushMd(toString(node), "line", node);
      return;
    }
    const firstLine = node.position?.start.line ?? 0;
    const lines = this.source.slice(start, end).split("\n");
    lines.forEach((raw, i) => {
      const parsed = parseLabelLine(raw) ?? this.plainLabel(raw);
      const kind = parsed ? kindOfLabel(parsed.label) : "other";
      // Inside lists only labels that carry a side or a field of their own open a new field;
      // "- **Security**: ..." bullets under an impact label stay part of that impact.
      if (parsed && (!inList || kind !== "other")) {
        this.start(parsed, firstLine + i, raw, node);
        return;
      }
      this.current.raw.push(raw);
      const text = stripInlineMarkdown(stripBlockPrefix(raw)).trim();
      if (text) this.current.text.push(inList && i === 0 ? `- ${text}` : text);
      // The line as written; a quote's marks and continuation indents go, a list line gets its marker.
      const written = (i === 0 || !QUOTE_OR_INDENT.test(raw) ? raw : raw.replace(/^\s*(?:>\s?)*/, "")).trim();
      if (!written) return;
      if (marker && i === 0) this.pushMd(`${this.indent(this.items.length - 1)}${marker} ${written}`, "item", node);
      else this.pushMd(`${this.indent()}${written}`, "line", node);
    });
  }
}

/** Row labels a key/value table may set; side labels in a table are a comparison, not a field. */
const TABLE_FIELD_KINDS: ReadonlySet<FieldKind> = new Set(["severity", "category", "location", "status"]);

const NO_LABELS: ReadonlySet<string> = new Set();

/** A line opening with whitespace or a quote mark: the only lines readLines strips a prefix from. */
const QUOTE_OR_INDENT = /^[\s>]/;

/** "Actual: text": a capitalised plain label of up to 30 characters and its value. */
export const PLAIN_LABEL = /^([A-Z][\w '/&-]{1,30}?)\s*[:：]\s+(\S.*)$/;

/** A field's prose as Markdown: paragraph lines and list lines keep together, blocks stand apart. */
export function fieldMarkdown(field: Field): string {
  if (!field.md) return field.text.join("\n").trim();
  let out = "";
  field.md.forEach((part, i) => {
    const prev = field.md?.[i - 1];
    if (prev) {
      const together =
        (part.kind === "item" && prev.kind === "item") ||
        (part.kind === "line" && prev.kind === "line" && part.group === prev.group && part.group !== undefined);
      out += together ? "\n" : "\n\n";
    }
    out += part.text;
  });
  return out.trim();
}

/** Puts a line before a field's text, in both its plain and its Markdown form. */
export function prependText(field: Field, text: string, markdown = text): void {
  field.text.unshift(text);
  field.md?.unshift({ text: markdown, kind: "line" });
}

/** Reads the blocks of one failure body; `plainLabels` are plain labels the body's series shares. */
export function readFields(source: string, nodes: readonly RootContent[], firstLine: number, plainLabels?: ReadonlySet<string>): Field[] {
  const reader = new FieldReader(source, firstLine, plainLabels);
  reader.readBlocks(nodes);
  return reader.fields;
}

/** True when any field states the problem, the fix, or a level: evidence that a heading is a failure. */
export function hasFailureEvidence(fields: readonly Field[]): boolean {
  return fields.some((field) => field.label !== null && (field.kind === "model" || field.kind === "ideal" || field.kind === "severity"));
}

function sliceRaw(source: string, node: Nodes): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}
