// "Compare with…" for an analysis page: the closest analyses (same task id first, then same platform
// and the most similar failures), each one click from a comparison, plus the picker for any other.
// A server component: <CompareWith slug={analysis.slug} /> on app/analyses/[slug]/page.tsx.
import Link from "next/link";
import { closestAnalyses, type ClosestAnalysis } from "@/lib/compare/closest";
import { compareWithHref } from "@/lib/routes";

function reason(c: ClosestAnalysis): string {
  const parts = [
    c.sameTask ? "same task id" : null,
    c.samePlatform && c.platform ? `same platform (${c.platform})` : null,
    c.sharedGaps ? `${c.sharedGaps} shared ${c.sharedGaps === 1 ? "gap" : "gaps"}` : null,
  ].filter(Boolean);
  return parts.join(" · ") || "no gap in common";
}

/** The suggestions as a list (the compare page reuses it when only A is chosen, without the picker link). */
export function ClosestList({ slug, closest, pickerLink = true }: { slug: string; closest: ClosestAnalysis[]; pickerLink?: boolean }) {
  return (
    <div className="space-y-2 text-sm">
      {closest.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-300">No analysis shares its task id or a knowledge gap with it yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {closest.map((c) => (
            <li key={c.slug} className="px-3 py-2 [overflow-wrap:anywhere]">
              <Link href={compareWithHref(slug, c.slug)} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
                {c.title} <span className="font-mono text-xs">({c.taskId ?? c.slug})</span>
              </Link>
              <span className="block text-xs text-slate-600 dark:text-slate-400">
                {reason(c)} · {c.failureCount} {c.failureCount === 1 ? "failure" : "failures"}
              </span>
            </li>
          ))}
        </ul>
      )}
      {pickerLink && (
        <p>
          <Link href={compareWithHref(slug)} className="text-blue-700 underline dark:text-blue-300">
            Compare with any other analysis…
          </Link>
        </p>
      )}
    </div>
  );
}

export async function CompareWith({ slug }: { slug: string }) {
  const closest = await closestAnalyses(slug);
  return (
    <section aria-labelledby="compare-with" className="space-y-2">
      <h2 id="compare-with" className="text-lg font-semibold">
        Compare with…
      </h2>
      <ClosestList slug={slug} closest={closest} />
    </section>
  );
}
