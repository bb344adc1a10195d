// One analysis's parse record plus id, slug and url; 404 JSON for an unknown slug.
// DELETE removes it (admin token).
import { getAnalysisBySlug } from "@/lib/api/get-analyses";
import { deleteAnalysis } from "@/lib/uploads/delete-analysis";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return getAnalysisBySlug(request, (await params).slug);
}

export async function DELETE(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return deleteAnalysis(request, (await params).slug);
}
