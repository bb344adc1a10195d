// The queries the benchmark times: the very data-access functions the pages call, with filters.
// (Run under the react-server condition so their `server-only` guard allows the import.)
import { searchAnalyses } from "../analyses/search-analyses";
import { searchFailures } from "../failures/search-failures";
import { parseAnalysisFilters, parseFailureFilters } from "../filters/view-params";
import type { RawSearchParams } from "../filters/search-params";

export interface BenchQuery {
  name: string;
  run(round: number): Promise<unknown>;
}

const ANALYSIS_PARAMS: RawSearchParams[] = [
  { sort: "score", page: "3" },
  { severity: "critical", sort: "critical" },
  { gap: "secrets", platform: "pulumi" },
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

const label = (params: RawSearchParams) => new URLSearchParams(params as Record<string, string>).toString() || "(no filters)";

/** One timed query per page and filter combination. */
export function benchQueries(): BenchQuery[] {
  return [
    ...ANALYSIS_PARAMS.map((params) => ({ name: `/analyses?${label(params)}`, run: () => searchAnalyses(parseAnalysisFilters(params)) })),
    ...FAILURE_PARAMS.map((params) => ({ name: `/failures?${label(params)}`, run: () => searchFailures(parseFailureFilters(params)) })),
  ];
}
