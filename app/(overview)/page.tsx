import Link from "next/link";
import { SeverityBadge } from "@/components/severity-badge";
import { listRecentAnalyses } from "@/lib/analyses/list-analyses";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const analyses = await listRecentAnalyses();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Failure analyses</h1>
      {analyses.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">
          No analyses yet. Put Markdown reports in <code>content/</code> and run <code>npm run ingest</code>.
        </p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
            <tr>
              <th className="py-2 pr-4">Title</th>
              <th className="py-2 pr-4">Task</th>
              <th className="py-2 pr-4">Score</th>
              <th className="py-2">Failures</th>
            </tr>
          </thead>
          <tbody>
            {analyses.map((a) => (
              <tr key={a.slug} className="border-b border-slate-100 dark:border-slate-900">
                <td className="py-2 pr-4">
                  <Link href={`/analyses/${a.slug}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                    {a.title}
                  </Link>
                </td>
                <td className="py-2 pr-4 font-mono text-xs">{a.taskId ?? "—"}</td>
                <td className="py-2 pr-4 tabular-nums">{a.scoreValue !== null ? `${a.scoreValue}/${a.scoreMax}` : "—"}</td>
                <td className="flex flex-wrap gap-1 py-2">
                  {(["critical", "high", "medium", "low", "unknown"] as const).map((s) => {
                    const count = a[`${s}Count`];
                    return count > 0 ? <SeverityBadge key={s} severity={s} count={count} /> : null;
                  })}
                  {a.failureCount === 0 && <span className="text-slate-500">none found</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
