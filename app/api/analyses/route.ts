// Analyses API. GET: parse records (paginated JSON) or the filtered list as CSV/JSON download.
// POST: upload Markdown (admin token), returns the parsed records.
import { cachedGet } from "@/lib/cache/response";
import { getAnalyses } from "@/lib/api/get-analyses";
import { postAnalyses } from "@/lib/uploads/post-analyses";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return cachedGet(request, () => getAnalyses(request));
}

export function POST(request: Request) {
  return postAnalyses(request);
}
