// Recognizer "title-lines": in a document without headings, failures written as paragraphs opened
// by a title line of their own, read only when no other recognizer found a failure.
//
//   **Missing Route 53 DNS Configuration**      Resource Naming Conflicts
//   - Add a hosted zone for the domain          The model response fails to address ...
//                                               - IAM role names already exist
//   **Missing ACM SSL Certificate**
//   - Add a certificate in us-east-1            Missing Variable Declarations or Mismatch:
//                                               Your tests expected variables like ...
//
// A title line is the first line of a paragraph that is all bold, or short and capitalised like a
// heading (an optional trailing colon). The series is the title lines of one form (bold or plain);
// each item's body runs to the next title. It is taken, whole, when at least two items exist and
// most state a problem in their title or first sentence, or carry a side or level field. The
// document's first line, when it is a title line, is the document's title, not an item.
import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { buildDraft, explain, sliceNode, type DraftContext, type FailureDraft } from "./failure";
import { hasFailureEvidence, readFields } from "./fields";
import { parseLabelLine } from "./label-lines";
import { SPECIFIC_PROBLEM } from "./heading-series";
import { cleanTitle, stripEmoji, stripInlineMarkdown } from "./text";
import { isAlwaysExcluded, isSoftExcluded, kindOfLabel } from "./vocabulary";
import { judgeSeries } from "./series-model";

export const id = "title-lines";

interface TitleLine {
  index: number;
  title: string;
  bold: boolean;
  /** The rest of the paragraph after the title line. */
  rest: string;
}

const CODEISH = /[=;{}<>`]|\(\)|^\s*(?:const|let|var|resource|output|import|def|return|expect)\b/;

export function titleLineOf(source: string, node: RootContent): TitleLine | null {
  if (node.type !== "paragraph") return null;
  const raw = sliceNode(source, node);
  const [first = "", ...rest] = raw.split("\n");
  const line = first.trim();
  const bold = /^(\*\*|__)((?:(?!\1).)+)\1\s*[:：]?\s*$/.exec(line);
  const text = stripEmoji(bold?.[2] ?? line)
    .replace(/[:：]\s*$/, "")
    .trim();
  if (!bold && !isPlainTitle(text)) return null;
  const title = cleanTitle(text);
  if (!title || title.length > 100) return null;
  // "**Impact**:" or "Severity: High" opens a field of the item above, not an item.
  if (kindOfLabel(title) !== "other" || (!bold && parseLabelLine(line)?.value)) return null;
  return { index: -1, title, bold: !!bold, rest: rest.join("\n") };
}

function firstWord(title: string): string {
  return (title.split(/\s+/)[0] ?? "").toLowerCase();
}

/** "Resource Naming Conflicts": short, capitalised, no sentence or code punctuation. */
function isPlainTitle(text: string): boolean {
  if (text.length < 3 || text.length > 80) return false;
  if (!/^[A-Z0-9]/.test(text) || /[.;,!?]$/.test(text) || /[:：]/.test(text) || CODEISH.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 10) return false;
  const capitalised = words.filter((w) => /^[A-Z0-9&(]/.test(w)).length;
  return capitalised / words.length >= 0.5;
}

export function findTitleLines(ctx: DraftContext): FailureDraft[] {
  const { root, source } = ctx;
  const found: TitleLine[] = [];
  root.children.forEach((node, index) => {
    const line = titleLineOf(source, node);
    if (line) found.push({ ...line, index });
  });
  // The document's first line names the document, unless it opens the series the way the next title
  // does ("Flaw 1" before "Flaw 2").
  const head = found[0];
  if (head?.index === 0 && firstWord(head.title) !== firstWord(found[1]?.title ?? "")) found.shift();
  // One form: the bold titles when there are two or more, else the plain ones.
  const bold = found.filter((t) => t.bold);
  const titles = (bold.length >= 2 ? bold : found.filter((t) => !t.bold)).filter(
    (t) => !isAlwaysExcluded(t.title) && !isSoftExcluded(t.title),
  );
  const items = titles.map((t, i) => {
    const end = titles[i + 1]?.index ?? root.children.length;
    const nodes = root.children.slice(t.index + 1, end);
    const line = root.children[t.index]?.position?.start.line ?? 0;
    const fields = readFields(source, nodes, line);
    const first = fields[0];
    if (first && t.rest.trim()) {
      const lines = t.rest
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      first.text.unshift(...lines.map((l) => stripInlineMarkdown(l).trim()).filter(Boolean));
      first.md?.unshift({ text: lines.join("\n"), kind: "line" });
    }
    const firstText = t.rest.trim() || (nodes[0] ? toString(nodes[0]) : "");
    const sentence = (firstText.split(/(?<=[.!?])\s/)[0] ?? "").slice(0, 300);
    const evidence = hasFailureEvidence(fields) || SPECIFIC_PROBLEM.test(`${t.title} ${sentence}`);
    return { t, nodes, line, fields, evidence, hasBody: nodes.length > 0 || t.rest.trim().length > 0 };
  });
  const withBody = items.filter((item) => item.hasBody);
  const withEvidence = withBody.filter((item) => item.evidence).length;
  const judged = judgeSeries(
    { recognizer: id, items: withBody.length, stating: withEvidence, least: 2, named: false, titles: withBody.map((item) => item.t.title) },
    ctx.series,
  );
  const taken = judged.taken;
  explain(
    ctx,
    () =>
      `${id}: ${withBody.length} ${bold.length >= 2 ? "bold" : "plain"} title lines with a body, ${withEvidence} stating a problem: ` +
      `${taken ? "taken" : "dropped"} (${judged.why}): ` +
      withBody.map((item) => `line ${item.line} "${item.t.title}"${item.evidence ? "" : " (no problem stated)"}`).join(", "),
  );
  if (!taken) return [];
  return withBody.map(({ t, nodes, line, fields }) => {
    const start = root.children[t.index]?.position?.start.offset ?? 0;
    const last = nodes[nodes.length - 1] ?? root.children[t.index];
    return buildDraft(ctx, {
      title: t.title,
      fields,
      line,
      section: null,
      sectionLevel: null,
      body: source.slice(start, last?.position?.end.offset ?? start),
    });
  });
}
