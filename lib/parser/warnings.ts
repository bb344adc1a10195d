// Document-level oddities turned into warnings: empty or binary input, unclosed fences,
// counts that disagree with the items found, item levels that disagree with their section,
// duplicated sections, failures without sides, and documents that are not analyses at all.
import type { Code, Root } from "mdast";
import type { ParseWarning, SeverityCounts } from "./types";
import type { FailureDraft } from "./failure";
import { binaryShare, codeBlocks } from "./text";

export function warning(code: string, message: string, line: number | null = null): ParseWarning {
  return { code, message, line };
}

export function inputWarnings(source: string): ParseWarning[] {
  if (source.trim().length === 0) return [warning("empty-document", "The document is empty.")];
  const share = binaryShare(source);
  if (share > 0.05) {
    return [warning("binary-content", `The document looks binary (${Math.round(share * 100)}% control characters).`)];
  }
  return [];
}

/** Fenced blocks whose closing fence is missing (they run to the end of their container). */
export function unclosedFenceWarnings(root: Root, source: string, codes: readonly Code[] = codeBlocks(root)): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  // Fenced blocks sit only in block containers: the code blocks codeBlocks collected, in document order.
  for (const node of codes) {
    if (!node.position) continue;
    // Only the block's first and last lines matter: read them without copying the block.
    const start = node.position.start.offset ?? 0;
    const end = node.position.end.offset ?? 0;
    const opener = /^[ \t]*(`{3,}|~{3,})/.exec(source.slice(start, Math.min(end, start + 400)));
    if (opener?.[1]) {
      const newline = source.lastIndexOf("\n", end - 1);
      const last = source.slice(Math.max(newline + 1, start), end).trim();
      const fence = opener[1];
      const closed = newline >= start && last.startsWith(fence[0]?.repeat(fence.length) ?? fence) && /^[`~]+$/.test(last);
      if (!closed) {
        warnings.push(
          warning("unclosed-fence", "A code fence is never closed; it runs to the end of the document.", node.position.start.line),
        );
      }
    }
  }
  return warnings;
}

export function countWarnings(
  declared: SeverityCounts | null,
  failures: readonly FailureDraft[],
  line: number | null = null,
): ParseWarning[] {
  if (!declared) return [];
  const found: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const failure of failures) if (failure.severity !== "unknown") found[failure.severity]++;
  const declaredTotal = declared.critical + declared.high + declared.medium + declared.low;
  const differences = (Object.keys(found) as Array<keyof SeverityCounts>)
    .filter((level) => found[level] !== declared[level])
    .map((level) => `${level}: declared ${declared[level]}, found ${found[level]}`);
  if (differences.length === 0 && declaredTotal === failures.length) return [];
  const detail = differences.length ? differences.join("; ") : `declared ${declaredTotal} in total, found ${failures.length}`;
  return [warning("count-mismatch", `Summary counts disagree with the failures found (${detail}).`, line)];
}

export function severityMismatchWarnings(failures: readonly FailureDraft[]): ParseWarning[] {
  return failures
    .filter((f) => f.ownSeverity && f.sectionSeverity && f.ownSeverity !== f.sectionSeverity)
    .map((f) =>
      warning(
        "severity-mismatch",
        `"${f.title}" states ${f.ownSeverity} but sits under a ${f.sectionSeverity} section; the item's own level is used.`,
        f.line,
      ),
    );
}

export function noSidesWarnings(failures: readonly FailureDraft[]): ParseWarning[] {
  return failures
    .filter((f) => !f.model.text && !f.model.code.length && !f.ideal.text && !f.ideal.code.length)
    .map((f) => warning("no-sides", `"${f.title}" has neither a model side nor an ideal side.`, f.line));
}

const NOT_ANALYSIS = [
  /^\s*(?:certainly|sure|absolutely|of course|here(?:'s| is))\b/i,
  /\b(?:a failed response would|a response (?:fails|would fail) if|rubric|grading criteria|scoring criteria)\b/i,
  /\bwould you like me to\b/i,
];

/** True when the text reads like a prompt, rubric or chat reply rather than a failure analysis. */
export function looksLikeNonAnalysis(source: string): boolean {
  return NOT_ANALYSIS.some((pattern) => pattern.test(source.slice(0, 20000)));
}
