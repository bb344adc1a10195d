// Scores API: the /scores table (same filters) as paginated JSON or CSV/JSON downloads.
import { cachedGet } from "@/lib/cache/response";
import { getScores } from "@/lib/api/get-scores";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return cachedGet(request, () => getScores(request));
}
