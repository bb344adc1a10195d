import Link from "next/link";
import { ClippedMarkdown } from "@/components/clipped-text";
import { GapTag } from "@/components/gap-tag";
import type { analysisHeader } from "@/lib/analyses/analysis-header";
import type { AnalysisDetail } from "@/lib/analyses/get-analysis";
import { analysisHref } from "@/lib/routes";

interface AnalysisNotesProps {
  analysis: AnalysisDetail;
  header: ReturnType<typeof analysisHeader>;
}

/** Under an analysis's facts: declared counts that disagree, the summary, its knowledge gaps, the parser's warnings. */
export function AnalysisNotes({ analysis, header }: AnalysisNotesProps) {
  const slug = analysis.slug;
  return (
    <>
      {header.mismatches.length > 0 && (
        <div
          role="note"
          aria-label="Count mismatch"
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <strong>Declared counts disagree with the failures found:</strong>{" "}
          {header.mismatches.map((m) => `${m.severity} declared ${m.declared}, found ${m.found}`).join("; ")}.
        </div>
      )}
      {analysis.summary && <ClippedMarkdown text={analysis.summary} html={analysis.summaryHtml} className="max-w-prose text-sm" />}
      {(analysis.gaps.length > 0 || header.writtenGaps.length > 0) && (
        <section aria-labelledby="gaps-heading" className="space-y-2">
          <h2 id="gaps-heading" className="text-sm font-semibold">
            Knowledge gaps
          </h2>
          {analysis.gaps.length > 0 && (
            <div className="flex flex-wrap gap-1">
              {analysis.gaps.map((g) => (
                <GapTag key={g.gapId} id={g.gapId} label={g.gap.label} />
              ))}
            </div>
          )}
          {header.writtenGaps.length > 0 && (
            <ul className="list-disc pl-5 text-sm text-slate-700 dark:text-slate-300">
              {header.writtenGaps.map((g, i) => (
                <li key={i}>{g}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {header.warnings.length > 0 && (
        <details className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
          <summary className="cursor-pointer font-medium">
            {header.warnings.length} parser warning{header.warnings.length === 1 ? "" : "s"}
          </summary>
          <ul className="mt-2 space-y-1">
            {header.warnings.map((w, i) => (
              <li key={i}>
                <span className="font-mono text-xs">{w.code}</span> {w.message}{" "}
                {w.line !== null && (
                  <Link
                    href={analysisHref(slug, { view: "raw" }, `#raw-L${w.line}`)}
                    className="text-blue-700 hover:underline dark:text-blue-300"
                  >
                    line {w.line}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
