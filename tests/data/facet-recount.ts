// The pre-counted facet tables and the stored gap pairs (lib/data/gap-facet.ts) next to a full recount
// from the rows they summarize: the same SQL on both engines, each side ordered by its keys; scoreTotal
// compared to 1e-6 (a sum kept by difference rounds differently from a sum recomputed).
type Row = Record<string, unknown>;

const PAIRS = `SELECT "analysisId", "gapId" FROM "AnalysisGap" UNION SELECT f."analysisId", g."gapId" FROM "FailureGap" g JOIN "Failure" f ON f."id" = g."failureId"`;

export const FACET_RECOUNTS: { table: string; stored: string; live: string }[] = [
  {
    table: "GapFacet",
    stored: `SELECT "gapId", "severity", "platform", "links" FROM "GapFacet" ORDER BY 1, 2, 3`,
    live: `SELECT "gapId", "severity", "platform", count(*) AS "links" FROM "FailureGap" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
  {
    table: "AnalysisGapFacet",
    stored: `SELECT "gapId", "platform", "analyses", "scored", "scoreTotal" FROM "AnalysisGapFacet" ORDER BY 1, 2`,
    live: `SELECT x."gapId", a."platform", count(*) AS "analyses", count(a."scoreNorm") AS "scored", coalesce(sum(a."scoreNorm"), 0) AS "scoreTotal"
      FROM (${PAIRS}) x JOIN "Analysis" a ON a."id" = x."analysisId" GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  {
    // Not a count: the distinct pairs themselves (migration 0020), each with its analysis's platform.
    table: "AnalysisGapPair",
    stored: `SELECT "analysisId", "gapId", "platform" FROM "AnalysisGapPair" ORDER BY 1, 2`,
    live: `SELECT x."analysisId", x."gapId", a."platform" FROM (${PAIRS}) x JOIN "Analysis" a ON a."id" = x."analysisId" ORDER BY 1, 2`,
  },
  {
    table: "FailureFacet",
    stored: `SELECT "severity", "platform", "primaryGap", "failures" FROM "FailureFacet" ORDER BY 1, 2, 3`,
    live: `SELECT "severity", "platform", "primaryGap", count(*) AS "failures" FROM "Failure" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  },
];

const COUNTS = new Set(["analysisId", "links", "analyses", "scored", "failures"]);

/** Rows comparable across the two sides: counts as numbers, scoreTotal rounded to 1e-6. */
export function comparable(rows: Row[]): Row[] {
  const value = (k: string, v: unknown) => (COUNTS.has(k) ? Number(v) : k === "scoreTotal" ? Math.round(Number(v) * 1e6) / 1e6 : v);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, value(k, v)])));
}

/** SQL that refills every facet table from the rows (for tests that seed rows directly, not through the store). */
export const REFILL_FACETS = FACET_RECOUNTS.map(({ table, stored, live }) => {
  const columns = /^SELECT (.*) FROM/.exec(stored)![1]!;
  return `DELETE FROM "${table}"; INSERT INTO "${table}" (${columns}) ${live};`;
}).join("\n");
