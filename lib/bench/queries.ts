// The queries the benchmark times: the very data-access functions the pages call, with filters.
// (Run under the react-server condition so their `server-only` guard allows the import.)
import { prisma } from "../db";
import { getAnalysis } from "../analyses/get-analysis";
import { searchAnalyses } from "../analyses/search-analyses";
import { compareAnalyses, suggestPairs } from "../compare/compare-analyses";
import { searchPickerOptions } from "../compare/picker";
import { getFailure } from "../failures/get-failure";
import { searchFailures } from "../failures/search-failures";
import { listGaps } from "../gaps/list-gaps";
import { getOverview } from "../overview/get-overview";
import { listScores, scoreFilterOptions } from "../scores/list-scores";
import { parseGapSort, parseScoreFilters } from "../filters/trainer-params";
import { parseAnalysisFilters, parseFailureFilters } from "../filters/view-params";
import { FAILURES_PER_PAGE } from "../render/pages";
import type { RawSearchParams } from "../filters/search-params";

export interface BenchQuery {
  name: string;
  run(round: number): Promise<unknown>;
}

const ANALYSIS_PARAMS: RawSearchParams[] = [
  { sort: "score", page: "3" },
  { severity: "critical", sort: "critical" },
  { gap: "secrets", platform: "pulumi" },
  { q: "bucket encryption" }, // the default order with a query: relevance
  { q: "bucket encryption", sort: "title" },
  { warnings: "yes", page: "2" },
];
const FAILURE_PARAMS: RawSearchParams[] = [
  {},
  { severity: "critical", gap: "secrets" },
  { severity: "critical,high", gap: "networking,access-control", page: "4" },
  { severity: "medium,low", platform: "terraform" },
  { q: "password", severity: "critical" },
  { gap: "provider-api", sort: "analysis", page: "10" },
];

/** What a reader types into the /compare picker, one keystroke at a time. */
export const PICKER_KEYSTROKES = [
  "",
  ...["pulumi", "bucket enc", "report-0"].flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))),
];

const SCORE_PARAMS: RawSearchParams[] = [{}, { gap: "secrets", sort: "load" }, { audit: "count-mismatch" }];

/** The two analyses with the most failures: the heaviest pair /compare can be asked for. */
let largestPair: Promise<[string, string]> | undefined;
const largest = () =>
  (largestPair ??= prisma.analysis
    .findMany({ select: { slug: true }, orderBy: [{ failureCount: "desc" }, { id: "asc" }], take: 2 })
    .then((rows) => [rows[0]?.slug ?? "", rows[1]?.slug ?? rows[0]?.slug ?? ""]));

/** 40 failures spread over the whole set (every n-th by id): the analysis and failure pages cycle through them. */
let spreadFailures: Promise<{ slug: string; key: string }[]> | undefined;
const spread = () =>
  (spreadFailures ??= prisma.failure.count().then(async (total) => {
    const step = Math.max(1, Math.floor(total / 40));
    const rows = await prisma.failure.findMany({
      select: { id: true, key: true, analysis: { select: { slug: true } } },
      orderBy: { id: "asc" },
    });
    return rows
      .filter((_, i) => i % step === 0)
      .slice(0, 40)
      .map((r) => ({ slug: r.analysis.slug, key: r.key }));
  }));

/** Forgets the picks above (the bench runs the same queries on a second database). */
export function resetBenchQueries(): void {
  largestPair = undefined;
  spreadFailures = undefined;
}

const label = (params: RawSearchParams) => new URLSearchParams(params as Record<string, string>).toString() || "(no filters)";

/** One timed query per page and filter combination. */
export function benchQueries(): BenchQuery[] {
  return [
    ...ANALYSIS_PARAMS.map((params) => ({ name: `/analyses?${label(params)}`, run: () => searchAnalyses(parseAnalysisFilters(params)) })),
    ...FAILURE_PARAMS.map((params) => ({ name: `/failures?${label(params)}`, run: () => searchFailures(parseFailureFilters(params)) })),
    // The overview and trainer pages, each with everything its page loads.
    { name: "/ (overview)", run: () => getOverview() },
    ...SCORE_PARAMS.map((params) => ({
      name: `/scores?${label(params)}`,
      run: () => Promise.all([listScores(parseScoreFilters(params)), scoreFilterOptions()]),
    })),
    { name: "/gaps", run: () => listGaps(parseGapSort({})) },
    { name: "/compare (suggestions)", run: () => suggestPairs() },
    // One keystroke of the picker each round, cycling through prefixes of typical queries.
    {
      name: "/api/compare/options (picker keystroke)",
      run: (round: number) => searchPickerOptions(PICKER_KEYSTROKES[round % PICKER_KEYSTROKES.length]!),
    },
    {
      name: "/analyses/[slug] (first page of failures)",
      run: async (round: number) => {
        const picks = await spread();
        return getAnalysis(picks[round % picks.length]?.slug ?? "", 0, FAILURES_PER_PAGE);
      },
    },
    {
      name: "/analyses/[slug]/failures/[key]",
      run: async (round: number) => {
        const pick = (await spread())[round % 40];
        return pick ? getFailure(pick.slug, pick.key) : null;
      },
    },
    {
      name: "/compare?a=…&b=… (two largest analyses)",
      run: async () => {
        const [a, b] = await largest();
        return compareAnalyses(a, b);
      },
    },
  ];
}
