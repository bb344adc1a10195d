import type { Route } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ExportLinks, type ExportLinksProps } from "./export-links";

export interface ListHeaderProps {
  title: string;
  /** The count line under the title ("35 failures match these filters"), announced when it changes. */
  summary: ReactNode;
  /** Where "Clear all filters" leads; the link shows only when some filter is active. */
  clearHref?: Route;
  /** The list's export links, shown when it has rows. */
  exports: Pick<ExportLinksProps, "list" | "params" | "count">;
  summaryTestId?: string;
}

/** Title, count, "Clear all filters" and CSV/JSON export: the head of every filtered list page. */
export function ListHeader({ title, summary, clearHref, exports, summaryTestId }: ListHeaderProps) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-2">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite" data-testid={summaryTestId}>
          {summary}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        {clearHref && (
          <Link href={clearHref} className="text-sm text-blue-700 hover:underline dark:text-blue-300">
            Clear all filters
          </Link>
        )}
        {Boolean(exports.count) && <ExportLinks {...exports} />}
      </div>
    </div>
  );
}
