import Link from "next/link";
import { AnalysisRow } from "@/components/analyses/analysis-row";
import type { AnalysisHit } from "@/lib/analyses/search-analyses";
import { DEFAULT_DIRECTION, type AnalysisFilters, type AnalysisSort } from "@/lib/filters/view-params";
import { analysesHref } from "@/lib/routes";

export const SORT_LABEL: Record<AnalysisSort, string> = {
  relevance: "Relevance",
  date: "Date ingested",
  score: "Score",
  critical: "Critical",
  title: "Title",
};

/** The /analyses results table; each sortable header links to the list sorted by it (again: the other way). */
export function AnalysisTable({ analyses, filters }: { analyses: AnalysisHit[]; filters: AnalysisFilters }) {
  const sortHeader = (sort: AnalysisSort, label: string = SORT_LABEL[sort], className = "") => {
    const activeSort = filters.sort === sort;
    const dir = activeSort ? (filters.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort];
    return (
      <th
        scope="col"
        className={`py-2 pr-3 font-medium ${className}`}
        aria-sort={activeSort ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Link
          href={analysesHref({ ...filters, sort, dir, page: 1 })}
          className="inline-flex items-center gap-1 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
        >
          {label}
          <span aria-hidden="true" className="text-xs">
            {activeSort ? (filters.dir === "asc" ? "▲" : "▼") : "↕"}
          </span>
          <span className="sr-only">{activeSort ? `, sorted ${filters.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
        </Link>
      </th>
    );
  };

  return (
    <table className="w-full table-fixed text-left text-sm">
      <caption className="sr-only">
        Analyses, {SORT_LABEL[filters.sort]}
        {filters.sort === "relevance" ? "" : ` ${filters.dir === "asc" ? "ascending" : "descending"}`}
      </caption>
      <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
        <tr>
          {sortHeader("title")}
          <th scope="col" className="hidden w-40 py-2 pr-3 font-medium xl:table-cell">
            Task
          </th>
          <th scope="col" className="hidden w-32 py-2 pr-3 font-medium xl:table-cell">
            Platform
          </th>
          {sortHeader("score", "Score", "w-20")}
          {sortHeader("critical", "Failures", "w-28 sm:w-36")}
          {sortHeader("date", "Date", "hidden w-36 md:table-cell")}
        </tr>
      </thead>
      <tbody>
        {analyses.map((a) => (
          <AnalysisRow key={a.slug} analysis={a} />
        ))}
      </tbody>
    </table>
  );
}
