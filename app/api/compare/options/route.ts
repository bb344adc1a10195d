// The /compare picker's search: analyses matching ?q= (title, task id, slug, platform), a few at a time.
import { cachedGet } from "@/lib/cache/response";
import { getCompareOptions } from "@/lib/api/get-comparison";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return cachedGet(request, () => getCompareOptions(request));
}
