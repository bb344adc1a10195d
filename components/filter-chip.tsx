import type { Route } from "next";
import Link from "next/link";

/** A "Show only" chip: a link that turns its filter on, or off when it is the current one. */
export function FilterChip({ active, href, label, count }: { active: boolean; href: Route; label: string; count: number }) {
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      className={`rounded-full border px-2.5 py-0.5 ${
        active
          ? "border-blue-600 bg-blue-600 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-slate-950"
          : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
      }`}
    >
      {label} <span className="tabular-nums">({count})</span>
      {active && <span className="sr-only"> (selected; click to clear)</span>}
    </Link>
  );
}
