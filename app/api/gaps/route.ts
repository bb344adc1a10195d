// Knowledge-gaps API: the /gaps table as JSON or CSV.
import { cachedGet } from "@/lib/cache/response";
import { getGaps } from "@/lib/api/get-gaps";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return cachedGet(request, () => getGaps(request));
}
