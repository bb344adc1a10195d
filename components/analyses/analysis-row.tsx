import Link from "next/link";
import { SearchSnippet } from "@/components/search-snippet";
import { SeverityCounts, countsOf } from "@/components/severity-counts";
import type { AnalysisHit } from "@/lib/analyses/search-analyses";
import { analysisHref, failureHref } from "@/lib/routes";

/** One analysis in the /analyses table: title, warnings, task, platform, score, failures, date. */
export function AnalysisRow({ analysis: a }: { analysis: AnalysisHit }) {
  return (
    <tr data-nav-item tabIndex={-1} className="border-b border-slate-100 align-top focus:outline-none dark:border-slate-900">
      <td className="py-2 pr-3">
        <Link href={analysisHref(a.slug)} className="font-medium [overflow-wrap:anywhere] text-blue-700 hover:underline dark:text-blue-300">
          {a.title}
        </Link>
        {a.warningCount > 0 && (
          <Link
            href={analysisHref(a.slug)}
            className="ml-2 inline-flex rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 ring-1 ring-amber-300 ring-inset dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
            aria-label={`${a.warningCount} parser warning${a.warningCount === 1 ? "" : "s"} in ${a.title}`}
          >
            ⚠ {a.warningCount}
          </Link>
        )}
        <div className="mt-0.5 text-xs [overflow-wrap:anywhere] text-slate-600 xl:hidden dark:text-slate-300">
          <span className="font-mono">{a.taskId ?? a.slug}</span>
          {a.platform && ` · ${a.platform}`}
          <span className="md:hidden">
            {" · "}
            <AnalysisDate analysis={a} />
          </span>
        </div>
        {a.match && (
          <SearchSnippet
            className="mt-1"
            parts={a.match.parts}
            label={
              a.match.failure ? (
                <>
                  in{" "}
                  <Link href={failureHref(a.slug, a.match.failure.key)} className="underline">
                    failure #{a.match.failure.number}
                  </Link>
                  :
                </>
              ) : undefined
            }
          />
        )}
      </td>
      <td className="hidden py-2 pr-3 font-mono text-xs [overflow-wrap:anywhere] xl:table-cell">
        {a.taskId ?? (
          <span className="text-slate-500 dark:text-slate-400" title="No task id in the report; this is its slug">
            {a.slug}
          </span>
        )}
      </td>
      <td className="hidden py-2 pr-3 [overflow-wrap:anywhere] xl:table-cell">{a.platform ?? "—"}</td>
      <td className="py-2 pr-3 tabular-nums">{a.scoreValue !== null ? `${a.scoreValue}/${a.scoreMax}` : "—"}</td>
      <td className="py-2 pr-3">
        <SeverityCounts counts={countsOf(a)} />
      </td>
      <td className="hidden py-2 pr-3 text-xs whitespace-nowrap text-slate-600 md:table-cell dark:text-slate-300">
        <AnalysisDate analysis={a} />
      </td>
    </tr>
  );
}

/** The date the report states for itself, else the day it was ingested, labelled so. */
function AnalysisDate({ analysis: a }: { analysis: Pick<AnalysisHit, "documentDate" | "updatedAt"> }) {
  if (a.documentDate)
    return (
      <time dateTime={a.documentDate} title="The date the report states">
        {a.documentDate}
      </time>
    );
  const day = a.updatedAt.toISOString().slice(0, 10);
  return (
    <span title="The report states no date; this is when it was ingested">
      <time dateTime={a.updatedAt.toISOString()}>{day}</time> <span className="text-slate-500 dark:text-slate-400">ingested</span>
    </span>
  );
}
