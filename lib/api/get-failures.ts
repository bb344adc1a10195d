// GET /api/failures: the failures explorer's rows for scripts (paginated JSON) and downloads (CSV/JSON).
import "server-only";
import { FAILURE_CSV_COLUMNS, listFailureRows, toFailureRecords } from "../failures/list-failure-records";
import { DEFAULT_PAGE_SIZE, failureQuerySchema, parseQuery } from "./list-params";
import { csvResponse, handle, jsonPage, jsonResponse } from "./respond";

export function getFailures(request: Request): Promise<Response> {
  return handle(async () => {
    const url = new URL(request.url);
    const query = parseQuery(failureQuerySchema, url.searchParams);
    const parts = [query.analysis, query.platform, ...(query.severity ?? []), ...(query.gap ?? []), query.q];
    if (query.format === "csv") {
      const { rows } = await listFailureRows(query);
      return csvResponse(FAILURE_CSV_COLUMNS, rows, "failures", parts);
    }
    if (query.download) {
      const { rows, total } = await listFailureRows(query);
      const items = await toFailureRecords(rows);
      return jsonResponse({ items, page: 1, pageSize: items.length, total, next: null }, { list: "failures", parts });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await listFailureRows(query, { skip: (page - 1) * pageSize, take: pageSize });
    return jsonResponse(jsonPage(url, await toFailureRecords(rows), page, pageSize, total));
  });
}
