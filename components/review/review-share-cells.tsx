// Trainer tables (issue 17): an analysis's or a gap's reviewed and disputed shares as two cells, and a
// severity count as parsed with the count as reviewed beside it when reviewers changed it.
import { percent } from "@/lib/reviews/percent";
import type { ReviewShare } from "@/lib/reviews/trainer";

const NUM = "py-2 pr-3 text-right tabular-nums";

export function ReviewShareHeaders({ className = "py-2 pr-3 text-right font-medium" }: { className?: string }) {
  return (
    <>
      <th scope="col" className={className} title="Share of the failures with at least one reviewer's verdict">
        Reviewed
      </th>
      <th
        scope="col"
        className={className}
        title="Share of the reviewed failures a reviewer disputes (a disagree, or another severity proposed)"
      >
        Disputed
      </th>
    </>
  );
}

/** `cellClassName`: the cells' class (a `data-table` styles its cells by the class "num"). */
export function ReviewShareCells({
  failures,
  share,
  disputedHref,
  cellClassName = NUM,
}: {
  failures: number;
  share: { reviewed: number; disputed: number } | undefined;
  disputedHref?: string;
  cellClassName?: string;
}) {
  const reviewed = share?.reviewed ?? 0;
  const disputed = share?.disputed ?? 0;
  return (
    <>
      <td className={cellClassName} data-label="reviewed" title={`${reviewed} of ${failures} failures reviewed`}>
        {reviewed ? percent(reviewed, failures) : <span className="text-slate-500 dark:text-slate-400">—</span>}
      </td>
      <td className={cellClassName} data-label="disputed" title={`${disputed} of ${reviewed} reviewed failures disputed`}>
        {reviewed ? (
          disputed && disputedHref ? (
            <a href={disputedHref} className="font-medium text-red-800 underline dark:text-red-300">
              {percent(disputed, reviewed)}
            </a>
          ) : (
            <span className={disputed ? "font-medium text-red-800 dark:text-red-300" : undefined}>{percent(disputed, reviewed)}</span>
          )
        ) : (
          <span className="text-slate-500 dark:text-slate-400">—</span>
        )}
      </td>
    </>
  );
}

/** A severity count as parsed, and as reviewed (majority proposed severity) when that differs. */
export function CountAsReviewed({
  parsed,
  severity,
  share,
}: {
  parsed: number;
  severity: "critical" | "high" | "medium" | "low";
  share: ReviewShare | undefined;
}) {
  const reviewed = share?.asReviewed?.[severity];
  if (reviewed === undefined || reviewed === parsed) return <>{parsed}</>;
  return (
    <span title={`${parsed} as parsed, ${reviewed} as reviewed (the severity most reviewers give)`}>
      {parsed}
      <span className="block text-xs font-medium text-violet-800 dark:text-violet-300" data-as-reviewed>
        <span className="sr-only">as reviewed: </span>→ {reviewed}
      </span>
    </span>
  );
}
