import type { Route } from "next";
import Link from "next/link";

export interface PagePastEndProps {
  requested: number;
  pageCount: number;
  /** The last page's URL. */
  lastHref: Route;
  noun: string;
}

/** Said above a list when the URL asks for a page past its end (the last page is shown instead). */
export function PagePastEnd({ requested, pageCount, lastHref, noun }: PagePastEndProps) {
  if (requested <= pageCount) return null;
  return (
    <p
      role="status"
      className="rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
    >
      There is no page {requested} of these {noun}; they fit on {pageCount} page{pageCount === 1 ? "" : "s"}. Showing{" "}
      <Link href={lastHref} className="font-medium underline">
        the last page ({pageCount})
      </Link>
      .
    </p>
  );
}
