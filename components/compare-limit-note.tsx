// Says what a large comparison left out: failures beyond the compared first N of a side, and list rows
// beyond what the page shows (the CSV export has every aligned row).
import type { Comparison } from "@/lib/compare/compare-analyses";

/** Rows shown per list (shared, only A, only B) on /compare; the page stays small at any size. */
export const COMPARE_LIST_LIMIT = 500;

export function compareLimitMessages(c: Comparison, shown = COMPARE_LIST_LIMIT): string[] {
  const messages: string[] = [];
  const cut = (["a", "b"] as const).filter((k) => c[k].failureCount > c.compared[k]);
  if (cut.length) {
    const sides = cut.map(
      (k) => `${c.compared[k].toLocaleString("en")} of ${c[k].failureCount.toLocaleString("en")} in ${k.toUpperCase()}`,
    );
    messages.push(
      `Large analyses: compared the first ${c.compared.limit.toLocaleString("en")} failures of each side (${sides.join(", ")}).`,
    );
  }
  const { shared, onlyA, onlyB } = c.alignment;
  const long = (
    [
      ["shared", shared.length],
      ["only in A", onlyA.length],
      ["only in B", onlyB.length],
    ] as const
  ).filter(([, n]) => n > shown);
  if (long.length) {
    messages.push(
      `Each list shows its first ${shown.toLocaleString("en")} rows (${long.map(([name, n]) => `${name}: ${n.toLocaleString("en")}`).join(", ")}); the CSV export has them all.`,
    );
  }
  return messages;
}

export function CompareLimitNote({ c, shown = COMPARE_LIST_LIMIT }: { c: Comparison; shown?: number }) {
  const messages = compareLimitMessages(c, shown);
  if (!messages.length) return null;
  return (
    <p
      role="note"
      aria-label="Comparison limits"
      className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      {messages.join(" ")}
    </p>
  );
}
