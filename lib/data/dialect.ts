// The SQL that differs between SQLite and PostgreSQL, in one place: the read side builds its queries
// from these fragments and never names an engine. Each function reads DATABASE_URL's provider at
// call time (lib/db-url.ts), the same way lib/db.ts picks the client.
//
// Full text: SQLite's FTS5 tables (rowid, MATCH, bm25: lower is better) and PostgreSQL's tsvector
// tables (id, @@, ts_rank: higher is better, negated here so both rank ascending) hold the same texts
// with the same weights (title 8, root cause and failure titles 4, summary and analysis title 2,
// body and code 1), and the query a user types means the same on both (lib/data/search-index.ts).
import { databaseProvider } from "../db-url";
import { Prisma } from "../generated/prisma/client";
import { toFtsQuery, toTsQuery } from "./search-index";

const postgres = () => databaseProvider() === "postgres";

/** PostgreSQL's ts_rank weights, {D, C, B, A}: the bm25 column weights 1, 2, 4, 8 scaled to 1. */
const TS_WEIGHTS = Prisma.sql`'{0.125, 0.25, 0.5, 1.0}'::float4[]`;
// bm25 column weights: a word in a title counts more than one in a long body or code block.
const ANALYSIS_BM25 = Prisma.sql`8.0, 8.0, 2.0, 4.0`; // title, task_id, summary, failure_titles
const FAILURE_BM25 = Prisma.sql`2.0, 8.0, 4.0, 1.0, 1.0`; // analysis_title, title, root_cause, body, code

/** True when `q` has words the full-text index can search for. */
export function isSearchable(q: string | undefined): boolean {
  return Boolean(q && toFtsQuery(q));
}

type FtsTable = "failure_fts" | "analysis_fts";

/** `column`: what PostgreSQL's rows return (SQLite's contentless tables hold only their rowid). */
function matchIds(table: FtsTable, q: string, column = "id"): Prisma.Sql | null {
  if (postgres()) {
    const query = toTsQuery(q);
    return query
      ? Prisma.sql`SELECT ${Prisma.raw(`"${column}"`)} FROM ${Prisma.raw(`"${table}"`)} WHERE "document" @@ to_tsquery('faultline', ${query})`
      : null;
  }
  const match = toFtsQuery(q);
  return match ? Prisma.sql`SELECT rowid FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${table}"`)} MATCH ${match}` : null;
}

/**
 * `pgOnly`: conditions on the full-text row t that PostgreSQL's rows can apply before scoring and
 * SQLite's contentless ones cannot (the caller applies them again after its join). `column`: the id
 * PostgreSQL's rows return (SQLite's return their rowid).
 */
function ranked(table: FtsTable, q: string, pgOnly: Prisma.Sql[] = [], column = "id"): Prisma.Sql | null {
  if (postgres()) {
    const query = toTsQuery(q);
    const also = pgOnly.map((c) => Prisma.sql` AND ${c}`);
    return query
      ? Prisma.sql`SELECT t.${Prisma.raw(`"${column}"`)} AS id, -ts_rank(${TS_WEIGHTS}, t."document", q.q) AS r FROM ${Prisma.raw(`"${table}"`)} t, to_tsquery('faultline', ${query}) q(q) WHERE t."document" @@ q.q${also.length ? Prisma.join(also, "") : Prisma.empty}`
      : null;
  }
  const match = toFtsQuery(q);
  const weights = table === "failure_fts" ? FAILURE_BM25 : ANALYSIS_BM25;
  return match
    ? Prisma.sql`SELECT rowid AS id, bm25(${Prisma.raw(`"${table}"`)}, ${weights}) AS r FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${table}"`)} MATCH ${match}`
    : null;
}

