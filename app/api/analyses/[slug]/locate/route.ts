// Which page of a paginated analysis holds a fragment's target (?fragment=failure-KEY or raw-L42).
import { getFragmentLocation } from "@/lib/api/locate-fragment";
import { decodeParam } from "@/lib/filters/view-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return getFragmentLocation(request, decodeParam((await params).slug));
}
