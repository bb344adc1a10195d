// The sentence a diff shows when its budget (DIFF_BUDGET) cut something, so a reader never mistakes
// a shortened diff for the whole one.
import { DIFF_BUDGET, type DiffBudget, type DiffLimits } from "./align";

const n = (x: number) => x.toLocaleString("en");

/** Null when nothing was cut. */
export function diffLimitMessage(limits: DiffLimits, budget: DiffBudget = DIFF_BUDGET): string | null {
  const parts: string[] = [];
  if (limits.unaligned) {
    parts.push(
      `Diff too large — more than ${n(budget.maxEditLines)} lines differ, so the two sides are shown line by line without alignment.`,
    );
  } else if (limits.unmarkedPairs > 0) {
    parts.push(
      `Diff too large for word marks — showing a line diff for ${n(limits.unmarkedPairs)} changed line${limits.unmarkedPairs === 1 ? "" : "s"}.`,
    );
  }
  if (limits.shownRows < limits.totalRows) {
    const longest = Math.max(limits.modelLines, limits.idealLines);
    parts.push(
      `Showing the first ${n(limits.shownRows)} of ${n(Math.max(limits.totalRows, longest))} lines; the raw Markdown has them all.`,
    );
  }
  return parts.length ? parts.join(" ") : null;
}

/** A block without a counterpart: how many of its lines are shown. */
export function singleBlockLimit(lines: number, budget: DiffBudget = DIFF_BUDGET): { shown: number; message: string | null } {
  if (lines <= budget.maxRows) return { shown: lines, message: null };
  return { shown: budget.maxRows, message: `Showing the first ${n(budget.maxRows)} of ${n(lines)} lines; the raw Markdown has them all.` };
}
