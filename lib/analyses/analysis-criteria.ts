// What "these analyses" means, in one place: the /analyses page, the analyses API and its CSV export
// filter, count and sort through here, so an export holds exactly the rows on screen. Plain
// parameterized SQL (Prisma.sql): full-text and gap filters stay subqueries, never lists of bound ids.
//
// Severity, knowledge gap and platform describe failures: together they select analyses having ONE
// failure that matches all of them (a critical *secrets* failure, not a critical failure and,
// elsewhere, a secrets one). Each takes several values, meaning any of them. A gap alone keeps its
// first meaning: the analysis names the gap, or one of its failures has it.
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import {
  analysisMatchIds,
  analysisRanked,
  countWhere,
  failureMatchAnalysisIds,
  failureRankedAnalyses,
  inIdSet,
  isSearchable,
  noRows,
} from "../data/dialect";
import type { AnalysisSort, SortDirection, WarningFilter } from "../domain/lists";
import { SEVERITIES, type Severity } from "../domain";
import type { AnalysisReviewFilter, MineFilter } from "../filters/review-params";
import { tagLikePattern } from "../reviews/tag-match";
import type { AnalysisAnnotationRow, AnalysisReviewRow } from "../reviews/review-facets";

export interface AnalysisCriteria {
  /** Full-text query as typed: matches an analysis's own text or any of its failures' text and code. */
  q?: string;
  /**
   * The ids of the analyses `q` matches, when already read (withTextMatches): the queries of one
   * request then read this set instead of each evaluating the full-text match again.
   */
  textIds?: readonly number[];
  severities: readonly Severity[];
  gaps: readonly string[];
  /** Any of these platforms. */
  platforms?: readonly string[];
  /** One more platform (the /scores filter), joined with `platforms`. */
  platform?: string;
  /** Bounds on the /10 score; swapped when given the wrong way round. */
  minScore?: number;
  maxScore?: number;
  warnings?: WarningFilter;
  /** Issue 17: ticked reviewed by anyone / nobody, a failure disputed, outdated annotations. */
  review?: AnalysisReviewFilter;
  /** Ticked reviewed by the reviewer `viewerId`, or not (ignored without a viewer). */
  mine?: MineFilter;
  viewerId?: number;
  /** One of its annotations has any of these tags (lower-case; case-insensitive match). */
  tags?: readonly string[];
  /** Ticked, commented or annotated by any of these reviewers (names). */
  reviewers?: readonly string[];
}

/** True when a review filter narrows the criteria (they then differ from withoutReviewFilters'). */
export function hasReviewFilters(criteria: AnalysisCriteria): boolean {
  return Boolean(
    criteria.review || (criteria.mine && criteria.viewerId !== undefined) || criteria.tags?.length || criteria.reviewers?.length,
  );
}

/** The criteria without any review filter: what the review facets count within. */
export function withoutReviewFilters<C extends AnalysisCriteria>(criteria: C): C {
  return { ...criteria, review: undefined, mine: undefined, tags: [], reviewers: [] };
}

export type AnalysisFacet = "severity" | "gap" | "platform";

const COUNT_COLUMN: Record<Severity, Prisma.Sql> = {
  critical: Prisma.sql`a."criticalCount"`,
  high: Prisma.sql`a."highCount"`,
  medium: Prisma.sql`a."mediumCount"`,
  low: Prisma.sql`a."lowCount"`,
  unknown: Prisma.sql`a."unknownCount"`,
};

function platformsOf(criteria: AnalysisCriteria): string[] {
  return [...new Set([...(criteria.platforms ?? []), ...(criteria.platform ? [criteria.platform] : [])])];
}

/** Ids of analyses whose own text, or one of whose failures' text or code, matches `q` (searchable). */
function textMatchSql(q: string): Prisma.Sql {
  return Prisma.sql`${analysisMatchIds(q)!} UNION ${failureMatchAnalysisIds(q)!}`;
}

/**
 * The criteria with the analyses their text query matches read once (`textIds`), for a request that
 * counts, tallies and pages the same criteria: on PostgreSQL at 50,000 analyses one evaluation of a
 * prefix query costs tens of milliseconds, and a page made eight of them. Without a searchable query
 * the criteria come back as they are.
 */
