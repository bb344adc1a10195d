// Knowledge-gaps API: the /gaps table as JSON or CSV.
import { getGaps } from "@/lib/api/get-gaps";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return getGaps(request);
}
