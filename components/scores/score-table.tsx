// The /scores table: one row per analysis with its score, failures per severity (as parsed, and as
// reviewed when reviewers changed them), failure load, platform and review shares. Padding, borders
// and number alignment come from the `data-table` class (app/globals.css), set once for the table
// rather than on each of its ~500 cells; the rows travel as values (components/scores/score-rows.tsx).
import type { Route } from "next";
import { SortHeader } from "@/components/sort-header";
import { ReviewShareHeaders } from "@/components/review/review-share-cells";
import { ScoreRows } from "@/components/scores/score-rows";
import type { ScoreSort } from "@/lib/filters/trainer-params";
import type { ScoreTableRow } from "@/lib/scores/table-rows";

const COLUMNS: { sort: ScoreSort; label: string; align?: "right" }[] = [
  { sort: "title", label: "Analysis" },
  { sort: "score", label: "Score", align: "right" },
  { sort: "critical", label: "Critical", align: "right" },
  { sort: "high", label: "High", align: "right" },
  { sort: "medium", label: "Medium", align: "right" },
  { sort: "low", label: "Low", align: "right" },
  { sort: "load", label: "Load", align: "right" },
  { sort: "platform", label: "Platform" },
];

export interface ScoreTableProps {
  rows: ScoreTableRow[];
  sort: ScoreSort;
  dir: "asc" | "desc";
  /** Where a click on a column header goes (sorted by it, direction toggled when it is the current one). */
  sortHref: (sort: ScoreSort, active: "asc" | "desc" | null) => Route;
}

export function ScoreTable({ rows, sort, dir, sortHref }: ScoreTableProps) {
  return (
    <div className="relative overflow-x-auto">
      <table className="data-table w-full text-sm">
        <caption className="sr-only">
          Analyses with score, failures per severity, failure load and platform; sorted by {sort} (
          {dir === "asc" ? "ascending" : "descending"}).
        </caption>
        <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
          <tr>
            {COLUMNS.map((c) => {
              const active = sort === c.sort ? dir : null;
              return <SortHeader key={c.sort} label={c.label} align={c.align} active={active} href={sortHref(c.sort, active)} />;
            })}
            <ReviewShareHeaders />
          </tr>
        </thead>
        <ScoreRows rows={rows} />
      </table>
    </div>
  );
}
