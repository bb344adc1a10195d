// /compare without a pair: pairs of analyses whose failures share the most knowledge gaps.
import Link from "next/link";
import { suggestPairs } from "@/lib/compare/compare-analyses";
import { compareHref } from "@/lib/routes";

export function SuggestedPairs({ suggestions }: { suggestions: Awaited<ReturnType<typeof suggestPairs>> }) {
  return (
    <section aria-labelledby="suggested" className="space-y-2">
      <h2 id="suggested" className="text-lg font-semibold">
        Suggested pairs
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">Analyses whose failures share the most knowledge gaps.</p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {suggestions.map((s) => (
          <li key={`${s.a.slug}-${s.b.slug}`} className="px-3 py-2 text-sm [overflow-wrap:anywhere]">
            <Link href={compareHref(s.a.slug, s.b.slug)} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
              {s.a.title} ({s.a.taskId ?? s.a.slug}) vs {s.b.title} ({s.b.taskId ?? s.b.slug})
            </Link>
            <span className="ml-2 text-slate-600 dark:text-slate-400">
              {s.sharedGaps} shared {s.sharedGaps === 1 ? "gap" : "gaps"}
              {s.a.platform && s.a.platform === s.b.platform ? ` · both ${s.a.platform}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
