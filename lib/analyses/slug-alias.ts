// Old slugs (path-derived ones from before link identities, or any slug an analysis had) lead to the
// analysis's current slug: pages redirect, keeping the rest of the URL.
import type { Route } from "next";
import "server-only";
import { notFound, redirect } from "next/navigation";
import { prisma } from "../db";
import { analysisHref } from "../routes/paths";

/** The current slug of the analysis `alias` used to name, or null. */
export async function currentSlugFor(alias: string): Promise<string | null> {
  const row = await prisma.analysisAlias.findUnique({ where: { alias }, select: { analysis: { select: { slug: true } } } });
  return row?.analysis.slug ?? null;
}

/** For a slug no analysis has now: redirect to the analysis it used to name (same path tail and query), else 404. */
export async function redirectOldSlug(slug: string, rest: string, query: string): Promise<never> {
  const current = await currentSlugFor(slug);
  if (current && current !== slug) redirect(`${analysisHref(current)}${rest}${query}` as Route);
  notFound();
}
