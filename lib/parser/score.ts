// Finds the training-quality score(s) of a document: "Training Quality Score: 8.5/10",
// "### Updated Training Quality Score: 8/10", "**Recommended Score**: 9/10" under a score heading,
// arithmetic ("Final Calculation: 8 - 3 + 2 = 7"), "training_quality score of 1.0", a value in the
// paragraph under a score heading, two-cell table rows, and a bare "Score: 8/10" as a last resort.
// Lint, compliance, readiness, coverage scores and attempt counts ("1/5") are ignored.
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { LabeledScore, Score, ScoreKind } from "./types";
import { stripBlockPrefix, stripInlineMarkdown, squash } from "./text";

const TRAINING_LABEL = /\btraining[\s_-]*quality(?:[\s_-]*score)?|\bquality[\s_-]*score|\btraining[\s_-]*score/i;
const SCORE_LABEL = /\b(?:score|rating|final calculation|calculation)\b/i;
const NOT_TRAINING =
  /\b(lint|pylint|eslint|flake8|compliance|readiness|coverage|attempts?|requirements?|security score|test|pass(?:ing)? rate|performance|cost|base|model score|ideal score|threshold)\b/i;
const SCORE_CONTEXT = /\b(score|scoring|training|quality|rating|assessment|evaluation)\b/i;

export function findScores(root: Root, source: string): LabeledScore[] {
  const found: LabeledScore[] = [];
  // A bare "Score: 8/10" outside any score section counts only when nothing better is found.
  const loose: LabeledScore[] = [];
  const headings: string[] = [];
  // "## Training Quality Score" with its value in the next paragraph ("**8/10**").
  let pending: { label: string; line: number } | null = null;
  const take = (line: string, context: readonly (string | undefined)[], at: number): void => {
    const score = scoreOfLine(line, context, at);
    if (score) found.push(score);
    else if (mayBeLooseScore(line) && context.every((heading) => heading === undefined || !SCORE_CONTEXT.test(heading))) {
      const bare = looseScoreOfLine(line, at);
      if (bare) loose.push(bare);
    }
  };
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      const waiting = pending;
      pending = null;
      if (node.type === "heading") {
        headings.length = node.depth - 1;
        const text = toString(node);
        headings[node.depth - 1] = text;
        const line = node.position?.start.line ?? 0;
        const before = found.length;
        take(text, headings.slice(0, node.depth - 1), line);
        if (found.length === before) pending = scoreHeadingLabel(text, line);
      } else if (node.type === "paragraph") {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        const firstLine = node.position?.start.line ?? 0;
        const text = source.slice(start, end);
        // Every score line names a score, calculation, rating or quality and has a digit.
        if (!waiting && (!/\d/.test(text) || !/score|calculation|rating|quality/i.test(text))) continue;
        const lines = text.split("\n");
        const value = waiting ? parseScoreValue(squash(stripInlineMarkdown(lines[0] ?? ""))) : null;
        if (waiting && value) found.push({ ...value, label: waiting.label, line: firstLine });
        lines.forEach((line, i) => take(line, headings, firstLine + i));
      } else if (node.type === "list") {
        for (const item of node.children) visit(item.children as RootContent[]);
      } else if (node.type === "blockquote") {
        visit(node.children);
      } else if (node.type === "table") {
        // Two-cell rows read as "label: value" ("| Training Quality Score | 8/10 |").
        for (const row of node.children) {
          if (row.children.length !== 2) continue;
          const [label, value] = row.children.map((cell) => toString(cell));
          take(`${label}: ${value}`, headings, row.position?.start.line ?? 0);
        }
      }
    }
  };
  visit(root.children);
  return found.length ? found : loose.slice(-1);
}

