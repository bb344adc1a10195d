import type { Metadata } from "next";
import Link from "next/link";
import { AnalysisPicker } from "@/components/compare/analysis-picker";
import { ClosestList } from "@/components/compare/compare-with";
import { ComparisonView } from "@/components/compare/comparison-view";
import { SuggestedPairs } from "@/components/compare/suggested-pairs";
import { closestAnalyses } from "@/lib/compare/closest";
import { compareAnalyses, suggestPairs } from "@/lib/compare/compare-analyses";
import { countAnalyses, pickerOption, searchPickerOptions } from "@/lib/compare/picker";
import { diffModeFor } from "@/lib/filters/diff-preference";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { parseComparePair } from "@/lib/filters/trainer-params";
import { compareHref, compareSideHref } from "@/lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const { a, b } = parseComparePair(params);
  const rawA = typeof params.a === "string" ? params.a.slice(0, 200) : undefined;
  const rawB = typeof params.b === "string" ? params.b.slice(0, 200) : undefined;
  const [count, pickA, pickB, result] = await Promise.all([
    countAnalyses(),
    a ? pickerOption(a) : null,
    b ? pickerOption(b) : null,
    a && b ? compareAnalyses(a, b) : null,
  ]);
  const missing = (
    [
      ["a", rawA, pickA],
      ["b", rawB, pickB],
    ] as const
  ).filter(([, raw, pick]) => raw && !pick);
  const comparison = result?.ok ? result.comparison : null;
  // What each unknown value could have meant: the picker's matches for it.
  const didYouMean = await Promise.all(missing.map(([, raw]) => searchPickerOptions(raw ?? "", { limit: 5 })));
  const [suggestions, closest] = comparison
    ? [[], []]
    : await Promise.all([pickA || pickB ? [] : suggestPairs(), pickA && !pickB ? closestAnalyses(pickA.slug) : []]);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Compare analyses</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Two analyses side by side: scores, failures per severity, knowledge gaps, and their failures paired by knowledge gap and title
          similarity.
        </p>
      </header>

      <form
        method="get"
        action="/compare"
        aria-label="Choose two analyses"
        className="grid gap-3 rounded-lg border border-slate-200 p-3 md:grid-cols-[1fr_1fr_auto] md:items-start dark:border-slate-800"
      >
        <AnalysisPicker name="a" label="Analysis A" initial={pickA} initialText={rawA} exclude={pickB?.slug} />
        <AnalysisPicker name="b" label="Analysis B" initial={pickB} initialText={rawB} exclude={pickA?.slug} />
        <div className="flex items-center gap-3 md:pt-6">
          <button
            type="submit"
            className="rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-blue-600"
          >
            Compare
          </button>
          {a && b && (
            <Link href={compareHref(b, a)} className="text-sm text-blue-700 underline dark:text-blue-300">
              Swap A and B
            </Link>
          )}
        </div>
      </form>

      {missing.map(([side, raw], i) => (
        <div
          key={side}
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          <p>
            No analysis with slug “{raw}” for {side.toUpperCase()}.{" "}
            {didYouMean[i]!.options.length ? "Did you mean one of these?" : "Search for it in the box above."}
          </p>
          {didYouMean[i]!.options.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {didYouMean[i]!.options.map((o) => {
                const other = side === "a" ? b : a;
                const href = other
                  ? side === "a"
                    ? compareHref(o.slug, other)
                    : compareHref(other, o.slug)
                  : compareSideHref(side, o.slug);
                return (
                  <li key={o.slug}>
                    <Link href={href} className="[overflow-wrap:anywhere] underline">
                      {o.title} ({o.taskId ?? o.slug})
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
      {a && b && a === b && comparison && (
        <p
          role="status"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          Both sides are the same analysis; pick a different one for B to see differences.
        </p>
      )}

      {comparison ? (
        <ComparisonView c={comparison} params={params} mode={await diffModeFor(params)} />
      ) : pickA && !pickB ? (
        <section aria-labelledby="closest" className="space-y-2">
          <h2 id="closest" className="text-lg font-semibold">
            Compare {pickA.title} with…
          </h2>
          <ClosestList slug={pickA.slug} closest={closest} pickerLink={false} />
          <p className="text-sm text-slate-600 dark:text-slate-300">Or search for any analysis as B above.</p>
        </section>
      ) : (
        count >= 2 && suggestions.length > 0 && <SuggestedPairs suggestions={suggestions} />
      )}
      {count < 2 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          At least two analyses are needed to compare.{" "}
          <Link href="/upload" className="text-blue-700 underline dark:text-blue-300">
            Upload reports
          </Link>{" "}
          or run <code>npm run ingest</code>.
        </p>
      )}
    </div>
  );
}
