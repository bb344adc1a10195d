// A comparison on /compare: summary, knowledge gaps, and the failures aligned (shared pairs whose
// diffs open side by side, then those only in A or only in B).
import type { Route } from "next";
import { FailureLink, GapList, SideCard, Summary } from "@/components/compare/comparison-parts";
import { PairRow } from "@/components/compare/pair-row";
import { COMPARE_LIST_LIMIT, CompareLimitNote } from "@/components/compare-limit-note";
import { ExportLinks } from "@/components/export-links";
import { SeverityBadge } from "@/components/severity-badge";
import { loadFailureDiffs, severityMove, type Comparison } from "@/lib/compare/compare-analyses";
import { many, type RawSearchParams } from "@/lib/filters/search-params";
import type { DiffMode } from "@/lib/filters/view-params";

import { SEVERITIES } from "@/lib/domain";
import { compareHref } from "@/lib/routes";

/** Paired failures whose diffs are shown at once: `open` names their A keys (comma-separated). */
const MAX_OPEN = 10;

export async function ComparisonView({ c, params, mode }: { c: Comparison; params: RawSearchParams; mode: DiffMode }) {
  const { shared, onlyA, onlyB } = c.alignment;
  const listed = shared.slice(0, COMPARE_LIST_LIMIT);
  const open = new Set(many(params, "open").slice(0, MAX_OPEN));
  const opened = listed.filter((p) => open.has(p.a.key));
  const [diffsA, diffsB] = await Promise.all([
    loadFailureDiffs(
      c.a.slug,
      opened.map((p) => p.a.key),
    ),
    loadFailureDiffs(
      c.b.slug,
      opened.map((p) => p.b.key),
    ),
  ]);
  // Links that open or close one pair keep the others open, and the diff layout if the URL chose one.
  const base: Record<string, string> = typeof params.diff === "string" ? { diff: mode } : {};
  const toggleHref = (key: string) => {
    const next = open.has(key) ? [...open].filter((k) => k !== key) : [...open, key].slice(-MAX_OPEN);
    return compareHref(c.a.slug, c.b.slug, { ...base, ...(next.length ? { open: next.join(",") } : {}) }, `#pair-${key}`);
  };
  const modeHrefs = (key: string): Record<DiffMode, Route> => {
    const keep: Record<string, string> = open.size ? { open: [...open].join(",") } : {};
    return {
      split: compareHref(c.a.slug, c.b.slug, { ...keep, diff: "split" }, `#pair-${key}`),
      unified: compareHref(c.a.slug, c.b.slug, { ...keep, diff: "unified" }, `#pair-${key}`),
    };
  };
  return (
    <div className="space-y-6">
      <div className="grid gap-3 md:grid-cols-2">
        <SideCard side={c.a} letter="A" />
        <SideCard side={c.b} letter="B" />
      </div>

      <Summary c={c} />

      <section aria-labelledby="counts" className="space-y-2">
        <h2 id="counts" className="text-lg font-semibold">
          Failures per severity
        </h2>
        <table className="w-full max-w-xl text-sm">
          <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-300">
            <tr>
              <th scope="col" className="py-1.5 pr-3 text-left font-medium">
                Severity
              </th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                A
              </th>
              <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                B
              </th>
              <th scope="col" className="py-1.5 text-right font-medium">
                B − A
              </th>
            </tr>
          </thead>
          <tbody>
            {SEVERITIES.filter((s) => s !== "unknown" || c.a.counts.unknown || c.b.counts.unknown).map((s) => {
              const diff = c.b.counts[s] - c.a.counts[s];
              return (
                <tr key={s} className="border-b border-slate-100 dark:border-slate-900">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    <SeverityBadge severity={s} />
                  </th>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{c.a.counts[s]}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{c.b.counts[s]}</td>
                  <td className="py-1.5 text-right tabular-nums">{diff === 0 ? "0" : diff > 0 ? `+${diff}` : `−${-diff}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="gaps" className="space-y-2">
        <h2 id="gaps" className="text-lg font-semibold">
          Knowledge gaps
        </h2>
        <div className="grid gap-3 md:grid-cols-3">
          <GapList title="Shared" gaps={c.gaps.shared} empty="No gap in common." />
          <GapList title="Only in A" gaps={c.gaps.onlyA} empty="None: B covers every gap of A." />
          <GapList title="Only in B" gaps={c.gaps.onlyB} empty="None: A covers every gap of B." />
        </div>
      </section>

      <section aria-labelledby="aligned" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="aligned" className="text-lg font-semibold">
            Failures aligned
          </h2>
          <ExportLinks list="compare" params={params} count={shared.length + onlyA.length + onlyB.length} />
        </div>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Paired by title similarity and shared knowledge gaps. Show a pair&apos;s diffs to read both MODEL/IDEAL diffs side by side; each
          title opens that failure.
        </p>
        <CompareLimitNote c={c} shown={COMPARE_LIST_LIMIT} />
        <div className="space-y-2">
          <h3 id="shared" className="font-medium">
            Shared <span className="text-slate-500 tabular-nums dark:text-slate-400">({shared.length})</span>
          </h3>
          {shared.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No failure of A resembles one of B.</p>
          ) : (
            <ul
              aria-label="Shared failures"
              className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
            >
              {listed.map((p) => (
                <PairRow
                  key={`${p.a.key}-${p.b.key}`}
                  pair={p}
                  move={severityMove(p.a.severity, p.b.severity)}
                  expanded={open.has(p.a.key)}
                  toggleHref={toggleHref(p.a.key)}
                  diffs={open.has(p.a.key) ? { a: diffsA.get(p.a.key) ?? null, b: diffsB.get(p.b.key) ?? null } : null}
                  mode={mode}
                  modeHrefs={modeHrefs(p.a.key)}
                  a={<FailureLink f={p.a} letter="A" />}
                  b={<FailureLink f={p.b} letter="B" />}
                />
              ))}
            </ul>
          )}
        </div>
        <div className="grid gap-3 md:grid-cols-2">
          {(
            [
              ["A", onlyA],
              ["B", onlyB],
            ] as const
          ).map(([letter, list]) => (
            <div key={letter} className="min-w-0 space-y-2">
              <h3 id={`only-${letter.toLowerCase()}`} className="font-medium">
                Only in {letter} <span className="text-slate-500 tabular-nums dark:text-slate-400">({list.length})</span>
              </h3>
              {list.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">Every failure has a counterpart.</p>
              ) : (
                <ul
                  aria-label={`Failures only in ${letter}`}
                  className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
                >
                  {list.slice(0, COMPARE_LIST_LIMIT).map((f) => (
                    <li key={f.key} className="px-3 py-2 text-sm">
                      <FailureLink f={f} letter={letter} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
