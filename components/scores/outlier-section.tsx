// The /scores outlier tables: analyses whose score disagrees with the failures found, by the fixed
// rules of lib/scores/outliers.ts, each kind listed up to a limit with a link to all of them in the table.
import type { Route } from "next";
import Link from "next/link";
import { analysisName, formatScore } from "@/lib/analyses/analysis-name";
import { OUTLIER_RULES } from "@/lib/scores/outliers";
import { OUTLIER_LIST_LIMIT, type ScoresView } from "@/lib/scores/list-scores";
import { describeScoreSource } from "@/lib/scores/score-source";
import { analysisHref } from "@/lib/routes";

const pct = (p: number) => `${Math.round(p * 100)}`;

export function OutlierSection({
  view,
  tableHref,
}: {
  view: ScoresView;
  tableHref: (kind: "high-score-heavy-failures" | "low-score-light-failures") => Route;
}) {
  const r = OUTLIER_RULES;
  const { heavyFrom, lightUpTo } = view.loadBounds;
  const kinds = [
    ["high-score-heavy-failures", "High score, heavy failures"],
    ["low-score-light-failures", "Low score, light failures"],
  ] as const;
  return (
    <section aria-labelledby="outliers" className="space-y-2">
      <h2 id="outliers" className="text-lg font-semibold">
        Outliers
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Scores that disagree with the failures found, by fixed rules: <strong>high score, heavy failures</strong> = score ≥ {r.highScore}/10
        with a failure load in the top {pct(1 - r.heavyLoadPercentile)}%{heavyFrom !== null ? ` (here load ≥ ${heavyFrom})` : ""};{" "}
        <strong>low score, light failures</strong> = score ≤ {r.lowScore}/10 with a load in the bottom {pct(r.lightLoadPercentile)}%
        {lightUpTo !== null ? ` (here load ≤ ${lightUpTo})` : ""}. Percentiles rank the {view.scoredCount} scored analyses shown (100 =
        highest).
      </p>
      {view.outliers.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {view.scoredCount < 4
            ? "At least 4 scored analyses are needed to rank failure loads."
            : "No score disagrees with its failures by these rules."}
        </p>
      ) : (
        kinds.map(([kind, label]) => {
          const list = view.outliers.filter((o) => o.kind === kind);
          const count = view.outlierCounts[kind];
          if (!count) return null;
          return (
            <div key={kind} className="space-y-1">
              <h3 className="font-medium">
                {label} <span className="text-slate-500 tabular-nums dark:text-slate-400">({count})</span>
              </h3>
              <div className="relative overflow-x-auto">
                <table className="w-full min-w-[36rem] text-sm" aria-label={label}>
                  <thead className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-300">
                    <tr>
                      <th scope="col" className="py-1.5 pr-3 font-medium">
                        Analysis
                      </th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                        Score
                      </th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                        Load
                      </th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                        Critical
                      </th>
                      <th scope="col" className="py-1.5 pr-3 text-right font-medium text-slate-500 dark:text-slate-400">
                        Load pct.
                      </th>
                      <th scope="col" className="py-1.5 text-right font-medium text-slate-500 dark:text-slate-400">
                        Score pct.
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.slice(0, OUTLIER_LIST_LIMIT).map((o) => (
                      <tr key={o.point.slug} className="border-b border-slate-100 align-top dark:border-slate-900">
                        <td className="min-w-44 py-1.5 pr-3 break-words">
                          <Link href={analysisHref(o.point.slug)} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                            {analysisName(o.point)}
                          </Link>
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          score {formatScore(o.point)}
                          <span className="block text-xs text-slate-600 dark:text-slate-400">
                            {describeScoreSource(o.point.scoreSource)}
                          </span>
                        </td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">{o.point.failureLoad}</td>
                        <td className="py-1.5 pr-3 text-right tabular-nums">
                          {o.point.criticalCount} of {o.point.failureCount}
                        </td>
                        <td className="py-1.5 pr-3 text-right text-slate-600 tabular-nums dark:text-slate-400">{pct(o.loadPercentile)}</td>
                        <td className="py-1.5 text-right text-slate-600 tabular-nums dark:text-slate-400">{pct(o.scorePercentile)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="text-sm">
                <Link href={tableHref(kind)} className="text-blue-700 underline dark:text-blue-300">
                  {count > OUTLIER_LIST_LIMIT ? `All ${count} in the table` : "Show them in the table"}
                </Link>
              </p>
            </div>
          );
        })
      )}
    </section>
  );
}
