import { SeverityBadge } from "@/components/severity-badge";
import { SeverityCounts, countsOf } from "@/components/severity-counts";
import type { analysisHeader } from "@/lib/analyses/analysis-header";
import type { AnalysisDetail } from "@/lib/analyses/get-analysis";

interface AnalysisFactsProps {
  analysis: AnalysisDetail;
  header: ReturnType<typeof analysisHeader>;
}

/** An analysis's facts at the top of its page: task, platform, scores, failures found and declared. */
export function AnalysisFacts({ analysis, header }: AnalysisFactsProps) {
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
      <Fact label="Task ID" value={<span className="font-mono">{analysis.taskId ?? "—"}</span>} />
      <Fact label="Platform" value={[analysis.platform, analysis.language].filter(Boolean).join(" · ") || "—"} />
      <Fact
        label="Training quality"
        value={
          analysis.scoreValue !== null ? (
            <span>
              <span className="text-lg font-semibold tabular-nums">
                {analysis.scoreValue}/{analysis.scoreMax}
              </span>
              {header.trainingScoreLabel && (
                <span className="block text-xs text-slate-600 dark:text-slate-300">from “{header.trainingScoreLabel}”</span>
              )}
            </span>
          ) : (
            "not given"
          )
        }
      />
      {header.otherScores.length > 0 && (
        <Fact
          label="Other scores"
          value={
            <ul>
              {header.otherScores.map((s, i) => (
                <li key={i}>
                  <span className="font-medium tabular-nums">
                    {s.value}/{s.max}
                  </span>{" "}
                  <span className="text-slate-600 dark:text-slate-300">{s.label}</span>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Fact label="Failures found" value={<SeverityCounts counts={countsOf(analysis)} />} />
      {analysis.hasDeclaredCounts && (
        <Fact
          label="Declared in the report"
          value={
            <span className="inline-flex flex-wrap gap-1">
              {header.counts.map((c) => (c.declared ? <SeverityBadge key={c.severity} severity={c.severity} count={c.declared} /> : null))}
            </span>
          }
        />
      )}
    </dl>
  );
}

interface FactProps {
  label: string;
  value: React.ReactNode;
}

function Fact({ label, value }: FactProps) {
  return (
    <div className="min-w-0">
      <dt className="text-xs tracking-wide text-slate-600 uppercase dark:text-slate-300">{label}</dt>
      <dd className="mt-1">{value}</dd>
    </div>
  );
}
