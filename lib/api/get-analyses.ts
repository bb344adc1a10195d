// GET /api/analyses and /api/analyses/[slug]: parse records for scripts, CSV/JSON exports of the list.
import "server-only";
import {
  ANALYSIS_CSV_COLUMNS, EXPORT_LIMIT, getAnalysisRecord, listAnalysisCsvRows, listAnalysisRecords,
} from "../analyses/list-analysis-records";
import { analysisQuerySchema, DEFAULT_PAGE_SIZE, parseQuery, recordQuerySchema } from "./list-params";
import { csvResponse, errorResponse, handle, jsonPage, jsonResponse } from "./respond";

export function getAnalyses(request: Request): Promise<Response> {
  return handle(async () => {
    const url = new URL(request.url);
    const query = parseQuery(analysisQuerySchema, url.searchParams);
    const parts = [query.platform, ...(query.severity ?? []), ...(query.gap ?? []), query.q];
    if (query.format === "csv") {
      return csvResponse(ANALYSIS_CSV_COLUMNS, await listAnalysisCsvRows(query), "analyses", parts);
    }
    if (query.download) {
      const { items, total } = await listAnalysisRecords(query, { skip: 0, take: EXPORT_LIMIT });
      return jsonResponse({ items, page: 1, pageSize: items.length, total, next: null }, { list: "analyses", parts });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await listAnalysisRecords(query, { skip: (page - 1) * pageSize, take: pageSize });
    return jsonResponse(jsonPage(url, items, page, pageSize, total));
  });
}

export function getAnalysisBySlug(request: Request, slug: string): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(recordQuerySchema, new URL(request.url).searchParams);
    const record = await getAnalysisRecord(slug);
    if (!record) return errorResponse(404, `No analysis with slug "${slug}".`);
    return jsonResponse(record, query.download ? { list: "analysis", parts: [slug] } : undefined);
  });
}
