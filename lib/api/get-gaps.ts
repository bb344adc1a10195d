// GET /api/gaps: the /gaps table (failures, severity mix, analyses, mean score per knowledge gap).
import "server-only";
import type { CsvColumn } from "../export/to-csv";
import { listGaps, type GapSummary } from "../gaps/list-gaps";
import { gapQuerySchema, parseQuery } from "../validations/list-queries";
import { csvResponse, handle, jsonResponse } from "./respond";
import { failuresHref } from "../routes";

type GapItem = GapSummary & { url: string };

const GAP_CSV_COLUMNS: CsvColumn<GapItem>[] = [
  { header: "id", value: (g) => g.id },
  { header: "label", value: (g) => g.label },
  { header: "failures", value: (g) => g.failureCount },
  { header: "primary", value: (g) => g.primaryCount },
  { header: "critical", value: (g) => g.severity.critical },
  { header: "high", value: (g) => g.severity.high },
  { header: "medium", value: (g) => g.severity.medium },
  { header: "low", value: (g) => g.severity.low },
  { header: "unknown", value: (g) => g.severity.unknown },
  { header: "analyses", value: (g) => g.analysisCount },
  { header: "scored_analyses", value: (g) => g.scoredCount },
  { header: "mean_score_out_of_10", value: (g) => (g.meanScore === null ? null : Math.round(g.meanScore * 100) / 100) },
  { header: "url", value: (g) => g.url },
];

export function getGaps(request: Request): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(gapQuerySchema, new URL(request.url).searchParams);
    const items = (await listGaps(query.sort)).map((g) => ({ ...g, url: failuresHref({ gaps: [g.id] }) }));
    if (query.format === "csv") return csvResponse(GAP_CSV_COLUMNS, items, "gaps", []);
    return jsonResponse(
      { items, page: 1, pageSize: items.length, total: items.length, next: null },
      query.download ? { list: "gaps", parts: [] } : undefined,
    );
  });
}
