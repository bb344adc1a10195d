// The gap facet (GapFacet: links per gap, severity and platform) kept by difference instead of recounted.
// Recounting every link after each batch made an ingest quadratic in the size of the database (on
// PostgreSQL each recount of 100,000 links also left as many dead rows behind). A write now reads the
// links of the analyses it rewrites or deletes before and after (from the Failure(analysisId) and
// FailureGap(failureId, …) indexes), and the batch adds the difference to GapFacet at the end. The
// result is the recount's, row for row (tests/ingest checks it after every write); the ids differ,
// and nothing reads them.
import type { Sqlite } from "./sqlite";
import type { PgClient } from "./postgres";
import { q } from "./pg-query";

export interface GapLinkCount {
  gapId: string;
  severity: string;
  platform: string | null;
  n: number | bigint | string;
}

/** Link counts per (gap, severity, platform) to add to GapFacet (negative: links gone). */
export class GapFacetDelta {
  private readonly counts = new Map<string, { gapId: string; severity: string; platform: string | null; n: number }>();

  add(rows: GapLinkCount[], sign: 1 | -1): void {
    for (const row of rows) {
      const key = JSON.stringify([row.gapId, row.severity, row.platform]);
      const entry = this.counts.get(key) ?? { gapId: row.gapId, severity: row.severity, platform: row.platform, n: 0 };
      entry.n += sign * Number(row.n);
      this.counts.set(key, entry);
    }
  }

  merge(other: GapFacetDelta): void {
    for (const [key, entry] of other.counts) {
      const mine = this.counts.get(key);
      if (mine) mine.n += entry.n;
      else this.counts.set(key, { ...entry });
    }
  }

  /** The non-zero differences. */
  changes(): { gapId: string; severity: string; platform: string | null; n: number }[] {
    return [...this.counts.values()].filter((e) => e.n !== 0);
  }
}

/** The links of one analysis, counted as GapFacet counts them. */
export const ANALYSIS_LINKS_SQLITE = `SELECT g.gapId AS gapId, g.severity AS severity, g.platform AS platform, count(*) AS n
  FROM "Failure" f JOIN "FailureGap" g ON g.failureId = f.id WHERE f.analysisId = ? GROUP BY 1, 2, 3`;

export function sqliteGapFacet(db: Sqlite) {
  const links = db.prepare<[number], GapLinkCount>(ANALYSIS_LINKS_SQLITE);
  const bump = db.prepare<[number, string, string, string | null]>(`UPDATE "GapFacet" SET links = links + ? WHERE gapId = ? AND severity = ? AND platform IS ?`);
  const insert = db.prepare<[string, string, string | null, number]>(`INSERT INTO "GapFacet" (gapId, severity, platform, links) VALUES (?, ?, ?, ?)`);
  const prune = db.prepare(`DELETE FROM "GapFacet" WHERE links <= 0`);
  return {
    /** The links of analysis `id`. */
    links: (id: number): GapLinkCount[] => links.all(id),
    /** Adds the differences to GapFacet (inside the write transaction). */
    apply(delta: GapFacetDelta): void {
      const changes = delta.changes();
      if (!changes.length) return;
      for (const c of changes) if (bump.run(c.n, c.gapId, c.severity, c.platform).changes === 0 && c.n > 0) insert.run(c.gapId, c.severity, c.platform, c.n);
      prune.run();
    },
  };
}

/** The links of the analyses `ids` on PostgreSQL. */
export function pgAnalysisLinks(c: PgClient, ids: number[]): Promise<GapLinkCount[]> {
  if (!ids.length) return Promise.resolve([]);
  return q<GapLinkCount>(
    c,
    `SELECT g."gapId", g.severity, g.platform, count(*) AS n
     FROM "Failure" f JOIN "FailureGap" g ON g."failureId" = f.id WHERE f."analysisId" = ANY($1::int[]) GROUP BY 1, 2, 3`,
    [ids],
  );
}

/** Adds the differences to GapFacet on PostgreSQL, in one statement (inside the write transaction). */
export async function applyPgGapFacet(c: PgClient, delta: GapFacetDelta): Promise<void> {
  const changes = delta.changes();
  if (!changes.length) return;
  await q(
    c,
    `WITH d(g, s, p, n) AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])),
     bumped AS (
       UPDATE "GapFacet" f SET links = f.links + d.n FROM d
       WHERE f."gapId" = d.g AND f.severity = d.s AND f.platform IS NOT DISTINCT FROM d.p RETURNING d.g, d.s, d.p)
     INSERT INTO "GapFacet" ("gapId", severity, platform, links)
     SELECT g, s, p, n FROM d WHERE n > 0 AND NOT EXISTS (SELECT 1 FROM bumped b WHERE b.g = d.g AND b.s = d.s AND b.p IS NOT DISTINCT FROM d.p)`,
    [changes.map((x) => x.gapId), changes.map((x) => x.severity), changes.map((x) => x.platform), changes.map((x) => x.n)],
  );
  await c.query(`DELETE FROM "GapFacet" WHERE links <= 0`);
}
