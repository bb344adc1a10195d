// The raw view of an analysis: the report exactly as written, highlighted as Markdown, one numbered
// (linkable) line per row, RAW_LINES_PER_PAGE lines per page.
import { PageLocator } from "./page-locator";
import { RawPagination } from "./page-links";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { RAW_LINES_PER_PAGE, pageOf, pageWindow } from "@/lib/render/pages";
import { fenceAt } from "@/lib/render/raw";
import { RawLines } from "./raw-lines";

interface RawMarkdownProps {
  raw: string;
  slug: string;
  query: RawSearchParams;
}

/**
 * The report exactly as written (highlighted, escaped: never rendered as Markdown), RAW_LINES_PER_PAGE
 * lines per `?page=` (a 500k-line file was 432 MB of HTML); #raw-L… on another page is sent there.
 * The rows are one compact HTML string (lib/render/raw.ts): a 98 KB report was 3 MB of markup as elements.
 * They are built from the page's text by a client component (components/raw-lines.tsx), so the page
 * carries the text, not the rows' markup, in its React payload.
 */
export function RawMarkdown({ raw, slug, query }: RawMarkdownProps) {
  const lines = raw.split("\n");
  const lineCount = lines.length;
  const { page, pages } = pageOf(query, lineCount, RAW_LINES_PER_PAGE);
  const start = pageWindow(page, RAW_LINES_PER_PAGE).skip;
  return (
    <section aria-label="Raw Markdown" className="overflow-hidden rounded-md border border-slate-200 dark:border-slate-800">
      <div className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
        {lineCount} lines · {new Blob([raw]).size.toLocaleString("en")} bytes · shown as text, never rendered
      </div>
      {pages > 1 && <RawPagination slug={slug} page={page} pages={pages} lines={lineCount} />}
      <PageLocator slug={slug} view="raw" page={page} pages={pages} />
      <RawLines text={lines.slice(start, start + RAW_LINES_PER_PAGE).join("\n")} firstLine={start + 1} openFence={fenceAt(lines, start)} />
      {pages > 1 && <RawPagination slug={slug} page={page} pages={pages} lines={lineCount} />}
    </section>
  );
}
