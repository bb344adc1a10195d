// GET /api/failures: the failures explorer's rows for scripts (paginated JSON) and downloads (CSV/JSON).
import "server-only";
import { failureCsvColumns, listFailureCsvRows, listFailureRows, toFailureRecords } from "../failures/list-failure-records";
import { publicOrigin } from "../export/public-url";
import { DEFAULT_PAGE_SIZE, failureQuerySchema, parseQuery } from "../validations/list-queries";
import { EXPORT_LIMIT } from "../analyses/list-analysis-records";
import { csvChunks, eagerPages, jsonDownloadChunks } from "../export/stream";
import { viewerIdFor } from "./review-viewer";
import { handle, jsonPage, jsonResponse, streamedDownload } from "./respond";

export function getFailures(request: Request): Promise<Response> {
  return handle(async () => {
    const url = new URL(request.url);
    const parsed = parseQuery(failureQuerySchema, url.searchParams);
    const query = { ...parsed, viewerId: await viewerIdFor(request, parsed.mine) };
    // Downloads link absolutely (clickable in a spreadsheet); the paged API keeps its relative urls.
    const origin = publicOrigin(request);
    const parts = [query.analysis, ...(query.platform ?? []), ...(query.severity ?? []), ...(query.gap ?? []), query.q];
    // Downloads stream a page of rows at a time (lib/export/stream.ts), same bytes as one piece.
    if (query.format === "csv") {
      const pages = await eagerPages((window) => listFailureCsvRows(query, window), EXPORT_LIMIT);
      return streamedDownload(csvChunks(failureCsvColumns(origin), pages), "failures", parts, "csv");
    }
    if (query.download) {
      let total = 0;
      const pages = await eagerPages(async (window) => {
        const { rows, total: count } = await listFailureRows(query, window);
        if (window.skip === 0) total = count;
        return toFailureRecords(rows, origin);
      }, EXPORT_LIMIT);
      return streamedDownload(
        jsonDownloadChunks(pages, () => total),
        "failures",
        parts,
        "json",
      );
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await listFailureRows(query, { skip: (page - 1) * pageSize, take: pageSize });
    return jsonResponse(jsonPage(url, await toFailureRecords(rows, ""), page, pageSize, total));
  });
}