export async function withTextMatches<C extends AnalysisCriteria>(criteria: C): Promise<C> {
  if (!criteria.q || !isSearchable(criteria.q) || criteria.textIds) return criteria;
  // One column, named by the engine ("id" or "rowid"); the union has each analysis once.
  const rows = await prisma.$queryRaw<Record<string, number | bigint>[]>(textMatchSql(criteria.q));
  return { ...criteria, textIds: rows.map((r) => Number(Object.values(r)[0])).sort((x, y) => x - y) };
}

/** Conditions over Analysis a that are not about failures: text, score, warnings. */
function analysisConditions(criteria: AnalysisCriteria): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (criteria.q) {
    // A query of punctuation only matches nothing.
    if (!isSearchable(criteria.q)) parts.push(noRows());
    else parts.push(criteria.textIds ? inIdSet(Prisma.sql`a."id"`, criteria.textIds) : Prisma.sql`a."id" IN (${textMatchSql(criteria.q)})`);
  }
  const { minScore, maxScore } = criteria;
  const [min, max] = minScore !== undefined && maxScore !== undefined && minScore > maxScore ? [maxScore, minScore] : [minScore, maxScore];
  if (min !== undefined) parts.push(Prisma.sql`a."scoreNorm" >= ${min}`);
  if (max !== undefined) parts.push(Prisma.sql`a."scoreNorm" <= ${max}`);
  if (criteria.warnings === "yes") parts.push(Prisma.sql`a."warningCount" > 0`);
  if (criteria.warnings === "no") parts.push(Prisma.sql`a."warningCount" = 0`);
  parts.push(...reviewConditions(criteria));
  return parts;
}

// Review conditions (issue 17), each a correlated EXISTS over Analysis a. A tick counts while the
// document is the one ticked (viewedHash = contentHash); annotations hang on failure keys, a key the
// analysis no longer has being "outdated".
const TICKED = Prisma.sql`SELECT 1 FROM "AnalysisReview" v WHERE v."analysisId" = a."id" AND v."viewedAt" IS NOT NULL AND v."viewedHash" = a."contentHash"`;
const ANNOTATED = Prisma.sql`SELECT 1 FROM "Annotation" n WHERE n."analysisId" = a."id"`;

