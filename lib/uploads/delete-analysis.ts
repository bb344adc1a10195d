// DELETE /api/analyses/[slug]: removes an analysis (admin token). A file under content/ comes back on
// the next ingest unless it is deleted too, so the answer says where the analysis came from.
import "server-only";
import { checkWriteAccess } from "../auth/admin-token";
import { isPostgres } from "../db-url";
import { PgAnalysisStore } from "../data/pg-store";
import { AnalysisStore } from "../data/store";
import { describeDatabaseError } from "../data/errors";
import { openSqlite } from "../data/sqlite";
import { RETRY_AFTER_SECONDS } from "../security/unavailable";

export async function deleteAnalysis(request: Request, slug: string): Promise<Response> {
  const access = checkWriteAccess(request.headers);
  if (!access.ok) return Response.json({ error: access.message }, { status: access.status });
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
    const { status, message } = describeDatabaseError(error, "delete");
    if (status === 500) console.error("delete failed:", error);
    return Response.json({ error: message }, { status, headers: status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : undefined });
  }
  if (!sourcePath) return Response.json({ error: `No analysis "${slug}".` }, { status: 404 });
  const note = sourcePath.startsWith("upload:") ? undefined : `Its file ${sourcePath} still exists; the next ingest will add it again unless you remove it.`;
  return Response.json({ deleted: slug, sourcePath, ...(note ? { note } : {}) });
}
