// What "these failures" means, in one place: the /failures explorer, the failures API and the CSV
// export filter, count and order through here, so an export holds exactly the rows on screen.
// Plain parameterized SQL (Prisma.sql): full-text and gap filters stay subqueries, so no filter ever
// turns into thousands of bound ids, and the counts use the indexes.
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { failureMatchIds, failureMatchLinks, failureRanked, fromIndexed, isSearchable } from "../data/dialect";
import type { FailureSort } from "../domain/lists";
import { SEVERITY_RANK, type Severity } from "../domain";
import type { MineFilter, ReviewFilter } from "../filters/review-params";
import { tagLikePattern } from "../reviews/tag-match";

export interface FailureCriteria {
  /** Full-text query as typed; a query with no searchable words does not filter. */
  q?: string;
  severities: readonly string[];
  gaps: readonly string[];
  /** Any of these platforms. */
  platforms: readonly string[];
  analysisSlug?: string;
  /** Review state (issue 17): annotated by anyone, by nobody, or disputed (a disagree, or a proposed severity other than the parsed one). */
  review?: ReviewFilter;
  /** Annotated by the reviewer `viewerId`, or not (ignored without a viewer). */
  mine?: MineFilter;
  viewerId?: number;
  /** Annotated with any of these tags (lower-case; case-insensitive match). */
  tags?: readonly string[];
  /** Annotated by any of these reviewers (names). */
  reviewers?: readonly string[];
}

/** The criteria without any review filter: what the review facets count within. */
export function withoutReviewFilters(criteria: FailureCriteria): FailureCriteria {
  return { ...criteria, review: undefined, mine: undefined, tags: [], reviewers: [] };
}

/** True when a review filter narrows the failures. */
export function reviewNarrowed(criteria: FailureCriteria): boolean {
  return Boolean(
    criteria.review || (criteria.mine && criteria.viewerId !== undefined) || criteria.tags?.length || criteria.reviewers?.length,
  );
}

export type FailureFacet = "severity" | "gap" | "platform";

/** True when `q` has words the full-text index can search for. */
export function hasSearchableWords(q: string | undefined): boolean {
  return isSearchable(q);
}

// Conditions over one failure row: on Failure f (column id) or on FailureGap g (column failureId),
// which carries the failure's severity and platform too.
type Source = { alias: Prisma.Sql; id: Prisma.Sql };
const FAILURE: Source = { alias: Prisma.sql`f`, id: Prisma.sql`f."id"` };
const GAP_LINK: Source = { alias: Prisma.sql`g`, id: Prisma.sql`g."failureId"` };

function conditions(criteria: FailureCriteria, source: Source): Prisma.Sql[] {
  const { alias, id } = source;
  const parts: Prisma.Sql[] = [];
  const matching = criteria.q ? failureMatchIds(criteria.q) : null;
  if (matching) parts.push(Prisma.sql`${id} IN (${matching})`);
  if (criteria.severities.length) parts.push(Prisma.sql`${alias}."severity" IN (${Prisma.join(criteria.severities)})`);
  if (criteria.platforms.length) parts.push(Prisma.sql`${alias}."platform" IN (${Prisma.join(criteria.platforms)})`);
  if (criteria.review) parts.push(reviewCondition(criteria.review, id));
  parts.push(...reviewerConditions(criteria, id));
  if (criteria.analysisSlug) {
    parts.push(
      Prisma.sql`${id} IN (SELECT "id" FROM "Failure" WHERE "analysisId" = (SELECT "id" FROM "Analysis" WHERE "slug" = ${criteria.analysisSlug}))`,
    );
  }
  return parts;
}

/** Annotations hang on (analysisId, failure key), not on the Failure row: join through the key. */
function reviewCondition(review: ReviewFilter, id: Prisma.Sql): Prisma.Sql {
  const annotated = (extra: Prisma.Sql) =>
    Prisma.sql`SELECT r."id" FROM "Annotation" n JOIN "Failure" r ON r."analysisId" = n."analysisId" AND r."key" = n."failureKey" ${extra}`;
  if (review === "unreviewed") return Prisma.sql`${id} NOT IN (${annotated(Prisma.empty)})`;
  if (review === "disputed") {
    return Prisma.sql`${id} IN (${annotated(Prisma.sql`WHERE n."verdict" = 'disagree' OR (n."proposedSeverity" IS NOT NULL AND n."proposedSeverity" <> r."severity")`)})`;
  }
  return Prisma.sql`${id} IN (${annotated(Prisma.empty)})`;
}