/** A subquery of the ids of failures whose text or code matches `q`; null when `q` has no searchable words. */
export const failureMatchIds = (q: string) => matchIds("failure_fts", q);
/**
 * A subquery of the analysis ids of failures whose text or code matches `q` (an analysis once per
 * matching failure): on PostgreSQL the full-text rows carry their analysis id (migration 0022); SQLite's
 * contentless index holds ids only, so each match's analysis is looked up in "Failure".
 */
export function failureMatchAnalysisIds(q: string): Prisma.Sql | null {
  if (postgres()) return matchIds("failure_fts", q, "analysis_id");
  const ids = failureMatchIds(q);
  return ids ? Prisma.sql`SELECT f."analysisId" FROM "Failure" f WHERE f."id" IN (${ids})` : null;
}
/**
 * A subquery of the gap links ("failureId", "gapId", "severity", "platform", "rank") of the failures
 * whose text or code matches `q`, as "FailureGap" holds them: on PostgreSQL read from the full-text
 * rows themselves, which carry each failure's severity, platform and gaps in rank order (migration
 * 0023), instead of one lookup in "FailureGap" per match; SQLite's contentless index holds ids only.
 */
export function failureMatchLinks(q: string): Prisma.Sql | null {
  if (postgres()) {
    const query = toTsQuery(q);
    return query
      ? Prisma.sql`SELECT t."id" AS "failureId", x."gapId", t."severity", t."platform", x."ord" - 1 AS "rank"
          FROM "failure_fts" t CROSS JOIN LATERAL unnest(t."gaps") WITH ORDINALITY x("gapId", "ord")
          WHERE t."document" @@ to_tsquery('faultline', ${query})`
      : null;
  }
  const ids = failureMatchIds(q);
  return ids
    ? Prisma.sql`SELECT "failureId", "gapId", "severity", "platform", "rank" FROM "FailureGap" WHERE "failureId" IN (${ids})`
    : null;
}
/** A subquery of the ids of analyses whose own text (title, task id, summary, failure titles) matches `q`. */
export const analysisMatchIds = (q: string) => matchIds("analysis_fts", q);
/** A subquery of (id, r) of matching analyses; a smaller r is a better match. */
export const analysisRanked = (q: string) => ranked("analysis_fts", q);

/**
 * A subquery of (id, r) of the analyses of matching failures, an analysis once per matching failure:
 * on PostgreSQL the full-text rows carry their analysis id (migration 0022); on SQLite each match's
 * analysis is looked up in "Failure".
 */
export function failureRankedAnalyses(q: string): Prisma.Sql | null {
  if (postgres()) return ranked("failure_fts", q, [], "analysis_id");
  const failures = failureRanked(q);
  return failures ? Prisma.sql`SELECT f."analysisId" AS id, x.r AS r FROM (${failures}) x JOIN "Failure" f ON f."id" = x.id` : null;
}

/** What a caller keeps of the ranked failures (its own join applies it): see failureRanked. */
export interface RankNarrowing {
  severities?: readonly string[];
  platforms?: readonly string[];
  /** Failures of these analyses only (a page of analyses). */
  analysisIds?: readonly number[];
}

/**
 * A subquery of (id, r) of matching failures; a smaller r is a better match. `narrow`: what the
 * caller keeps of them. PostgreSQL's full-text rows carry severity and platform (migration 0023) and
 * are found by id, so it scores only those; SQLite's contentless index scores every match (FTS5
 * would evaluate the whole query once per id asked for) and leaves the rest to the caller's join.
 */
export function failureRanked(q: string, narrow: RankNarrowing = {}): Prisma.Sql | null {
  const pgOnly: Prisma.Sql[] = [];
  if (narrow.severities?.length) pgOnly.push(Prisma.sql`t."severity" IN (${Prisma.join(narrow.severities)})`);
  if (narrow.platforms?.length) pgOnly.push(Prisma.sql`t."platform" IN (${Prisma.join(narrow.platforms)})`);
  if (narrow.analysisIds?.length) {
    pgOnly.push(Prisma.sql`t."id" IN (SELECT "id" FROM "Failure" WHERE "analysisId" IN (${Prisma.join(narrow.analysisIds)}))`);
  }
  return ranked("failure_fts", q, pgOnly);
}

