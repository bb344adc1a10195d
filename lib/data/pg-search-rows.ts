// Derived rows on PostgreSQL, rewritten by every write: the full-text rows (analysis_fts, failure_fts;
// prisma/postgres/migrations/0002), a failure's carrying its analysis, severity, platform and gaps
// (0022, 0023) so a text query's matches are counted without a lookup per match. The gap facet is
// kept by difference (lib/data/gap-facet.ts).
import { inPgTransaction, type PgClient } from "./postgres";

/** (Re)writes the full-text rows of one analysis and its failures (prisma/postgres/migrations/0002). */
export async function indexAnalysisPg(c: PgClient, analysisId: number): Promise<void> {
  await writeIndexRows(c, analysisId);
}

/** Rebuilds the whole full-text index from the tables (`npm run ingest -- --rebuild-index`). */
export async function rebuildSearchIndexPg(url?: string): Promise<{ analyses: number; failures: number }> {
  return inPgTransaction(async (client) => {
    await client.query(`DELETE FROM "analysis_fts"; DELETE FROM "failure_fts"`);
    return writeIndexRows(client, null);
  }, url);
}

async function writeIndexRows(c: PgClient, analysisId: number | null): Promise<{ analyses: number; failures: number }> {
  const only = (column: string) => (analysisId === null ? `$1::int IS NULL` : `${column} = $1`);
  const analyses = await c.query(
    `INSERT INTO "analysis_fts" (id, document)
     SELECT a.id, faultline_tsvector(a.title, 'A') || faultline_tsvector(a."taskId", 'A') || faultline_tsvector(a.summary, 'C')
       || faultline_tsvector((SELECT string_agg(f.title, E'\\n' ORDER BY f.number) FROM "Failure" f WHERE f."analysisId" = a.id), 'B')
     FROM "Analysis" a WHERE ${only("a.id")}
     ON CONFLICT (id) DO UPDATE SET document = excluded.document`,
    [analysisId],
  );
  const failures = await c.query(
    `INSERT INTO "failure_fts" (id, analysis_id, severity, platform, gaps, document)
     SELECT f.id, f."analysisId", f.severity, f.platform,
       ARRAY(SELECT g."gapId" FROM "FailureGap" g WHERE g."failureId" = f.id ORDER BY g.rank),
       faultline_tsvector(a.title, 'C') || faultline_tsvector(f.title, 'A') || faultline_tsvector(f."rootCause", 'B')
       || faultline_tsvector(f."modelText" || E'\\n' || f."idealText", 'D')
       || faultline_tsvector((SELECT string_agg(c.value, E'\\n' ORDER BY c.side DESC, c.position) FROM "CodeBlock" c WHERE c."failureId" = f.id), 'D')
     FROM "Failure" f JOIN "Analysis" a ON a.id = f."analysisId" WHERE ${only('f."analysisId"')}
     ON CONFLICT (id) DO UPDATE SET analysis_id = excluded.analysis_id, severity = excluded.severity, platform = excluded.platform,
       gaps = excluded.gaps, document = excluded.document`,
    [analysisId],
  );
  return { analyses: analyses.rowCount ?? 0, failures: failures.rowCount ?? 0 };
}
