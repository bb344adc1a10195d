import type { Route } from "next";
import Link from "next/link";

export interface SortHeaderProps {
  label: string;
  /** Where a click goes (the same list sorted by this column, the direction toggled when active). */
  href: Route;
  /** The direction when this column is the active sort, else null. */
  active: "asc" | "desc" | null;
  align?: "left" | "right";
}

/** A table header that sorts by its column; announces the current order with aria-sort. */
export function SortHeader({ label, href, active, align = "left" }: SortHeaderProps) {
  return (
    <th
      scope="col"
      aria-sort={active === "asc" ? "ascending" : active === "desc" ? "descending" : "none"}
      className={`py-2 pr-3 font-medium whitespace-nowrap ${align === "right" ? "text-right" : "text-left"}`}
    >
      <Link href={href} className="inline-flex items-center gap-1 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
        {label}
        <span aria-hidden="true" className={active ? "text-slate-900 dark:text-slate-100" : "text-slate-400 dark:text-slate-600"}>
          {active === "asc" ? "▲" : active === "desc" ? "▼" : "↕"}
        </span>
      </Link>
    </th>
  );
}