function reviewConditions(criteria: AnalysisCriteria): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  const { review, mine, viewerId } = criteria;
  if (review === "reviewed") parts.push(Prisma.sql`EXISTS (${TICKED})`);
  if (review === "unreviewed") parts.push(Prisma.sql`NOT EXISTS (${TICKED})`);
  if (review === "disputed") {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" n JOIN "Failure" r ON r."analysisId" = n."analysisId" AND r."key" = n."failureKey"
      WHERE n."analysisId" = a."id" AND (n."verdict" = 'disagree' OR (n."proposedSeverity" IS NOT NULL AND n."proposedSeverity" <> r."severity")))`);
  }
  if (review === "outdated") {
    parts.push(
      Prisma.sql`EXISTS (${ANNOTATED} AND NOT EXISTS (SELECT 1 FROM "Failure" r WHERE r."analysisId" = n."analysisId" AND r."key" = n."failureKey"))`,
    );
  }
  if (mine && viewerId !== undefined) {
    const ticked = Prisma.sql`EXISTS (${TICKED} AND v."reviewerId" = ${viewerId})`;
    parts.push(mine === "reviewed" ? ticked : Prisma.sql`NOT ${ticked}`);
  }
  if (criteria.tags?.length) {
    const likes = criteria.tags.map((t) => Prisma.sql`lower(n."tagsJson") LIKE ${tagLikePattern(t)} ESCAPE '!'`);
    parts.push(Prisma.sql`EXISTS (${ANNOTATED} AND (${Prisma.join(likes, " OR ")}))`);
  }
  if (criteria.reviewers?.length) {
    const ids = Prisma.sql`SELECT "id" FROM "Reviewer" WHERE "name" IN (${Prisma.join(criteria.reviewers)})`;
    parts.push(Prisma.sql`(EXISTS (${ANNOTATED} AND n."reviewerId" IN (${ids}))
      OR EXISTS (SELECT 1 FROM "AnalysisReview" v WHERE v."analysisId" = a."id" AND v."reviewerId" IN (${ids}) AND (v."viewedAt" IS NOT NULL OR v."comment" <> '')))`);
  }
  return parts;
}

/** Conditions over Analysis a for the failure filters: one failure matching severity, gap and platform. */
function failureConditions(criteria: AnalysisCriteria): Prisma.Sql[] {
  const platforms = platformsOf(criteria);
  const { severities, gaps } = criteria;
  const parts: Prisma.Sql[] = [];
  // A failure's platform is its analysis's (denormalized onto Failure and FailureGap).
  if (platforms.length) parts.push(Prisma.sql`a."platform" IN (${Prisma.join(platforms)})`);
  if (severities.length && gaps.length) {
    // The failures' gap links carry their severity and platform, so one index answers.
    const platform = platforms.length ? Prisma.sql`AND "platform" IN (${Prisma.join(platforms)})` : Prisma.empty;
    parts.push(Prisma.sql`a."id" IN (SELECT "analysisId" FROM "FailureGap"
      WHERE "gapId" IN (${Prisma.join(gaps)}) AND "severity" IN (${Prisma.join(severities)}) ${platform})`);
  } else if (severities.length) {
    parts.push(
      Prisma.sql`(${Prisma.join(
        severities.map((s) => Prisma.sql`${COUNT_COLUMN[s]} > 0`),
        " OR ",
      )})`,
    );
  } else if (gaps.length) {
    // The stored (analysis, gap) pairs (migration 0020) carry the platform: one index answers both.
    const platform = platforms.length ? Prisma.sql`AND "platform" IN (${Prisma.join(platforms)})` : Prisma.empty;
    parts.push(Prisma.sql`a."id" IN (SELECT "analysisId" FROM "AnalysisGapPair" WHERE "gapId" IN (${Prisma.join(gaps)}) ${platform})`);
  }
  return parts;
}

const where = (parts: Prisma.Sql[]) => (parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty);

/** WHERE over Analysis a for these criteria (also used by /scores, whose filters mean the same). */
export function analysisWhereSql(criteria: AnalysisCriteria): Prisma.Sql {
  return where([...analysisConditions(criteria), ...failureConditions(criteria)]);
}

function orderSql(sort: AnalysisSort, dir: SortDirection): Prisma.Sql {
  const d = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  if (sort === "score") return Prisma.sql`ORDER BY a."scoreNorm" IS NULL, a."scoreNorm" ${d}, a."title", a."id"`;
  if (sort === "critical") return Prisma.sql`ORDER BY a."criticalCount" ${d}, a."highCount" ${d}, a."title", a."id"`;
  if (sort === "title") return Prisma.sql`ORDER BY a."title" ${d}, a."id"`;
  return Prisma.sql`ORDER BY a."updatedAt" ${d}, a."title", a."id"`;
}

export async function countAnalyses(criteria: AnalysisCriteria): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "Analysis" a ${analysisWhereSql(criteria)}`;
  return Number(rows[0]?.n ?? 0);
}

/**
 * Ids of one window of matching analyses, in display order. "relevance" (with a query) ranks by
 * bm25: an analysis ranks by its best row, its own or one of its failures'; ties newest first.
 */
