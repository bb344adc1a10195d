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

const rotate = <T,>(list: T[], round: number): T => list[round % list.length]!;

const ANALYSIS_PARAMS: RawSearchParams[] = [
  { sort: "score", page: "3" },
  { severity: "critical", sort: "critical" },
  { gap: "secrets", platform: "pulumi" },
  { q: "bucket encryption", sort: "title" },
  { warnings: "yes", page: "2" },
];
const FAILURE_PARAMS: RawSearchParams[] = [
  { severity: "critical", gap: "secrets" },
  { severity: "critical,high", gap: "networking,access-control", page: "4" },
  { severity: "medium,low", platform: "terraform" },
  { q: "password", severity: "critical" },
  { gap: "provider-api", sort: "analysis", page: "10" },
];

export function benchQueries(): BenchQuery[] {
  return [
    { name: "/analyses list (filters, sort, page)", run: (round) => searchAnalyses(parseAnalysisFilters(rotate(ANALYSIS_PARAMS, round))) },
    { name: "/failures explorer (filters + facets)", run: (round) => searchFailures(parseFailureFilters(rotate(FAILURE_PARAMS, round))) },
    { name: "/failures severity+gap only", run: (round) => searchFailures(parseFailureFilters(rotate(FAILURE_PARAMS.slice(0, 2), round))) },
  ];
}
