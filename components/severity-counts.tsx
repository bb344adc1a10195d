import { SEVERITIES, type Severity } from "@/lib/domain";
import { SeverityBadge } from "./severity-badge";

export interface SeverityCountsProps {
  counts: Record<Severity, number>;
  /** What to say when there are no failures at all. */
  emptyLabel?: string;
}

/** One colored chip per severity present, in severity order. */
export function SeverityCounts({ counts, emptyLabel = "no failures" }: SeverityCountsProps) {
  const present = SEVERITIES.filter((s) => counts[s] > 0);
  if (!present.length) return <span className="text-xs text-slate-600 dark:text-slate-400">{emptyLabel}</span>;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {present.map((s) => (
        <SeverityBadge key={s} severity={s} count={counts[s]} />
      ))}
    </span>
  );
}

export function countsOf(a: { criticalCount: number; highCount: number; mediumCount: number; lowCount: number; unknownCount: number }) {
  return { critical: a.criticalCount, high: a.highCount, medium: a.mediumCount, low: a.lowCount, unknown: a.unknownCount };
}
