// One analysis's parse record plus id, slug and url; 404 JSON for an unknown slug.
import { getAnalysisBySlug } from "@/lib/api/get-analyses";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return getAnalysisBySlug(request, (await params).slug);
}
