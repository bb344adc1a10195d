"use client";
// The /scores table's rows. A client component only so that the page's RSC payload carries each row's
// few values (lib/scores/table-rows.ts) instead of the element tree of its ten cells; it renders on
// the server like the rest of the page and needs no JavaScript to be read or followed.
import Link from "next/link";
import { CountAsReviewed, ReviewShareCells } from "@/components/review/review-share-cells";
import { GRADED_SEVERITIES } from "@/lib/domain";
import type { ScoreTableRow } from "@/lib/scores/table-rows";
import { analysisHref } from "@/lib/routes/paths";

export function ScoreRows({ rows }: { rows: ScoreTableRow[] }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.slug}>
          <td>
            <Link href={analysisHref(r.slug)} className="group">
              <span className="link">{r.title}</span>
              {/* Inside the link: many reports share a title, the task id or slug tells the links apart. */}
              {r.sub && <span className="sub font-mono">{r.sub}</span>}
            </Link>
            {r.outlier && (
              <span className="mt-0.5 inline-block rounded bg-red-50 px-1 text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
                outlier
              </span>
            )}
          </td>
          <td className="num" data-label="score">
            {r.score}
            {/* Where the score was read from. */}
            {r.source && <span className="sub">{r.source}</span>}
          </td>
          {GRADED_SEVERITIES.map((severity, i) => (
            <td key={severity} className="num">
              <CountAsReviewed parsed={r.counts[i]!} severity={severity} share={r.review} />
            </td>
          ))}
          <td className="num">{r.load}</td>
          <td>{r.platform ?? "—"}</td>
          <ReviewShareCells failures={r.failures} share={r.review} cellClassName="num" />
        </tr>
      ))}
    </tbody>
  );
}
