// GET /api/analyses and /api/analyses/[slug]: parse records for scripts, CSV/JSON exports of the list.
import "server-only";
import {
  analysisCsvColumns,
  EXPORT_LIMIT,
  getAnalysisRecord,
  listAnalysisCsvRows,
  listAnalysisRecords,
} from "../analyses/list-analysis-records";
import { analysisQuerySchema, DEFAULT_PAGE_SIZE, parseQuery, recordQuerySchema } from "../validations/list-queries";
import { csvChunks, eagerPages, jsonDownloadChunks } from "../export/stream";
import { publicOrigin } from "../export/public-url";
import { viewerIdFor } from "./review-viewer";
import { errorResponse, handle, jsonPage, jsonResponse, streamedDownload } from "./respond";

export function getAnalyses(request: Request): Promise<Response> {
  return handle(async () => {
    const url = new URL(request.url);
    const parsed = parseQuery(analysisQuerySchema, url.searchParams);
    const query = { ...parsed, viewerId: await viewerIdFor(request, parsed.mine) };
    // Downloads link absolutely (clickable in a spreadsheet); the paged API keeps its relative urls.
    const origin = publicOrigin(request);
    const parts = [...(query.platform ?? []), ...(query.severity ?? []), ...(query.gap ?? []), query.q];
    // Downloads stream a page of rows at a time (lib/export/stream.ts), same bytes as one piece.
    if (query.format === "csv") {
      const pages = await eagerPages((window) => listAnalysisCsvRows(query, window), EXPORT_LIMIT);
      return streamedDownload(csvChunks(analysisCsvColumns(origin), pages), "analyses", parts, "csv");
    }
    if (query.download) {
      let total = 0;
      const pages = await eagerPages(async (window) => {
        const result = await listAnalysisRecords(query, window, origin);
        if (window.skip === 0) total = result.total;
        return result.items;
      }, EXPORT_LIMIT);
      return streamedDownload(
        jsonDownloadChunks(pages, () => total),
        "analyses",
        parts,
        "json",
      );
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await listAnalysisRecords(query, { skip: (page - 1) * pageSize, take: pageSize }, "");
    return jsonResponse(jsonPage(url, items, page, pageSize, total));
  });
}

export function getAnalysisBySlug(request: Request, slug: string): Promise<Response> {
  return handle(async () => {
    const query = parseQuery(recordQuerySchema, new URL(request.url).searchParams);
    const record = await getAnalysisRecord(slug, query.download ? publicOrigin(request) : "");
    if (!record) return errorResponse("not_found", `No analysis with slug "${slug}".`);
    return jsonResponse(record, query.download ? { list: "analysis", parts: [slug] } : undefined);
  });
}
