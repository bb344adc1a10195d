// Facet values of the two lists (/failures and /analyses): one count per severity, knowledge gap and
// platform, selected values always shown, most frequent first. Pure.
import { SEVERITIES } from "../parser/types";

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export type FacetName = "severity" | "gap" | "platform";

/** `counts` per facet (each with the other filters applied), and what the URL has selected. */
export function facetValues(
  counts: Record<FacetName, Map<string, number>>,
  selected: { severities: readonly string[]; gaps: readonly string[]; platforms: readonly string[] },
  gapRows: { id: string; label: string }[],
): Record<FacetName, FacetValue[]> {
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label);
  const severity = SEVERITIES.map((s) => ({ value: s, label: s, count: counts.severity.get(s) ?? 0, selected: selected.severities.includes(s) }))
    .filter((f) => f.count > 0 || f.selected || f.value !== "unknown");
  const gap = gapRows
    .map((g) => ({ value: g.id, label: g.label, count: counts.gap.get(g.id) ?? 0, selected: selected.gaps.includes(g.id) }))
    .filter((f) => f.count > 0 || f.selected)
    .sort(byCount);
  const platformCount = new Map(counts.platform);
  for (const p of selected.platforms) if (!platformCount.has(p)) platformCount.set(p, 0);
  const platform = [...platformCount].map(([value, count]) => ({ value, label: value, count, selected: selected.platforms.includes(value) })).sort(byCount);
  return { severity, gap, platform };
}
