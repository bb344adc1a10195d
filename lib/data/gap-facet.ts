// The pre-counted facet tables kept by difference instead of recounted (migrations 0008 and 0019):
// - GapFacet: gap links per (gap, severity, platform): the explorer's gap facet, /gaps' severity mix.
// - AnalysisGapFacet: analyses per (gap, platform), with how many state a score and their sum: the gap
//   facet of /analyses and /scores ("analyses with this gap": its document names it or one of its
//   failures has it), /gaps' analyses and mean score.
// - FailureFacet: failures per (severity, platform, primary gap): the explorer's severity and platform
//   counts and total, the overview's totals, /gaps' primary counts.
// Recounting after each batch made an ingest quadratic in the size of the database (on PostgreSQL each
// recount also left as many dead rows behind), and recounting on each request scans whole tables. A
// write reads what the analyses it rewrites or deletes contribute before and after (from the
// Failure(analysisId), FailureGap(failureId, …) and AnalysisGap(analysisId, …) indexes), and the batch
// adds the difference to each table at the end, in the same transaction. The result is the recount's,
// row for row (tests/ingest and tests/data/pg-gap-facet check it after every write; scoreTotal to
// rounding); the ids differ, and nothing reads them.
// Beside them, AnalysisGapPair (migration 0020): the distinct (analysis, gap) pairs themselves, with the
// analysis's platform, rewritten per analysis by the write that writes its links (a deleted analysis's
// pairs cascade), so a gap facet under a filter is an index-only count (lib/analyses/analysis-criteria.ts).
import type { Sqlite } from "./sqlite";
import type { PgClient } from "./postgres";
import { q } from "./pg-query";

/** One table: its key columns, its summed value columns (the first is the row's count) and their PostgreSQL types. */
interface FacetTable {
  name: string;
  keys: string[];
  values: { column: string; type: "int" | "float8" }[];
  /** What the analyses `IDS` contribute, keys as k0…, values as v0… ("IDS" becomes `= @id` or `= ANY($1::int[])`). */
  contribution: string;
}

export const FACET_TABLES: FacetTable[] = [
  {
    name: "GapFacet",
    keys: ["gapId", "severity", "platform"],
    values: [{ column: "links", type: "int" }],
    contribution: `SELECT g."gapId" AS k0, g."severity" AS k1, g."platform" AS k2, count(*) AS v0
      FROM "Failure" f JOIN "FailureGap" g ON g."failureId" = f."id" WHERE f."analysisId" IDS GROUP BY 1, 2, 3`,
  },
  {
    name: "AnalysisGapFacet",
    keys: ["gapId", "platform"],
    values: [
      { column: "analyses", type: "int" },
      { column: "scored", type: "int" },
      { column: "scoreTotal", type: "float8" },
    ],
    contribution: `SELECT x."gapId" AS k0, a."platform" AS k1, count(*) AS v0, count(a."scoreNorm") AS v1, coalesce(sum(a."scoreNorm"), 0) AS v2
      FROM (SELECT "analysisId", "gapId" FROM "AnalysisGap" WHERE "analysisId" IDS
            UNION SELECT f."analysisId", g."gapId" FROM "Failure" f JOIN "FailureGap" g ON g."failureId" = f."id" WHERE f."analysisId" IDS) x
      JOIN "Analysis" a ON a."id" = x."analysisId" GROUP BY 1, 2`,
  },
  {
    name: "FailureFacet",
    keys: ["severity", "platform", "primaryGap"],
    values: [{ column: "failures", type: "int" }],
    contribution: `SELECT "severity" AS k0, "platform" AS k1, "primaryGap" AS k2, count(*) AS v0 FROM "Failure" WHERE "analysisId" IDS GROUP BY 1, 2, 3`,
  },
];

/** The pairs of analysis `ID` from its stored links ("ID" becomes `@id` or `$1`). */
const PAIR_ROWS = `INSERT INTO "AnalysisGapPair" ("analysisId", "gapId", "platform")
  SELECT x."analysisId", x."gapId", a."platform"
  FROM (SELECT "analysisId", "gapId" FROM "AnalysisGap" WHERE "analysisId" = ID
        UNION SELECT "analysisId", "gapId" FROM "FailureGap" WHERE "analysisId" = ID) x
  JOIN "Analysis" a ON a."id" = x."analysisId"`;
const DELETE_PAIRS = `DELETE FROM "AnalysisGapPair" WHERE "analysisId" = ID`;

/** A contribution row as the database returns it (counts may be bigints or strings on PostgreSQL). */
type ContributionRow = Record<string, string | number | bigint | null>;
/** What some analyses contribute to each table, by table name. */
export type FacetContribution = Record<string, ContributionRow[]>;

type Entry = { keys: (string | null)[]; values: number[] };

/** Differences to add to the facet tables (negative: contributions gone). */
export class GapFacetDelta {
  private readonly tables = new Map<string, Map<string, Entry>>(FACET_TABLES.map((t) => [t.name, new Map()]));

  add(contribution: FacetContribution, sign: 1 | -1): void {
    for (const table of FACET_TABLES) {
      const counts = this.tables.get(table.name)!;
      for (const row of contribution[table.name] ?? []) {
        const keys = table.keys.map((_, i) => (row[`k${i}`] ?? null) as string | null);
        const id = JSON.stringify(keys);
        const entry = counts.get(id) ?? { keys, values: table.values.map(() => 0) };
        table.values.forEach((_, i) => (entry.values[i]! += sign * Number(row[`v${i}`] ?? 0)));
        counts.set(id, entry);
      }
    }
  }

