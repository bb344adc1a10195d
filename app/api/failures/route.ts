// Failures API: the /failures explorer's filters; paginated JSON records, or CSV/JSON downloads.
import { getFailures } from "@/lib/api/get-failures";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return getFailures(request);
}
