// One analysis's parse record plus id, slug and url; a slug the analysis had before (see
// lib/analyses/slug-alias.ts) answers 308 to its current address; 404 JSON for an unknown slug.
// DELETE removes it (admin token).
import { cachedGet } from "@/lib/cache/response";
import { currentSlugFor } from "@/lib/analyses/slug-alias";
import { getAnalysisBySlug } from "@/lib/api/get-analyses";
import { deleteAnalysis } from "@/lib/uploads/delete-analysis";
import { apiAnalysisHref } from "@/lib/routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const response = await cachedGet(request, () => getAnalysisBySlug(request, slug));
  if (response.status !== 404) return response;
  const current = await currentSlugFor(slug).catch(() => null);
  if (!current || current === slug) return response;
  const url = new URL(request.url);
  return Response.redirect(new URL(apiAnalysisHref(current, url.search), url), 308);
}

export async function DELETE(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return deleteAnalysis(request, (await params).slug);
}