/** by me, tag, reviewer: each "the failure has an annotation that …" (several tags/reviewers: any of them). */
function reviewerConditions(criteria: FailureCriteria, id: Prisma.Sql): Prisma.Sql[] {
  const annotated = (extra: Prisma.Sql) =>
    Prisma.sql`SELECT r."id" FROM "Annotation" n JOIN "Failure" r ON r."analysisId" = n."analysisId" AND r."key" = n."failureKey" WHERE ${extra}`;
  const parts: Prisma.Sql[] = [];
  if (criteria.mine && criteria.viewerId !== undefined) {
    const mine = annotated(Prisma.sql`n."reviewerId" = ${criteria.viewerId}`);
    parts.push(criteria.mine === "reviewed" ? Prisma.sql`${id} IN (${mine})` : Prisma.sql`${id} NOT IN (${mine})`);
  }
  if (criteria.tags?.length) {
    const likes = criteria.tags.map((t) => Prisma.sql`lower(n."tagsJson") LIKE ${tagLikePattern(t)} ESCAPE '!'`);
    parts.push(Prisma.sql`${id} IN (${annotated(Prisma.sql`(${Prisma.join(likes, " OR ")})`)})`);
  }
  if (criteria.reviewers?.length) {
    parts.push(
      Prisma.sql`${id} IN (${annotated(Prisma.sql`n."reviewerId" IN (SELECT "id" FROM "Reviewer" WHERE "name" IN (${Prisma.join(criteria.reviewers)}))`)})`,
    );
  }
  return parts;
}

const where = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty);

/** With a gap filter the gap links lead (covering index); otherwise the failures themselves. */
function gapLed(criteria: FailureCriteria): boolean {
  return criteria.gaps.length > 0;
}

function gapLinkWhere(criteria: FailureCriteria): Prisma.Sql {
  return where([Prisma.sql`g."gapId" IN (${Prisma.join(criteria.gaps)})`, ...conditions(criteria, GAP_LINK)]);
}

/** The set of matching failure ids as a subquery-friendly WHERE over Failure f. */
function failureWhereSql(criteria: FailureCriteria, extra: Prisma.Sql[] = []): Prisma.Sql {
  if (!gapLed(criteria)) return where([...conditions(criteria, FAILURE), ...extra]);
  return where([Prisma.sql`f."id" IN (SELECT g."failureId" FROM "FailureGap" g ${gapLinkWhere(criteria)})`, ...extra]);
}

/**
 * The criteria as conditions on each row of Failure f, a gap filter as a lookup of that failure's
 * links: for a few rows (annotated failures) instead of a pass over every matching link first.
 */
function rowConditions(criteria: FailureCriteria): Prisma.Sql[] {
  const parts = conditions(criteria, FAILURE);
  if (gapLed(criteria)) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "FailureGap" g WHERE g."failureId" = f."id" AND g."gapId" IN (${Prisma.join(criteria.gaps)}))`,
    );
  }
  return parts;
}

function orderSql(sort: FailureSort | undefined): Prisma.Sql {
  if (sort === "analysis") return Prisma.sql`ORDER BY a."title", f."analysisId", f."number"`;
  if (sort === "recent") return Prisma.sql`ORDER BY a."updatedAt" DESC, f."analysisId" DESC, f."number"`;
  // Severity first; within a severity, analyses in the order they were stored (an index covers it).
  return Prisma.sql`ORDER BY f."severityRank", f."analysisId", f."number"`;
}

type Count = { n: number | bigint };

export async function countFailures(criteria: FailureCriteria): Promise<number> {
  const rows = gapLed(criteria)
    ? await prisma.$queryRaw<Count[]>`SELECT count(DISTINCT g."failureId") AS n FROM "FailureGap" g ${gapLinkWhere(criteria)}`
    : await prisma.$queryRaw<Count[]>`SELECT count(*) AS n FROM "Failure" f ${where(conditions(criteria, FAILURE))}`;
  return Number(rows[0]?.n ?? 0);
}

/** Ids of one window of matching failures, in display order ("relevance": bm25, best first). */
export async function failureIdsPage(
  criteria: FailureCriteria,
  sort: FailureSort | undefined,
  window: { skip: number; take: number },
  /** Matches per severity under every other filter (the tally's severity facet), when known. */
  perSeverity?: ReadonlyMap<string, number>,
): Promise<number[]> {
  const ranked = criteria.q ? failureRanked(criteria.q, criteria) : null;
  if (sort === "relevance" && ranked) {
    const rest = conditions({ ...criteria, q: undefined }, FAILURE);
    if (gapLed(criteria))
      rest.push(Prisma.sql`f."id" IN (SELECT g."failureId" FROM "FailureGap" g WHERE g."gapId" IN (${Prisma.join(criteria.gaps)}))`);
    const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
      SELECT f."id" AS id FROM (${ranked}) x
      JOIN "Failure" f ON f."id" = x.id ${where(rest)}
      ORDER BY x.r, f."severityRank", f."id" LIMIT ${window.take} OFFSET ${window.skip}`;
    return rows.map((r) => Number(r.id));
  }
  const byAnalysis = sort === "analysis" || sort === "recent";
  if (!perSeverity) return orderedIds(criteria, sort, window);
  if (!byAnalysis) return severityWindows(criteria, perSeverity, window);
  const matches = [...perSeverity].reduce((sum, [severity, n]) => (wantsSeverity(criteria, severity) ? sum + n : sum), 0);
  const [all] = await prisma.$queryRaw<{ n: number | bigint | null }[]>`SELECT sum("failures") AS n FROM "FailureFacet"`;
  // Walking the analyses in order visits about (window end) × all / matches failures; fetching and
  // sorting the matches visits each once: walk when that is fewer.
  const walk = matches * matches > (window.skip + window.take) * Number(all?.n ?? 0);
  return walk ? walkedIds(criteria, sort, window) : orderedIds(criteria, sort, window);
}

