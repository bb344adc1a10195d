import { notFound } from "next/navigation";
import { SeverityBadge } from "@/components/severity-badge";
import { getAnalysis } from "@/lib/analyses/get-analysis";

export const dynamic = "force-dynamic";

export default async function AnalysisPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const analysis = await getAnalysis(slug);
  if (!analysis) notFound();
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{analysis.title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Task {analysis.taskId ?? "—"} · {analysis.platform ?? "unknown platform"} · score{" "}
          {analysis.scoreValue !== null ? `${analysis.scoreValue}/${analysis.scoreMax}` : "—"}
        </p>
      </header>
      <section aria-label="Failures" className="space-y-4">
        {analysis.failures.map((failure) => (
          <div key={failure.id} id={`failure-${failure.number}`} className="rounded border border-slate-200 p-4 dark:border-slate-800">
            <h2 className="flex items-center gap-2 font-medium">
              <span className="text-slate-500">#{failure.number}</span> {failure.title} <SeverityBadge severity={failure.severity} />
            </h2>
            {failure.rootCause && <p className="mt-2 text-sm">{failure.rootCause}</p>}
          </div>
        ))}
      </section>
    </article>
  );
}
