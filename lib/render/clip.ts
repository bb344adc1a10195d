// Budgets for report text rendered inline on a page (the raw view, paged, has all of it).

/** Characters of one prose field (root cause, MODEL/IDEAL prose, an impact, the summary) shown inline. */
export const PROSE_BUDGET = 4_000;

/** Characters of one code line shown in a diff (longer ones are cut, unhighlighted, with a note). */
export const CODE_LINE_BUDGET = 2_000;

/** The first `limit` characters (never splitting a surrogate pair) and how many were left out. */
export function clipText(text: string, limit: number): { shown: string; omitted: number } {
  if (text.length <= limit) return { shown: text, omitted: 0 };
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { shown: text.slice(0, end), omitted: text.length - end };
}