/** Whether failures of `severity` can match the criteria (no severity filter takes every one). */
function wantsSeverity(criteria: FailureCriteria, severity: string): boolean {
  return !criteria.severities.length || criteria.severities.includes(severity);
}

/**
 * One window in an analysis order, walking the analyses in that order (their title or date index) and
 * each one's failures by number, testing each failure against the criteria, until the window is full:
 * a broad filter (a gap a quarter of the failures have) no longer fetches and sorts every match.
 * CROSS JOIN keeps the analyses as SQLite's outer loop.
 */
async function walkedIds(
  criteria: FailureCriteria,
  sort: "analysis" | "recent",
  window: { skip: number; take: number },
): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT f."id" AS id FROM "Analysis" a CROSS JOIN "Failure" f
    ${where([Prisma.sql`f."analysisId" = a."id"`, ...rowConditions(criteria)])}
    ${orderSql(sort)} LIMIT ${window.take} OFFSET ${window.skip}`;
  return rows.map((r) => Number(r.id));
}

async function orderedIds(
  criteria: FailureCriteria,
  sort: FailureSort | undefined,
  window: { skip: number; take: number },
): Promise<number[]> {
  const join = sort === "analysis" || sort === "recent" ? Prisma.sql`JOIN "Analysis" a ON a."id" = f."analysisId"` : Prisma.empty;
  // Gap-filtered, in the default order: walk the order's index and test each id against the gap
  // links (index-only, stops after one page) instead of fetching and sorting every match: 19 → 4 ms
  // for two broad gaps at 118k failures, and never more than one pass over that index.
  const from =
    join === Prisma.empty && gapLed(criteria)
      ? fromIndexed("Failure", "f", "Failure_severityRank_analysisId_number_idx")
      : Prisma.sql`"Failure" f`;
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT f."id" AS id FROM ${from} ${join} ${failureWhereSql(criteria)} ${orderSql(sort)} LIMIT ${window.take} OFFSET ${window.skip}`;
  return rows.map((r) => Number(r.id));
}

/**
 * The default order (severity first) as one run per severity rank: with the matches counted per
 * severity (the tally's severity facet under the same filters), a window falls in one or two ranks,
 * each read with `severityRank = r` from the start of that rank's stretch of the order index instead
 * of walking the ranks before it (medium and low failures of one platform: every critical and high
 * failure was passed over first).
 */
async function severityWindows(
  criteria: FailureCriteria,
  perSeverity: ReadonlyMap<string, number>,
  window: { skip: number; take: number },
): Promise<number[]> {
  const ranks = new Map<number, number>();
  for (const [severity, count] of perSeverity) {
    if (!wantsSeverity(criteria, severity) || count <= 0) continue;
    // The store's rank of a severity (lib/data/store.ts).
    const rank = SEVERITY_RANK[severity as Severity] ?? SEVERITY_RANK.unknown;
    ranks.set(rank, (ranks.get(rank) ?? 0) + count);
  }
  const runs: Promise<number[]>[] = [];
  let start = 0;
  for (const [rank, count] of [...ranks].sort((a, b) => a[0] - b[0])) {
    const from = Math.max(window.skip, start);
    const to = Math.min(window.skip + window.take, start + count);
    if (from < to) runs.push(rankIds(rank, criteria, { skip: from - start, take: to - from }));
    start += count;
  }
  return (await Promise.all(runs)).flat();
}

