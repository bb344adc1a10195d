// Page links of the analysis page: its failures (FAILURES_PER_PAGE) and its raw view (RAW_LINES_PER_PAGE).
import { Pagination } from "./pagination";
import type { DiffMode } from "@/lib/filters/view-params";
import { FAILURES_PER_PAGE, RAW_LINES_PER_PAGE, withPage } from "@/lib/render/pages";
import { analysisHref } from "@/lib/routes";

export function FailurePagination({
  slug,
  mode,
  page,
  pages,
  total,
}: {
  slug: string;
  mode: DiffMode;
  page: number;
  pages: number;
  total: number;
}) {
  return (
    <Pagination
      page={page}
      pageCount={pages}
      total={total}
      pageSize={FAILURES_PER_PAGE}
      noun="failures"
      hrefFor={(p) => withPage(analysisHref(slug, { diff: mode }), p)}
    />
  );
}

export function RawPagination({ slug, page, pages, lines }: { slug: string; page: number; pages: number; lines: number }) {
  return (
    <div className="border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
      <Pagination
        page={page}
        pageCount={pages}
        total={lines}
        pageSize={RAW_LINES_PER_PAGE}
        noun="lines"
        hrefFor={(p) => withPage(analysisHref(slug, { view: "raw" }), p)}
      />
    </div>
  );
}
