import type { Route } from "next";
import Link from "next/link";

export interface PaginationProps {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  /** Builds the URL of another page with every other filter kept. */
  hrefFor: (page: number) => Route;
  noun: string;
  /** The page the URL asked for, when it may be past the end (then shown: the last page, and why). */
  requestedPage?: number;
}

export function Pagination({ page, pageCount, total, pageSize, hrefFor, noun, requestedPage }: PaginationProps) {
  // Nothing to page through: the list's empty state says what to do next.
  if (total === 0) return null;
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link =
    "rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800";
  const dead = "rounded border border-slate-200 px-3 py-1 text-sm text-slate-500 dark:border-slate-800 dark:text-slate-500";
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {`${first}–${last} of ${total} ${noun}`}
        {requestedPage !== undefined && requestedPage > pageCount && (
          <span role="status" className="ml-2 font-medium text-amber-800 dark:text-amber-300">
            There is no page {requestedPage}; this is the last page.
          </span>
        )}
      </p>
      {pageCount > 1 && (
        <div className="flex items-center gap-2">
          {page > 1 ? (
            <Link href={hrefFor(page - 1)} className={link} rel="prev">
              Previous
            </Link>
          ) : (
            <span className={dead} aria-disabled="true">
              Previous
            </span>
          )}
          <span className="text-sm tabular-nums" aria-current="page">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link href={hrefFor(page + 1)} className={link} rel="next">
              Next
            </Link>
          ) : (
            <span className={dead} aria-disabled="true">
              Next
            </span>
          )}
        </div>
      )}
    </nav>
  );
}