export async function analysisIdsPage(
  criteria: AnalysisCriteria,
  sort: AnalysisSort,
  dir: SortDirection,
  window: { skip: number; take: number },
): Promise<number[]> {
  const q = criteria.q && isSearchable(criteria.q) ? criteria.q : null;
  if (sort === "relevance" && q) return relevancePage(criteria, q, window);
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    SELECT a."id" AS id FROM "Analysis" a ${analysisWhereSql(criteria)}
    ${orderSql(sort === "relevance" ? "date" : sort, dir)} LIMIT ${window.take} OFFSET ${window.skip}`;
  return rows.map((r) => Number(r.id));
}

/**
 * One window of the analyses a text query matches, best first: an analysis ranks by its best row, its
 * own or one of its failures'; ties newest first. With no other filter, only the analyses ranked no
 * worse than the window's last are joined for their date (the rest cannot reach the window): 9,000
 * matches at 50,000 analyses otherwise meant 9,000 row lookups for one page.
 */
async function relevancePage(criteria: AnalysisCriteria, q: string, window: { skip: number; take: number }): Promise<number[]> {
  const conditions = [...analysisConditions({ ...criteria, q: undefined, textIds: undefined }), ...failureConditions(criteria)];
  const cut = conditions.length
    ? Prisma.empty
    : Prisma.sql`WHERE h.r <= (SELECT max(r) FROM (SELECT r FROM h ORDER BY r LIMIT ${window.skip + window.take}) w)`;
  const rows = await prisma.$queryRaw<{ id: number | bigint }[]>`
    WITH hits(id, r) AS (
      SELECT y.id, y.r FROM (${analysisRanked(q)!}) y
      UNION ALL
      SELECT x.id, x.r FROM (${failureRankedAnalyses(q)!}) x
    ), h AS (SELECT id, min(r) AS r FROM hits GROUP BY id)
    SELECT a."id" AS id FROM (SELECT * FROM h ${cut}) h JOIN "Analysis" a ON a."id" = h.id ${where(conditions)}
    ORDER BY h.r, a."updatedAt" DESC, a."id" LIMIT ${window.take} OFFSET ${window.skip}`;
  return rows.map((r) => Number(r.id));
}

type FacetRow = { k: string | null; n: number | bigint };

/**
 * Analyses per gap, a gap alone meaning the analysis names it or one of its failures has it: the
 * stored distinct (analysis, gap) pairs (migration 0020) of the analyses in `scope`, counted from
 * their primary key alone.
 */
function gapPairCounts(scope: Prisma.Sql): Promise<FacetRow[]> {
  return prisma.$queryRaw<FacetRow[]>`
    SELECT p."gapId" AS k, count(*) AS n FROM "AnalysisGapPair" p
    WHERE p."analysisId" IN (SELECT a."id" FROM "Analysis" a ${scope}) GROUP BY 1`;
}

/**
 * The same for the analyses a text query matched (`textIds`) and nothing else but platforms, which
 * the pairs carry: the pairs read by their analysis id, without going through Analysis (PostgreSQL
 * otherwise hashes every pair: 60 against 24 ms for 9,477 matches at 50,000 analyses).
 */
function textPairCounts(textIds: readonly number[], platforms: readonly string[]): Promise<FacetRow[]> {
  const platform = platforms.length ? Prisma.sql`AND p."platform" IN (${Prisma.join(platforms)})` : Prisma.empty;
  return prisma.$queryRaw<FacetRow[]>`
    SELECT p."gapId" AS k, count(*) AS n FROM "AnalysisGapPair" p
    WHERE ${inIdSet(Prisma.sql`p."analysisId"`, textIds)} ${platform} GROUP BY 1`;
}

type FacetCounts = Record<AnalysisFacet, Map<string, number>>;

const toMap = (rows: FacetRow[]) => new Map(rows.flatMap((r) => (r.k === null ? [] : [[r.k, Number(r.n)] as [string, number]])));

/** The links carry their analysis and its platform: the analyses are joined only for their own conditions. */
function linksOf(base: Prisma.Sql[]): Prisma.Sql {
  return base.length ? Prisma.sql`"FailureGap" g JOIN "Analysis" a ON a."id" = g."analysisId"` : Prisma.sql`"FailureGap" g`;
}

const inPlatforms = (platforms: readonly string[], column: Prisma.Sql) =>
  platforms.length ? [Prisma.sql`${column} IN (${Prisma.join(platforms)})`] : [];

/**
 * Distinct analyses per value of the gap links' `key` column, among the links meeting `filter`, the
 * platforms and the analyses' own conditions (`base`): a facet when severity and gap filters meet on
 * one link.
 */
function analysesPerLink(
  key: "severity" | "gapId",
  filter: Prisma.Sql,
  base: Prisma.Sql[],
  platforms: readonly string[],
): Promise<FacetRow[]> {
  return prisma.$queryRaw<FacetRow[]>`
    SELECT g.${Prisma.raw(`"${key}"`)} AS k, count(DISTINCT g."analysisId") AS n FROM ${linksOf(base)}
    ${where([filter, ...inPlatforms(platforms, Prisma.sql`g."platform"`), ...base])} GROUP BY 1`;
}

/** Analyses per severity (a failure of it), every filter but severity applied. */
function severityFacet(criteria: AnalysisCriteria): Promise<FacetRow[]> {
  const base = analysisConditions(criteria);
  const platforms = platformsOf(criteria);
  if (criteria.gaps.length) {
    return analysesPerLink("severity", Prisma.sql`g."gapId" IN (${Prisma.join(criteria.gaps)})`, base, platforms);
  }
  return prisma.$queryRaw<Record<Severity, number | bigint | null>[]>`
    SELECT ${Prisma.join(SEVERITIES.map((s) => Prisma.sql`${countWhere(Prisma.sql`${COUNT_COLUMN[s]} > 0`)} AS ${Prisma.raw(`"${s}"`)}`))}
    FROM "Analysis" a ${where([...inPlatforms(platforms, Prisma.sql`a."platform"`), ...base])}`.then(([row]) =>
    SEVERITIES.map((s) => ({ k: s, n: row?.[s] ?? 0 })),
  );
}

/** Analyses per gap (the analysis names it or a failure has it), every filter but gaps applied. */
function gapFacet(criteria: AnalysisCriteria): Promise<FacetRow[]> {
  const base = analysisConditions(criteria);
  const platforms = platformsOf(criteria);
  if (criteria.severities.length) {
    return analysesPerLink("gapId", Prisma.sql`g."severity" IN (${Prisma.join(criteria.severities)})`, base, platforms);
  }
  if (criteria.textIds && analysisConditions({ ...criteria, q: undefined, textIds: undefined }).length === 0) {
    return textPairCounts(criteria.textIds, platforms);
  }
  if (base.length) return gapPairCounts(where([...inPlatforms(platforms, Prisma.sql`a."platform"`), ...base]));
  // Nothing but platforms narrows the analyses: the pairs come pre-counted (lib/data/gap-facet.ts).
  return prisma.$queryRaw<FacetRow[]>`
    SELECT "gapId" AS k, sum("analyses") AS n FROM "AnalysisGapFacet" ${where(inPlatforms(platforms, Prisma.sql`"platform"`))} GROUP BY 1`;
}

/** Analyses per platform, every filter but platforms applied. */
function platformFacet(criteria: AnalysisCriteria): Promise<FacetRow[]> {
  const { gaps, severities } = criteria;
  // One gap and nothing else: its analyses per platform come pre-counted.
  if (gaps.length === 1 && !severities.length && !analysisConditions(criteria).length) {
    return prisma.$queryRaw<FacetRow[]>`
      SELECT "platform" AS k, sum("analyses") AS n FROM "AnalysisGapFacet" WHERE "gapId" = ${gaps[0]} GROUP BY 1`;
  }
  return prisma.$queryRaw<FacetRow[]>`
    SELECT a."platform" AS k, count(*) AS n FROM "Analysis" a
    ${analysisWhereSql({ ...criteria, platforms: [], platform: undefined })} GROUP BY 1`;
}

/**
 * Counts of matching analyses per severity, gap and platform, each with the *other* filters applied
 * (so a count is what ticking that box alone, next to the others, would show).
 */
export async function tallyAnalyses(
  criteria: AnalysisCriteria,
  /** false: leave the severity facet out (empty), for a page that shows none (/scores). */
  options: { severity?: boolean } = {},
): Promise<FacetCounts> {
  const [severity, gap, platform] = await Promise.all([
    options.severity === false ? [] : severityFacet(criteria),
    gapFacet(criteria),
    platformFacet(criteria),
  ]);
  return { severity: toMap(severity), gap: toMap(gap), platform: toMap(platform) };
}

/**
 * countAnalyses and tallyAnalyses for one page. Without a gap filter, the count and the severity and
 * platform facets are one grouped pass over the matching analyses (per platform: how many, how many
 * have each severity, how many have a wanted one) instead of three; for a text query at 50,000
 * analyses each pass reads thousands of ids.
 */
export async function countAndTallyAnalyses(criteria: AnalysisCriteria): Promise<{ total: number; facets: FacetCounts }> {
  if (criteria.gaps.length) {
    const [total, facets] = await Promise.all([countAnalyses(criteria), tallyAnalyses(criteria)]);
    return { total, facets };
  }
  const platforms = platformsOf(criteria);
  const wanted = criteria.severities.length
    ? countWhere(
        Prisma.sql`(${Prisma.join(
          criteria.severities.map((s) => Prisma.sql`${COUNT_COLUMN[s]} > 0`),
          " OR ",
        )})`,
      )
    : Prisma.sql`count(*)`;
  type Group = Record<Severity, number | bigint | null> & { k: string | null; wanted: number | bigint | null };
  const [groups, gap] = await Promise.all([
    prisma.$queryRaw<Group[]>`
      SELECT a."platform" AS k, ${wanted} AS "wanted",
        ${Prisma.join(SEVERITIES.map((s) => Prisma.sql`${countWhere(Prisma.sql`${COUNT_COLUMN[s]} > 0`)} AS ${Prisma.raw(`"${s}"`)}`))}
      FROM "Analysis" a ${where(analysisConditions(criteria))} GROUP BY 1`,
    gapFacet(criteria),
  ]);
  const kept = groups.filter((g) => !platforms.length || (g.k !== null && platforms.includes(g.k)));
  const sum = (rows: Group[], value: (g: Group) => number | bigint | null) => rows.reduce((n, g) => n + Number(value(g) ?? 0), 0);
  return {
    total: sum(kept, (g) => g.wanted),
    facets: {
      severity: new Map(SEVERITIES.map((s) => [s, sum(kept, (g) => g[s])])),
      gap: toMap(gap),
      platform: toMap(groups.filter((g) => Number(g.wanted) > 0).map((g) => ({ k: g.k, n: g.wanted ?? 0 }))),
    },
  };
}

/**
 * The review facets' inputs: annotations and ticks/comments of the analyses matching every filter but
 * the review ones, and how many such analyses there are (people write reviews: read whole, counted in
 * lib/reviews/review-facets.ts).
 */
export async function analysisReviewsFor(
  criteria: AnalysisCriteria,
  /** countAnalyses(criteria) when the caller counts it anyway: without review filters it is the same count. */
  counted?: Promise<number>,
): Promise<{ annotations: AnalysisAnnotationRow[]; reviews: AnalysisReviewRow[]; total: number }> {
  const base = withoutReviewFilters(criteria);
  type Id = number | bigint;
  const [annotations, reviews, total] = await Promise.all([
    prisma.$queryRaw<(Omit<AnalysisAnnotationRow, "analysisId" | "reviewerId"> & { analysisId: Id; reviewerId: Id })[]>`
      SELECT n."analysisId" AS "analysisId", n."reviewerId" AS "reviewerId", w."name" AS "reviewer", n."verdict" AS "verdict",
             n."proposedSeverity" AS "proposedSeverity", r."severity" AS "severity", n."tagsJson" AS "tagsJson"
      FROM "Annotation" n
      JOIN "Analysis" a ON a."id" = n."analysisId"
      JOIN "Reviewer" w ON w."id" = n."reviewerId"
      LEFT JOIN "Failure" r ON r."analysisId" = n."analysisId" AND r."key" = n."failureKey"
      ${analysisWhereSql(base)}`,
    prisma.$queryRaw<
      { analysisId: Id; reviewerId: Id; reviewer: string; ticked: Id | boolean; current: Id | boolean | null; commented: Id | boolean }[]
    >`
      SELECT v."analysisId" AS "analysisId", v."reviewerId" AS "reviewerId", w."name" AS "reviewer",
             (v."viewedAt" IS NOT NULL) AS "ticked", (v."viewedAt" IS NOT NULL AND v."viewedHash" = a."contentHash") AS "current",
             (v."comment" <> '') AS "commented"
      FROM "AnalysisReview" v
      JOIN "Analysis" a ON a."id" = v."analysisId"
      JOIN "Reviewer" w ON w."id" = v."reviewerId"
      ${analysisWhereSql(base)}`,
    counted && !hasReviewFilters(criteria) ? counted : countAnalyses(base),
  ]);
  return {
    annotations: annotations.map((r) => ({ ...r, analysisId: Number(r.analysisId), reviewerId: Number(r.reviewerId) })),
    reviews: reviews.map((r) => ({
      analysisId: Number(r.analysisId),
      reviewerId: Number(r.reviewerId),
      reviewer: r.reviewer,
      ticked: Boolean(Number(r.ticked)),
      current: Boolean(Number(r.current)),
      commented: Boolean(Number(r.commented)),
    })),
    total,
  };
}
