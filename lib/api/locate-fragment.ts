// GET /api/analyses/SLUG/locate?fragment=failure-KEY: which page of the analysis page holds what a
// fragment names, so a #failure-… or #raw-L… link lands on a paginated analysis.
import "server-only";
import { prisma } from "../db";
import { FAILURES_PER_PAGE, parseFragment, rawPageOfLine } from "../render/pages";
import { errorResponse, handle, jsonResponse } from "./respond";

export interface FragmentLocation {
  view: "failures" | "raw";
  page: number;
}

/** Null when the analysis or the failure is unknown. */
export async function locateFragment(slug: string, fragment: string): Promise<FragmentLocation | null> {
  const target = parseFragment(fragment);
  if (!target) return null;
  if (target.kind === "raw") return { view: "raw", page: rawPageOfLine(target.line) };
  const analysis = await prisma.analysis.findUnique({ where: { slug }, select: { id: true } });
  if (!analysis) return null;
  // A current key, else an alias (an old key or display number) leading to one.
  const alias = await prisma.failureAlias.findUnique({
    where: { analysisId_alias: { analysisId: analysis.id, alias: target.ref } },
    select: { failureKey: true },
  });
  const keys = [target.ref, ...(alias ? [alias.failureKey] : [])];
  const failure = await prisma.failure.findFirst({ where: { analysisId: analysis.id, key: { in: keys } }, select: { number: true } });
  if (!failure) return null;
  const before = await prisma.failure.count({ where: { analysisId: analysis.id, number: { lt: failure.number } } });
  return { view: "failures", page: Math.floor(before / FAILURES_PER_PAGE) + 1 };
}

export function getFragmentLocation(request: Request, slug: string): Promise<Response> {
  return handle(async () => {
    const fragment = new URL(request.url).searchParams.get("fragment") ?? "";
    const location = await locateFragment(slug, fragment);
    if (!location) return errorResponse("not_found", `Nothing named "${fragment.slice(0, 100)}" in analysis "${slug}".`);
    return jsonResponse(location);
  });
}
