const STYLES: Record<string, string> = {
  critical: "bg-red-100 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  high: "bg-orange-100 text-orange-800 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  medium: "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  low: "bg-sky-100 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  unknown: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
};

export interface SeverityBadgeProps {
  severity: string;
  count?: number;
}

/** A colored chip naming a severity, optionally with a count. */
export function SeverityBadge({ severity, count }: SeverityBadgeProps) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[severity] ?? STYLES.unknown}`}
    >
      {count !== undefined && <span className="tabular-nums">{count}</span>}
      {severity}
    </span>
  );
}
