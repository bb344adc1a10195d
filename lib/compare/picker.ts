// The /compare picker's server side: analyses matching what was typed (title, task id, slug or
// platform), a handful at a time, so the page never ships a list of every analysis (405 options per
// <select> made the empty page 321 KB; at 5,000 analyses it would be megabytes).
import "server-only";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { formatScore } from "../analyses/analysis-name";
import { analysisNamesLike, likeIgnoringCase } from "../data/dialect";

export interface PickerOption {
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  failureCount: number;
  /** "8.5/10", or null when the analysis has no score. */
  score: string | null;
}

export interface PickerResult {
  query: string;
  /** How many analyses match (the list holds at most `limit` of them). */
  total: number;
  options: PickerOption[];
}

export const PICKER_DEFAULT_LIMIT = 8;
export const PICKER_MAX_LIMIT = 20;
export const PICKER_MAX_QUERY = 200;

/** Words of a picker query: whitespace-separated, each matched anywhere (case-insensitive), all required. */
export function pickerWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
}

/** `text` with LIKE's wildcards (and the escape character) taken literally, for `ESCAPE '\\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Row {
  slug: string;
  title: string;
  taskId: string | null;
  platform: string | null;
  failureCount: number | bigint;
  scoreValue: number | null;
  scoreMax: number | null;
  scoreNorm: number | null;
}

/**
 * Analyses matching every word of `query` in their title, task id, slug or platform: an exact slug or
 * task id first, then those starting with the query, then the rest, newest first within each. An empty
 * query lists the most recent analyses. `exclude` leaves one slug out (the other side's pick).
 */
export async function searchPickerOptions(query: string, options: { limit?: number; exclude?: string } = {}): Promise<PickerResult> {
  const limit = Math.min(PICKER_MAX_LIMIT, Math.max(1, options.limit ?? PICKER_DEFAULT_LIMIT));
  const text = query.trim().slice(0, PICKER_MAX_QUERY);
  const words = pickerWords(text);
  const [title, taskId, slug] = [Prisma.sql`a."title"`, Prisma.sql`a."taskId"`, Prisma.sql`a."slug"`];
  const anywhere = (w: string) => analysisNamesLike(`%${escapeLike(w)}%`);
  const conditions = [...words.map(anywhere), ...(options.exclude ? [Prisma.sql`a."slug" <> ${options.exclude}`] : [])];
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const lower = text.toLowerCase();
  const exact = escapeLike(lower);
  const prefix = `${exact}%`;
  const rank = text
    ? Prisma.sql`CASE WHEN ${likeIgnoringCase(slug, exact)} OR ${likeIgnoringCase(taskId, exact)} THEN 0
        WHEN ${likeIgnoringCase(title, prefix)} OR ${likeIgnoringCase(slug, prefix)} OR ${likeIgnoringCase(taskId, prefix)} THEN 1
        ELSE 2 END, `
    : Prisma.empty;
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      SELECT a."slug", a."title", a."taskId", a."platform", a."failureCount", a."scoreValue", a."scoreMax", a."scoreNorm"
      FROM "Analysis" a ${where}
      ORDER BY ${rank}a."updatedAt" DESC, a."title", a."slug" LIMIT ${limit}`,
    prisma.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "Analysis" a ${where}`,
  ]);
  return {
    query: text,
    total: Number(counted[0]?.n ?? 0),
    options: rows.map(toOption),
  };
}

function toOption(r: Row): PickerOption {
  return {
    slug: r.slug,
    title: r.title,
    taskId: r.taskId,
    platform: r.platform,
    failureCount: Number(r.failureCount),
    score: r.scoreNorm === null ? null : formatScore(r),
  };
}

/** One analysis as the picker shows a current choice (null when no analysis has that slug). */
export async function pickerOption(slug: string): Promise<PickerOption | null> {
  const r = await prisma.analysis.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      taskId: true,
      platform: true,
      failureCount: true,
      scoreValue: true,
      scoreMax: true,
      scoreNorm: true,
    },
  });
  return r ? toOption(r) : null;
}

/** How many analyses there are (the page needs two to compare). */
export async function countAnalyses(): Promise<number> {
  return prisma.analysis.count();
}