/** Label of a heading that names the training score but gives no value, or null. */
function scoreHeadingLabel(text: string, line: number): { label: string; line: number } | null {
  // Cheap test first (this runs on every heading): without markup to strip, the plain text holds
  // "training" or "quality" only when the heading does.
  if (!/train|qual/i.test(text) && !/[[*_<`\\]/.test(text)) return null;
  const plain = squash(stripInlineMarkdown(text));
  if (/\d/.test(plain) || !TRAINING_LABEL.test(plain) || NOT_TRAINING.test(plain)) return null;
  if (/\b(justification|calculation|breakdown|analysis|rationale|reasoning|criteria)\b/i.test(plain)) return null;
  return { label: plain, line };
}

/** Cheap test first (this runs on every line of the document): a loose score line names a score and has a digit. */
function mayBeLooseScore(rawLine: string): boolean {
  return rawLine.length <= 600 && /score/i.test(rawLine) && /\d/.test(rawLine);
}

/** "Score: 8/10", "**Final Score**: 8.5/10" with no qualifier naming another kind of score. */
function looseScoreOfLine(rawLine: string, line: number): LabeledScore | null {
  if (!mayBeLooseScore(rawLine)) return null;
  const plain = squash(stripInlineMarkdown(stripBlockPrefix(rawLine)));
  const labelled = /^((?:final |overall )?score)\s*[:：]\s*(.+)$/i.exec(plain);
  const value = labelled?.[2] ? parseScoreValue(labelled[2]) : null;
  return labelled?.[1] && value ? { ...value, label: labelled[1], line } : null;
}

/** What a labelled score measures ("Linter Score" -> lint, "Score after fixes" -> projected). */
export function scoreKind(label: string, tail = ""): ScoreKind {
  const text = `${label} ${tail}`;
  if (/\b(after (?:all )?(?:the )?fix(?:es)?|projected|potential|target|if fixed)\b/i.test(text)) return "projected";
  if (/\b(lint(?:er|ing)?|pylint|eslint|flake8|tflint|cfn-lint|rubocop)\b/i.test(label)) return "lint";
  if (/\bcode[\s_-]*quality\b/i.test(label)) return "code-quality";
  if (/\bcompliance\b/i.test(label)) return "compliance";
  if (/\b(readiness|production[\s-]ready)\b/i.test(label)) return "readiness";
  if (/\brequirements?\b/i.test(text)) return "requirements";
  if (/\b(tests?|coverage|pass(?:ing)? rate)\b/i.test(label)) return "tests";
  if (NOT_TRAINING.test(label)) return "other";
  return "training";
}

/** The final training-quality score: the last one, preferring updated/final over original/initial. */
export function finalScore(allScores: readonly LabeledScore[]): Score | null {
  const scores = allScores.filter((s) => (s.kind ?? "training") === "training");
  const preferred = scores.filter((s) => !/\b(original|initial|before|previous|iteration 1)\b/i.test(s.label));
  const last = (preferred.length ? preferred : scores)[(preferred.length ? preferred : scores).length - 1];
  return last ? { value: last.value, max: last.max } : null;
}

function scoreOfLine(rawLine: string, context: readonly (string | undefined)[], line: number): LabeledScore | null {
  if (rawLine.length > 600 || !/\d/.test(rawLine) || !/score|calculation|rating|quality/i.test(rawLine)) return null;
  const plain = squash(stripInlineMarkdown(stripBlockPrefix(rawLine)));
  const training = TRAINING_LABEL.exec(plain);
  let label: string;
  let valueText: string;
  let scale: number | null = null;
  let notTraining = false;
  if (training) {
    label = plain.slice(0, training.index + training[0].length).replace(/^[^A-Za-z]+/, "");
    valueText = plain.slice(training.index + training[0].length);
    // "Training Quality Score (0-10): 8" - a range after the label gives the scale.
    const range = /^\s*\(\s*(?:0|1)\s*[-–]\s*(\d+)\s*\)/.exec(valueText);
    if (range) {
      scale = Number(range[1]);
      valueText = valueText.slice(range[0].length);
    }
    // "Training Quality Score Justification: 8/10" - skip the rest of the label up to its colon.
    const labelTail = /^[^:：\d]{0,40}[:：]/.exec(valueText);
    if (labelTail) {
      label = `${label}${labelTail[0].replace(/[:：]$/, "")}`;
      valueText = valueText.slice(labelTail[0].length);
    }
    // "Code Quality Score", "Compliance Score": kept in scores with their kind, never the score.
    if (/\bcode[\s_-]*quality\b/i.test(label)) notTraining = true;
    if (NOT_TRAINING.test(label)) notTraining = true;
  } else {
    const labelled = /^([A-Za-z][A-Za-z0-9 ()/_-]{0,50}?)\s*[:：]\s*(.+)$/.exec(plain);
    if (!labelled?.[1] || !SCORE_LABEL.test(labelled[1])) return null;
    label = labelled[1];
    valueText = labelled[2] ?? "";
    if (NOT_TRAINING.test(labelled[1]) || scoreKind(labelled[1]) !== "training") notTraining = true;
    const inScoreSection = context.some((heading) => heading !== undefined && SCORE_CONTEXT.test(heading));
    if (!inScoreSection && !notTraining) return null;
  }
  const value = parseScoreValue(valueText, scale);
  if (!value) return null;
  const tail = valueText.replace(/^[^\d]*[\d.]+(?:\s*\/\s*[\d.]+)?/, "").slice(0, 60);
  let kind = scoreKind(label, tail);
  if (kind === "training" && notTraining) kind = "other";
  return { ...value, label: squash(label), line, kind };
}

/** "8/10", "**8.5/10**", "10 - 4 = 6/10", "8 - 3 + 2 = 7", "of 1.0 (EXCELLENT)", "85/100". */
export function parseScoreValue(text: string, scale: number | null = null): Score | null {
  const head = text.replace(/^[\s:：*_\-–—]+/, "");
  const arithmetic = /^(?:\d+(?:\.\d+)?\s*[-+]\s*)+\d+(?:\.\d+)?\s*=\s*(\d+(?:\.\d+)?)(?:\s*\/\s*(\d+(?:\.\d+)?))?/.exec(head);
  if (arithmetic?.[1]) return scoreOf(Number(arithmetic[1]), arithmetic[2] ? Number(arithmetic[2]) : null);
  const fraction = /^(?:(?:of|is|was|at|=)\s+)?(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)/i.exec(head);
  if (fraction?.[1] && fraction[2]) return scoreOf(Number(fraction[1]), Number(fraction[2]));
  const bare = /^(?:(?:of|is|was|at|=)\s+)?(\d+(?:\.\d+)?)(?![\d/%])(?:\s*(?:out of|of)\s*(\d+))?/i.exec(head);
  if (bare?.[1]) return scoreOf(Number(bare[1]), bare[2] ? Number(bare[2]) : scale);
  return null;
}

function scoreOf(value: number, max: number | null): Score | null {
  if (!Number.isFinite(value)) return null;
  const scale = max ?? (value <= 1 ? 1 : value <= 10 ? 10 : value <= 100 ? 100 : null);
  if (!scale || scale <= 0 || value > scale || value < 0) return null;
  return { value, max: scale };
}
