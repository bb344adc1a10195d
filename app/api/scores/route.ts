// Scores API: the /scores table (same filters) as paginated JSON or CSV/JSON downloads.
import { getScores } from "@/lib/api/get-scores";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return getScores(request);
}