async function rankIds(rank: number, criteria: FailureCriteria, window: { skip: number; take: number }): Promise<number[]> {
  const from = gapLed(criteria) ? fromIndexed("Failure", "f", "Failure_severityRank_analysisId_number_idx") : Prisma.sql`"Failure" f`;
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT f."id" AS id FROM ${from} ${failureWhereSql(criteria, [Prisma.sql`f."severityRank" = ${rank}`])}
    ORDER BY f."analysisId", f."number" LIMIT ${window.take} OFFSET ${window.skip}`;
  return rows.map((r) => Number(r.id));
}

type TallyRow = { gapId?: string; severity: string; platform: string | null; primary?: number | bigint | boolean; n: number | bigint };

export interface FailureTally {
  /** Failures matching every filter. */
  total: number;
  /** Counts per severity, gap and platform, each with the *other* filters applied. */
  facets: Record<FailureFacet, Map<string, number>>;
}

/**
 * The total and every facet from grouped scans instead of one query per facet: matching failures
 * counted per (severity, platform), and gap links per (gap, severity, platform); the severity and
 * platform filters are then applied here, per facet.
 * - No full-text or analysis filter: the gap links come pre-counted (GapFacet), and so do the failures
 *   per (severity, platform) without a gap filter (FailureFacet).
 * - Otherwise one pass over the matching failures' links serves both: each failure has exactly one
 *   primary (rank 0) link, so the primary links count the failures.
 * - A gap filter needs the failures that have any of the gaps, counted once: a query of its own, but
 *   for one gap, whose links are its failures, and for two gaps and nothing else, whose pre-counted
 *   links less the failures having both are its failures.
 */
export async function tallyFailures(criteria: FailureCriteria): Promise<FailureTally> {
  const narrowed = hasSearchableWords(criteria.q) || Boolean(criteria.analysisSlug) || reviewNarrowed(criteria);
  // With a text query, only the matching failures' links (the match reads them itself where it can).
  const matched = criteria.q ? failureMatchLinks(criteria.q) : null;
  const from = matched ? Prisma.sql`(${matched}) g` : Prisma.sql`"FailureGap" g`;
  const bare: FailureCriteria = { ...criteria, q: matched ? undefined : criteria.q, severities: [], platforms: [] };
  const links = narrowed
    ? prisma.$queryRaw<TallyRow[]>`
        SELECT g."gapId" AS "gapId", g."severity" AS severity, g."platform" AS platform, g."rank" = 0 AS "primary", count(*) AS n
        FROM ${from} ${where(conditions(bare, GAP_LINK))} GROUP BY 1, 2, 3, 4`
    : prisma.$queryRaw<TallyRow[]>`SELECT "gapId" AS "gapId", "severity" AS severity, "platform" AS platform, "links" AS n FROM "GapFacet"`;
  // One gap: a failure has at most one link to it, so its links (above) count its failures.
  const oneGap = criteria.gaps.length === 1 ? criteria.gaps[0] : undefined;
  const pairs = oneGap
    ? null
    : criteria.gaps.length === 2 && !narrowed
      ? twoGapFailures(links, criteria.gaps[0]!, criteria.gaps[1]!)
      : gapLed(criteria)
        ? prisma.$queryRaw<TallyRow[]>`
        SELECT g."severity" AS severity, g."platform" AS platform, count(DISTINCT g."failureId") AS n
        FROM ${from} ${gapLinkWhere(bare)} GROUP BY 1, 2`
        : narrowed
          ? null
          : prisma.$queryRaw<
              TallyRow[]
            >`SELECT "severity" AS severity, "platform" AS platform, sum("failures") AS n FROM "FailureFacet" GROUP BY 1, 2`;
  const [linkRows, pairRows] = await Promise.all([links, pairs]);
  const failureRows =
    pairRows ?? (oneGap ? linkRows.filter((row) => row.gapId === oneGap) : linkRows.filter((row) => Number(row.primary) === 1));

  const severityOk = (row: TallyRow) => !criteria.severities.length || criteria.severities.includes(row.severity);
  const platformOk = (row: TallyRow) => !criteria.platforms.length || (row.platform !== null && criteria.platforms.includes(row.platform));
  const tally = (rows: TallyRow[], key: (row: TallyRow) => string | null | undefined, keep: (row: TallyRow) => boolean) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = key(row);
      if (value != null && keep(row)) counts.set(value, (counts.get(value) ?? 0) + Number(row.n));
    }
    return counts;
  };
  const total = failureRows.reduce((sum, row) => (severityOk(row) && platformOk(row) ? sum + Number(row.n) : sum), 0);
  return {
    total,
    facets: {
      severity: tally(failureRows, (row) => row.severity, platformOk),
      platform: tally(failureRows, (row) => row.platform, severityOk),
      gap: tally(
        linkRows,
        (row) => row.gapId,
        (row) => severityOk(row) && platformOk(row),
      ),
    },
  };
}

/**
 * Failures having gap `a` or gap `b`, per (severity, platform), nothing else narrowing them: the
 * links of each (pre-counted in GapFacet, `facetLinks`) less the failures having both (a join of
 * the two gaps' index ranges). Counting the distinct failures of both gaps' links instead sorts or
 * hashes every link: 85 against 36 ms for two broad gaps at 400,000 failures on PostgreSQL.
 */
async function twoGapFailures(facetLinks: Promise<TallyRow[]>, a: string, b: string): Promise<TallyRow[]> {
  const [links, both] = await Promise.all([
    facetLinks,
    prisma.$queryRaw<TallyRow[]>`
      SELECT x."severity" AS severity, x."platform" AS platform, count(*) AS n
      FROM "FailureGap" x JOIN "FailureGap" y ON y."failureId" = x."failureId" AND y."gapId" = ${b}
      WHERE x."gapId" = ${a} GROUP BY 1, 2`,
  ]);
  const counts = new Map<string, TallyRow>();
  const add = (row: TallyRow, sign: number) => {
    const key = JSON.stringify([row.severity, row.platform]);
    const sum = counts.get(key) ?? { severity: row.severity, platform: row.platform, n: 0 };
    counts.set(key, { ...sum, n: Number(sum.n) + sign * Number(row.n) });
  };
  for (const row of links) if (row.gapId === a || row.gapId === b) add(row, 1);
  if (a !== b) for (const row of both) add(row, -1);
  return [...counts.values()].filter((row) => Number(row.n) > 0);
}

/** One annotation of a failure matching the criteria without review filters (for the review facets). */
export interface FailureAnnotationRow {
  failureId: number;
  reviewerId: number;
  reviewer: string;
  verdict: string;
  proposedSeverity: string | null;
  severity: string;
  tagsJson: string;
}

/**
 * The review facets' inputs: the annotations of the failures that match every filter but the review
 * ones, and how many failures that is. Annotations are written by people (thousands, not millions),
 * so they are read whole and counted per facet in lib/reviews/review-facets.ts; each annotation's
 * failure is tested against the criteria (CROSS JOIN: SQLite keeps the annotations as the outer loop
 * instead of walking every failure of a severity first).
 */
export async function failureAnnotationsFor(
  criteria: FailureCriteria,
  /** How many failures match without the review filters, when the caller counted them already. */
  known?: Promise<number>,
): Promise<{ rows: FailureAnnotationRow[]; total: number }> {
  const base = withoutReviewFilters(criteria);
  const [rows, total] = await Promise.all([
    prisma.$queryRaw<
      (Omit<FailureAnnotationRow, "failureId" | "reviewerId"> & { failureId: number | bigint; reviewerId: number | bigint })[]
    >`
      SELECT f."id" AS "failureId", n."reviewerId" AS "reviewerId", v."name" AS "reviewer", n."verdict" AS "verdict",
             n."proposedSeverity" AS "proposedSeverity", f."severity" AS "severity", n."tagsJson" AS "tagsJson"
      FROM "Annotation" n
      CROSS JOIN "Failure" f
      JOIN "Reviewer" v ON v."id" = n."reviewerId"
      ${where([Prisma.sql`f."analysisId" = n."analysisId" AND f."key" = n."failureKey"`, ...rowConditions(base)])}`,
    known ?? countFailures(base),
  ]);
  return { rows: rows.map((r) => ({ ...r, failureId: Number(r.failureId), reviewerId: Number(r.reviewerId) })), total };
}