/**
 * `column` matches the LIKE `pattern` (with `\` escaping its wildcards) whatever the letter case: ILIKE
 * on PostgreSQL, LIKE on SQLite (which ignores ASCII case already). Unlike `lower(column) LIKE …` it
 * needs no lower-cased copy of every row's text, and a condition on the column alone is answered from
 * an index that holds the column.
 */
export function likeIgnoringCase(column: Prisma.Sql, pattern: string): Prisma.Sql {
  return postgres() ? Prisma.sql`${column} ILIKE ${pattern} ESCAPE '\\'` : Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * Analysis `a` holds the LIKE `pattern` (lower-case, `\` escaping its wildcards, no line break) in its
 * title, task id, slug or platform, whatever the letter case. PostgreSQL: one LIKE over "pickerText",
 * those four lower-cased one per line (a stored generated column in the picker's index, migration
 * 0024; an ILIKE per column takes about three times as long at 50,000 analyses). SQLite: a LIKE per
 * column, which ignores ASCII case already and reads the picker index alone (its "pickerText" is
 * virtual, and an index holding one is not read on its own).
 */
export function analysisNamesLike(pattern: string): Prisma.Sql {
  if (postgres()) return Prisma.sql`a."pickerText" LIKE ${pattern} ESCAPE '\\'`;
  const columns = ["title", "taskId", "slug", "platform"].map((c) => likeIgnoringCase(Prisma.raw(`a."${c}"`), pattern));
  return Prisma.sql`(${Prisma.join(columns, " OR ")})`;
}

/** A condition no row meets (a query of punctuation only matches nothing). */
export function noRows(): Prisma.Sql {
  return postgres() ? Prisma.sql`FALSE` : Prisma.sql`0`;
}

/**
 * `column` is one of `ids`, bound as ONE value (a PostgreSQL int[], a JSON array on SQLite): for a set
 * computed once per request (the analyses a text query matches) and read by several queries, where a
 * subquery would evaluate it again in each and a list of bound ids would hit SQLite's variable limit.
 * On PostgreSQL `= ANY` (not `IN (SELECT unnest(…))`): the planner then knows how many ids there are
 * and reads them from an index (Analysis_facet_counts_idx) instead of one heap row per id.
 */
export function inIdSet(column: Prisma.Sql, ids: readonly number[]): Prisma.Sql {
  if (!ids.length) return noRows();
  return postgres()
    ? Prisma.sql`${column} = ANY(${`{${ids.join(",")}}`}::int[])`
    : Prisma.sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/** How many rows of the group meet `condition`, as an aggregate. */
export function countWhere(condition: Prisma.Sql): Prisma.Sql {
  return postgres() ? Prisma.sql`count(*) FILTER (WHERE ${condition})` : Prisma.sql`sum(${condition})`;
}

/** `table alias`, on SQLite forced onto `index` (its planner misjudges some gap-filtered orders). */
export function fromIndexed(table: string, alias: string, index: string): Prisma.Sql {
  const from = `"${table}" ${alias}`;
  return Prisma.raw(postgres() ? from : `${from} INDEXED BY "${index}"`);
}

/** A JSON array (as text) of `value` over the group's rows, in the rows' order; "[]" for none. */
export function jsonArrayAgg(value: Prisma.Sql): Prisma.Sql {
  return postgres() ? Prisma.sql`coalesce(json_agg(${value})::text, '[]')` : Prisma.sql`json_group_array(${value})`;
}

/** `a IS b` for values that may be NULL (NULL equals NULL). */
export function isSameValue(column: Prisma.Sql, value: unknown): Prisma.Sql {
  return postgres() ? Prisma.sql`${column} IS NOT DISTINCT FROM ${value}` : Prisma.sql`${column} IS ${value}`;
}