  merge(other: GapFacetDelta): void {
    for (const [name, theirs] of other.tables) {
      const mine = this.tables.get(name)!;
      for (const [id, entry] of theirs) {
        const have = mine.get(id);
        if (have) entry.values.forEach((v, i) => (have.values[i]! += v));
        else mine.set(id, { keys: entry.keys, values: [...entry.values] });
      }
    }
  }

  /** The non-zero differences of one table. */
  changes(table: string): Entry[] {
    return [...(this.tables.get(table)?.values() ?? [])].filter((e) => e.values.some((v) => v !== 0));
  }
}

export function sqliteGapFacet(db: Sqlite) {
  const tables = FACET_TABLES.map((table) => {
    const match = table.keys.map((k) => `"${k}" IS ?`).join(" AND ");
    const columns = [...table.keys, ...table.values.map((v) => v.column)];
    return {
      table,
      read: db.prepare<{ id: number }, ContributionRow>(table.contribution.replaceAll("IDS", "= @id")),
      bump: db.prepare(`UPDATE "${table.name}" SET ${table.values.map((v) => `"${v.column}" = "${v.column}" + ?`).join(", ")} WHERE ${match}`),
      insert: db.prepare(`INSERT INTO "${table.name}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`),
      prune: db.prepare(`DELETE FROM "${table.name}" WHERE "${table.values[0]!.column}" <= 0`),
    };
  });
  const deletePairs = db.prepare<{ id: number }>(DELETE_PAIRS.replaceAll("ID", "@id"));
  const insertPairs = db.prepare<{ id: number }>(PAIR_ROWS.replaceAll("ID", "@id"));
  return {
    /** Rewrites the pairs of analysis `id` from its links (call once they are written). */
    writePairs(id: number): void {
      deletePairs.run({ id });
      insertPairs.run({ id });
    },
    /** What analysis `id` contributes to each table. */
    links: (id: number): FacetContribution => Object.fromEntries(tables.map((t) => [t.table.name, t.read.all({ id })])),
    /** Adds the differences to the tables (inside the write transaction). */
    apply(delta: GapFacetDelta): void {
      for (const t of tables) {
        const changes = delta.changes(t.table.name);
        if (!changes.length) continue;
        for (const c of changes) if (t.bump.run(...c.values, ...c.keys).changes === 0 && c.values[0]! > 0) t.insert.run(...c.keys, ...c.values);
        t.prune.run();
      }
    },
  };
}

/** Rewrites the pairs of analysis `id` from its links, on PostgreSQL (call once they are written). */
export async function writePgGapPairs(c: PgClient, id: number): Promise<void> {
  await q(c, DELETE_PAIRS.replaceAll("ID", "$1"), [id]);
  await q(c, PAIR_ROWS.replaceAll("ID", "$1"), [id]);
}

/** What the analyses `ids` contribute to each table, on PostgreSQL. */
export async function pgAnalysisLinks(c: PgClient, ids: number[]): Promise<FacetContribution> {
  const out: FacetContribution = {};
  for (const table of FACET_TABLES) out[table.name] = ids.length ? await q<ContributionRow>(c, table.contribution.replaceAll("IDS", "= ANY($1::int[])"), [ids]) : [];
  return out;
}

/** Adds the differences to the tables on PostgreSQL, one statement each (inside the write transaction). */
export async function applyPgGapFacet(c: PgClient, delta: GapFacetDelta): Promise<void> {
  for (const table of FACET_TABLES) {
    const changes = delta.changes(table.name);
    if (!changes.length) continue;
    const keys = table.keys.map((_, i) => `k${i}`);
    const values = table.values.map((_, i) => `v${i}`);
    const types = [...table.keys.map(() => "text"), ...table.values.map((v) => v.type)];
    const same = (a: string, b: string) => keys.map((k, i) => `${a}."${table.keys[i]}" IS NOT DISTINCT FROM ${b}.${k}`).join(" AND ");
    const sameKeys = (a: string, b: string) => keys.map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(" AND ");
    const all = [...keys, ...values];
    await q(
      c,
      `WITH d(${all.join(", ")}) AS (SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})),
       bumped AS (
         UPDATE "${table.name}" t SET ${table.values.map((v, i) => `"${v.column}" = t."${v.column}" + d.v${i}`).join(", ")} FROM d
         WHERE ${same("t", "d")} RETURNING ${keys.map((k) => `d.${k}`).join(", ")})
       INSERT INTO "${table.name}" (${[...table.keys, ...table.values.map((v) => v.column)].map((col) => `"${col}"`).join(", ")})
       SELECT ${all.join(", ")} FROM d WHERE v0 > 0 AND NOT EXISTS (SELECT 1 FROM bumped b WHERE ${sameKeys("b", "d")})`,
      [...keys.map((_, i) => changes.map((e) => e.keys[i])), ...values.map((_, i) => changes.map((e) => e.values[i]))],
    );
    await c.query(`DELETE FROM "${table.name}" WHERE "${table.values[0]!.column}" <= 0`);
  }
}
