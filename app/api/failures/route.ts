// Failures API: the /failures explorer's filters; paginated JSON records, or CSV/JSON downloads.
import { cachedGet } from "@/lib/cache/response";
import { getFailures } from "@/lib/api/get-failures";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return cachedGet(request, () => getFailures(request));
}
