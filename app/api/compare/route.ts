// Compare API: two analyses side by side (JSON) or their aligned failures (CSV).
import { cachedGet } from "@/lib/cache/response";
import { getComparison } from "@/lib/api/get-comparison";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return cachedGet(request, () => getComparison(request));
}
