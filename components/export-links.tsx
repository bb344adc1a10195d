import { exportHref, type ExportList } from "@/lib/export/export-href";
import type { RawSearchParams } from "@/lib/filters/search-params";

export interface ExportLinksProps {
  /** Which list: decides the endpoint (/api/<list>) and which params it accepts. */
  list: ExportList;
  /** The page's current search params; only the list's filters are forwarded, never `page`. */
  params: RawSearchParams;
  /** Rows the download will hold, shown in the link text when given. */
  count?: number;
  className?: string;
}

/** "Download CSV · JSON" for the list as currently filtered (all pages, in the on-screen order). */
export function ExportLinks({ list, params, count, className = "" }: ExportLinksProps) {
  const link =
    "rounded border border-slate-300 px-2 py-1 font-medium text-blue-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-blue-300 dark:hover:bg-slate-800";
  const what = count === undefined ? list : `${count} ${count === 1 ? list.replace(/s$/, "") : list}`;
  return (
    <div className={`flex flex-wrap items-center gap-2 text-sm ${className}`} role="group" aria-label={`Export ${list}`}>
      <span className="text-slate-600 dark:text-slate-300">Export{count === undefined ? "" : ` ${count}`}:</span>
      <a href={exportHref(list, params, "csv")} download className={link} aria-label={`Download ${what} as CSV`}>
        CSV
      </a>
      <a href={exportHref(list, params, "json")} download className={link} aria-label={`Download ${what} as JSON`}>
        JSON
      </a>
    </div>
  );
}
