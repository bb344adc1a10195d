// Recognizer "noun-numbered-lines": failures written as paragraphs opened by a line that numbers
// them with a failure noun, however the line is decorated, read only when no other recognizer found
// a failure in the document.
//
//   *** Flaw 1 ***                 — Failure 1                    Fault 1: Lack of Encryption at Rest
//   Error: Unreadable module ...   Problem: Circular dependency   - MODEL_RESPONSE.md has no KMS key
//                                  Solution: Broke the loop ...
//   *** Flaw 2 ***                                                Fault 2: Wildcard IAM Policy
//   ...                            — Failure 2                    - ...
//
// A marker line is a paragraph's first line that, without its emphasis, rules or dashes, is a failure
// noun and a number ("Flaw 1", "Failure 2", "Issue #3"), optionally followed by a title ("Fault 1:
// Lack of Encryption at Rest"). The series is the marker lines of the document's most common noun;
// it is taken when there are two or more and their numbers rise, or one numbered 1 with a body. Each item's body runs to the next
// marker. A marker without a title (or with only a status, "Flaw 1 - RESOLVED") is its own title.
import type { RootContent } from "mdast";
import { buildDraft, explain, sliceNode, type DraftContext, type FailureDraft } from "./failure";
import { readFields } from "./fields";
import { cleanTitle, stripEmoji, stripInlineMarkdown } from "./text";

export const id = "noun-numbered-lines";

const MARKER = /^(fault|failure|flaw|issue|error|problem|bug|mistake|defect|finding)\s*#?\s*(\d{1,3})(?:\s*(?:[:.)|]|\s[-–—])\s*(.*))?$/i;
/** What a marker says about the item's state rather than what it is: no title. */
const STATUS_ONLY = /^(?:\(?(?:partially\s+)?(?:resolved|fixed|open|closed|addressed|done|pending)\)?\s*)+$/i;

interface Marker {
  index: number;
  noun: string;
  number: number;
  title: string;
  /** The rest of the paragraph after the marker line. */
  rest: string;
  /** Length of the marker line in the source. */
  firstLength: number;
  line: number;
}

function markerOf(source: string, node: RootContent, index: number): Marker | null {
  if (node.type !== "paragraph") return null;
  const [first = "", ...rest] = sliceNode(source, node).split("\n");
  // A marker line is short; a long line is never scanned (its trailing-run strip would backtrack).
  if (first.length > 240) return null;
  // "*** Flaw 1 ***", "==== Flaw 1 ====", "— Failure 1", "**Flaw 1**: title".
  const line = stripEmoji(first)
    .replace(/^[\s*_=~#>—–-]+/, "")
    .replace(/[\s*_=~—–-]+$/, "")
    .replace(/^(\S+(?:\s*#?\s*\d{1,3}))[*_]+/, "$1")
    .trim();
  const match = MARKER.exec(line);
  if (!match?.[1] || !match[2]) return null;
  const full = cleanTitle(stripInlineMarkdown(match[3] ?? ""));
  // "Flaw 1: Incomplete code generation - The model's response stops ...": the title ends at the dash.
  const tail = full.length > 100 ? (/^(.{3,100}?)\s[-–—]\s/.exec(full)?.[1] ?? full) : full;
  const marker = `${match[1]} ${match[2]}`;
  return {
    index,
    noun: match[1].toLowerCase(),
    number: Number(match[2]),
    title: tail && !STATUS_ONLY.test(tail) && tail.length <= 160 ? tail : marker,
    rest: rest.join("\n"),
    firstLength: first.length,
    line: node.position?.start.line ?? 0,
  };
}

export function findNounNumberedLines(ctx: DraftContext): FailureDraft[] {
  const { root, source } = ctx;
  const found: Marker[] = [];
  root.children.forEach((node, index) => {
    const marker = markerOf(source, node, index);
    if (marker) found.push(marker);
  });
  const counts = new Map<string, number>();
  for (const m of found) counts.set(m.noun, (counts.get(m.noun) ?? 0) + 1);
  const noun = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const markers = found.filter((m) => m.noun === noun);
  const rises = markers.every((m, i) => i === 0 || m.number > (markers[i - 1]?.number ?? Infinity));
  // One item is a series when it is "1" and has a body: a report of a single flaw.
  const single =
    markers.length === 1 && markers[0]?.number === 1 && (root.children.length > (markers[0]?.index ?? 0) + 1 || !!markers[0]?.rest.trim());
  const taken = (markers.length >= 2 && rises) || single;
  if (found.length > 0) {
    explain(
      ctx,
      () =>
        `${id}: ${markers.length} paragraphs opened by "${noun} N": ${taken ? "taken" : markers.length < 2 ? "dropped (one item, not numbered 1 or without a body)" : "dropped (their numbers do not rise)"}: ` +
        markers.map((m) => `line ${m.line} "${m.title}"`).join(", "),
    );
  }
  if (!taken) return [];
  return markers.map((m, i) => {
    const end = markers[i + 1]?.index ?? root.children.length;
    const nodes = root.children.slice(m.index + 1, end);
    // The lines after the marker in its own paragraph ("Problem: ..." / "Solution: ...") come first.
    const head = root.children[m.index] as RootContent;
    const restStart = (head.position?.start.offset ?? 0) + m.firstLength + 1;
    const restNodes: RootContent[] =
      m.rest.trim() && head.position
        ? [
            {
              type: "paragraph",
              children: [],
              position: { start: { line: m.line + 1, column: 1, offset: restStart }, end: head.position.end },
            },
          ]
        : [];
    const fields = readFields(source, [...restNodes, ...nodes], m.line);
    const start = root.children[m.index]?.position?.start.offset ?? 0;
    const last = nodes[nodes.length - 1] ?? root.children[m.index];
    return buildDraft(ctx, {
      title: m.title,
      fields,
      line: m.line,
      section: null,
      sectionLevel: null,
      body: source.slice(start, last?.position?.end.offset ?? start),
    });
  });
}
