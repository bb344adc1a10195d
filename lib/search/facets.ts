// Facet values of the two lists (/failures and /analyses): one count per severity, knowledge gap and
// platform, selected values always shown, most frequent first. Pure.
import { SEVERITIES, type FacetValue } from "../domain";

export type FacetName = "severity" | "gap" | "platform";

/**
 * Most frequent first; equal counts by label, then by value (two gaps may share a label; the value is
 * compared by code unit): a total order, so the list is the same on both engines whatever order the
 * database returned the rows in.
 */
export function byCount(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || a.label.localeCompare(b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/** `counts` per facet (each with the other filters applied), and what the URL has selected. */
export function facetValues(
  counts: Record<FacetName, Map<string, number>>,
  selected: { severities: readonly string[]; gaps: readonly string[]; platforms: readonly string[] },
  gapRows: { id: string; label: string }[],
): Record<FacetName, FacetValue[]> {
  const severity = SEVERITIES.map((s) => ({
    value: s,
    label: s,
    count: counts.severity.get(s) ?? 0,
    selected: selected.severities.includes(s),
  })).filter((f) => f.count > 0 || f.selected || f.value !== "unknown");
  const gap = gapRows
    .map((g) => ({ value: g.id, label: g.label, count: counts.gap.get(g.id) ?? 0, selected: selected.gaps.includes(g.id) }))
    .filter((f) => f.count > 0 || f.selected)
    .sort(byCount);
  const platformCount = new Map(counts.platform);
  for (const p of selected.platforms) if (!platformCount.has(p)) platformCount.set(p, 0);
  const platform = [...platformCount]
    .map(([value, count]) => ({ value, label: value, count, selected: selected.platforms.includes(value) }))
    .sort(byCount);
  return { severity, gap, platform };
}

/** The review facets (issue 17): review state, "by me", tag, reviewer. */
export type ReviewFacetName = "review" | "mine" | "tag" | "reviewer";

/**
 * Review facet values from their counts (lib/reviews/review-facets.ts): the review states and "by me"
 * choices in the order given (single choice each), tags and reviewers most frequent first with the
 * selected ones always shown.
 */
export function reviewFacetValues(
  counts: {
    review: Map<string, number>;
    mine: Map<string, number>;
    tag: Map<string, number>;
    reviewer: Map<string, number>;
    tagLabels: Map<string, string>;
  },
  selected: { review?: string; mine?: string; tags: readonly string[]; reviewers: readonly string[] },
  labels: { review: Record<string, string>; mine: Record<string, string> },
): Record<ReviewFacetName, FacetValue[]> {
  const choices = (map: Map<string, number>, names: Record<string, string>, chosen: string | undefined) =>
    Object.entries(names).map(([value, label]) => ({ value, label, count: map.get(value) ?? 0, selected: value === chosen }));
  const many = (map: Map<string, number>, chosen: readonly string[], label: (v: string) => string) => {
    const all = new Map(map);
    for (const v of chosen) if (!all.has(v)) all.set(v, 0);
    return [...all].map(([value, count]) => ({ value, label: label(value), count, selected: chosen.includes(value) })).sort(byCount);
  };
  return {
    review: choices(counts.review, labels.review, selected.review),
    mine: choices(counts.mine, labels.mine, selected.mine),
    tag: many(counts.tag, selected.tags, (t) => counts.tagLabels.get(t) ?? t),
    reviewer: many(counts.reviewer, selected.reviewers, (r) => r),
  };
}
