import { SEVERITIES, type Severity } from "@/lib/domain";

export interface SeverityMixBarProps {
  mix: Record<Severity, number>;
}

const FILL: Record<Severity, string> = {
  critical: "bg-red-600 dark:bg-red-500",
  high: "bg-orange-500 dark:bg-orange-400",
  medium: "bg-amber-400 dark:bg-amber-300",
  low: "bg-sky-500 dark:bg-sky-400",
  unknown: "bg-slate-400 dark:bg-slate-500",
};

/** A stacked bar of failures per severity; the same numbers follow as text for screen readers. */
export function SeverityMixBar({ mix }: SeverityMixBarProps) {
  const total = SEVERITIES.reduce((sum, s) => sum + mix[s], 0);
  const text = SEVERITIES.filter((s) => mix[s])
    .map((s) => `${mix[s]} ${s}`)
    .join(", ");
  return (
    <div className="min-w-32">
      <div className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" aria-hidden="true">
        {SEVERITIES.map((s) =>
          mix[s] ? <div key={s} className={FILL[s]} style={{ width: `${(mix[s] / total) * 100}%` }} title={`${mix[s]} ${s}`} /> : null,
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{text || "no failures"}</p>
    </div>
  );
}
