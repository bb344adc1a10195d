// API GET answers cached whole by data version and address (lib/cache/index.ts): the JSON an API
// route returned at this version is returned again without querying. Downloads (streamed, with a
// filename) and anything but 200 pass through uncached. Per-viewer routes must not use this.
import { cached, cacheEnabled } from ".";

interface StoredResponse {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

export async function cachedGet(request: Request, handler: () => Promise<Response> | Response): Promise<Response> {
  const url = new URL(request.url);
  // ?mine= (issue 17 "reviewed by me") answers per reviewer: never shared.
  if (!cacheEnabled() || request.method !== "GET" || url.searchParams.has("mine")) return handler();
  let own: Response | undefined;
  const stored = await cached<StoredResponse | null>(
    ["response", url.pathname, url.search, request.headers.get("accept") ?? ""],
    async () => {
      const response = await handler();
      if (response.status !== 200 || response.headers.has("content-disposition") || response.headers.has("set-cookie")) {
        own = response;
        return null;
      }
      return { status: response.status, headers: [...response.headers.entries()], body: await response.arrayBuffer() };
    },
  );
  if (own) return own;
  if (!stored) return handler();
  return new Response(stored.body, { status: stored.status, headers: stored.headers });
}
