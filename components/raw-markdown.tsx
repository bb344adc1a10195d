// The raw view of an analysis: the report exactly as written, RAW_LINES_PER_PAGE lines per page.
import { PageLocator } from "./page-locator";
import { RawPagination } from "./page-links";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { RAW_LINES_PER_PAGE, pageOf, pageWindow } from "@/lib/render/pages";

interface RawMarkdownProps {
  raw: string;
  slug: string;
  query: RawSearchParams;
}

/**
 * The report exactly as written, escaped by React, one numbered (linkable) line per row, RAW_LINES_PER_PAGE
 * lines per `?page=` (a 500k-line file was 432 MB of HTML); #raw-L… on another page is sent there.
 */
export function RawMarkdown({ raw, slug, query }: RawMarkdownProps) {
  const lines = raw.split("\n");
  const { page, pages } = pageOf(query, lines.length, RAW_LINES_PER_PAGE);
  const start = pageWindow(page, RAW_LINES_PER_PAGE).skip;
  const shown = lines.slice(start, start + RAW_LINES_PER_PAGE);
  return (
    <section aria-label="Raw Markdown" className="overflow-hidden rounded-md border border-slate-200 dark:border-slate-800">
      <div className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
        {lines.length} lines · {new Blob([raw]).size.toLocaleString("en")} bytes · shown as text, never rendered
      </div>
      {pages > 1 && <RawPagination slug={slug} page={page} pages={pages} lines={lines.length} />}
      <PageLocator slug={slug} view="raw" page={page} pages={pages} />
      <div className="font-mono text-[13px] leading-5">
        {shown.map((line, k) => {
          const i = start + k;
          return (
            <div key={i} id={`raw-L${i + 1}`} className="grid grid-cols-[3.5rem_minmax(0,1fr)] target:bg-amber-100 dark:target:bg-amber-900/40">
              <a href={`#raw-L${i + 1}`} className="select-none pr-3 text-right text-slate-500 tabular-nums hover:underline dark:text-slate-400" aria-label={`Line ${i + 1}`}>
                {i + 1}
              </a>
              <span className="whitespace-pre-wrap pr-3 [overflow-wrap:anywhere]">{line || " "}</span>
            </div>
          );
        })}
      </div>
      {pages > 1 && <RawPagination slug={slug} page={page} pages={pages} lines={lines.length} />}
    </section>
  );
}
