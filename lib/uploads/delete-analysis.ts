// DELETE /api/analyses/[slug]: removes an analysis (admin token). A file under content/ comes back on
// the next ingest unless it is deleted too, so the answer says where the analysis came from.
import "server-only";
import { databaseErrorResponse } from "../api/database-error";
import { errorResponse } from "../api/error-response";
import { checkWriteAccess } from "../auth/admin-token";
import { isPostgres } from "../db-url";
import { PgAnalysisStore } from "../data/pg-store";
import { AnalysisStore } from "../data/store";
import { openSqlite } from "../data/sqlite";

export async function deleteAnalysis(request: Request, slug: string): Promise<Response> {
  const access = checkWriteAccess(request.headers);
  if (!access.ok) return errorResponse(access.code, access.message);
  let sourcePath: string | null;
  try {
    if (isPostgres()) sourcePath = await new PgAnalysisStore().deleteBySlug(slug);
    else {
      const db = openSqlite(undefined, { busyTimeoutMs: 3000 });
      try {
        sourcePath = new AnalysisStore(db).deleteBySlug(slug);
      } finally {
        db.close();
      }
    }
  } catch (error) {
    return databaseErrorResponse(error, "delete");
  }
  if (!sourcePath) return errorResponse("not_found", `No analysis "${slug}".`);
  const note = sourcePath.startsWith("upload:")
    ? undefined
    : `Its file ${sourcePath} still exists; the next ingest will add it again unless you remove it.`;
  return Response.json({ deleted: slug, sourcePath, ...(note ? { note } : {}) });
}
