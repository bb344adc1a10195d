// Rendered pages kept by data version (issue 19), in front of the Next.js request handler of
// `npm start` (scripts/start.ts). A page's answer is a function of the build, the address, the request
// headers its ETag hashes (lib/cache/etag.ts) and the data; the data version changes with every
// committed write, by any process. So the first GET of a page at a version renders it, and the same
// request at the same version gets the same bytes again without rendering, with a fresh CSP nonce.
//
// What never goes in: requests carrying a credential (Authorization, a token header, the sign-in or
// share cookie: their answer depends on who asks and for how long the credential holds), `?mine=`,
// the API (its GET answers are cached as data, lib/cache/response.ts), Next's own files, anything
// but a complete 200 HTML or RSC answer that the proxy tagged with this version's ETag, answers that
// set a cookie, and a render during which a server error was reported (lib/cache/render-errors.ts).
// Bounded by FAULTLINE_PAGE_CACHE_MB (default 64) per process, least recently used first; every entry
// of an older version goes as soon as a newer version is seen. FAULTLINE_CACHE=off turns it off.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzip } from "node:zlib";
import { promisify } from "node:util";
import { dataVersion } from "../data/version";
import { env } from "../env";
import { cacheEnabled } from ".";
import { noneMatch, taggable, versionEtag } from "./etag";
import { renderErrorCount } from "./render-errors";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface Entry {
  status: number;
  headers: [string, string | string[]][];
  /** The page split where its CSP nonce stood: each answer joins the parts with a new nonce. */
  parts: Buffer[];
  bytes: number;
  /** The CSP nonce the page was rendered with (in the kept headers); null when it had none. */
  nonce: string | null;
  etag: string;
}

interface PageStore {
  version: string;
  entries: Map<string, Entry>;
  bytes: number;
  hits: number;
  misses: number;
}

const CREDENTIAL_COOKIES = /(?:^|;\s*)(?:faultline_session|faultline_share)=/;
const CACHEABLE_TYPES = /^(text\/html|text\/x-component)\b/;
/** Headers Node writes itself, or that describe one transfer rather than the page. */
const HOP_HEADERS = new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "content-encoding",
  "x-faultline-cache",
]);
/** Says whether an answer was kept or rendered: `hit`, `miss` (rendered, may be kept) or absent. */
export const CACHE_HEADER = "X-Faultline-Cache";
const MAX_ENTRY_BYTES = 4 * 1024 * 1024;
const gzipAsync = promisify(gzip);

const globalForPages = globalThis as unknown as { faultlinePageCache?: PageStore };

function maxBytes(): number {
  return env().FAULTLINE_PAGE_CACHE_MB * 1024 * 1024;
}

function storeFor(version: string): PageStore {
  let store = globalForPages.faultlinePageCache;
  if (!store || store.version !== version) {
    store = { version, entries: new Map(), bytes: 0, hits: store?.hits ?? 0, misses: store?.misses ?? 0 };
    globalForPages.faultlinePageCache = store;
  }
  return store;
}

/** Hits and misses of this process's page cache (for the bench and tests). */
export function pageCacheStats(): { hits: number; misses: number; entries: number; bytes: number } {
  const store = globalForPages.faultlinePageCache;
  return { hits: store?.hits ?? 0, misses: store?.misses ?? 0, entries: store?.entries.size ?? 0, bytes: store?.bytes ?? 0 };
}

/** Only anonymous page reads may share an answer; see the header comment. */
export function pageCacheable(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (!cacheEnabled() || req.method !== "GET" || !req.url) return false;
  const url = new URL(req.url, "http://x");
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith("/_next/") || url.searchParams.has("mine")) return false;
  if (!taggable("GET", url.pathname)) return false;
  const h = req.headers;
  if (h.authorization || h["x-faultline-token"]) return false;
  return !CREDENTIAL_COOKIES.test(String(h.cookie ?? ""));
}

function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

const NONCE = /'nonce-([^']+)'/;

function headerText(value: number | string | string[] | undefined): string {
  return value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
}

async function answer(req: IncomingMessage, res: ServerResponse, entry: Entry): Promise<void> {
  if (noneMatch(headerText(req.headers["if-none-match"]) || null, entry.etag)) {
    res.writeHead(304, { ETag: entry.etag, "Cache-Control": "no-cache" });
    res.end();
    return;
  }
  const fresh = entry.nonce ? btoa(crypto.randomUUID()) : "";
  for (const [name, value] of entry.headers) {
    res.setHeader(name, entry.nonce && name === "content-security-policy" ? String(value).split(entry.nonce).join(fresh) : value);
  }
  const glue = Buffer.from(fresh);
  let body = Buffer.concat(entry.parts.flatMap((part, i) => (i === 0 ? [part] : [glue, part])));
  if (/\bgzip\b/.test(headerText(req.headers["accept-encoding"])) && body.length > 1024) {
    body = await gzipAsync(body);
    res.setHeader("Content-Encoding", "gzip");
  }
  res.setHeader(CACHE_HEADER, "hit");
  res.setHeader("Vary", [headerText(res.getHeader("vary")), "Accept-Encoding"].filter(Boolean).join(", "));
  res.setHeader("Content-Length", body.length);
  res.statusCode = entry.status;
  res.end(body);
}

/** `bytes` cut at every occurrence of `nonce` (which the parts leave out). */
function splitAt(bytes: Buffer, nonce: string | null): Buffer[] {
  if (!nonce) return [bytes];
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, from)) {
    parts.push(bytes.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

/** Runs `handle` and keeps what it wrote, for `store` once the answer has been sent completely. */
function capture(res: ServerResponse): () => Buffer | null {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > MAX_ENTRY_BYTES) overflow = true;
    else chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as ServerResponse["end"];
  return () => (overflow ? null : Buffer.concat(chunks));
}

/** `handle` with rendered pages kept by data version (see the header comment). */
export function withPageCache(handle: Handler): Handler {
  return async (req, res) => {
    if (!pageCacheable(req)) return handle(req, res);
    const version = await dataVersion();
    if (version === null) return handle(req, res);
    const key = versionEtag(version, req.url!, webHeaders(req));
    const store = storeFor(version);
    const hit = store.entries.get(key);
    if (hit) {
      store.hits++;
      store.entries.delete(key);
      store.entries.set(key, hit);
      return answer(req, res, hit);
    }
    store.misses++;
    // The kept bytes are sent again, compressed per answer: the renderer must write them plain.
    delete req.headers["accept-encoding"];
    res.setHeader(CACHE_HEADER, "miss");
    const errorsBefore = renderErrorCount();
    const body = capture(res);
    res.once("finish", () => {
      const bytes = body();
      const headers = res.getHeaders();
      const etag = headerText(headers.etag);
      if (
        bytes === null ||
        res.statusCode !== 200 ||
        headers["set-cookie"] !== undefined ||
        !CACHEABLE_TYPES.test(headerText(headers["content-type"])) ||
        // The proxy tags a page with the version it saw; another version means the data moved
        // meanwhile. (Its tag hashes fewer headers: Next.js hides the RSC ones from the proxy.)
        !etag.startsWith(`W/"${version}-`) ||
        renderErrorCount() !== errorsBefore
      ) {
        return;
      }
      const current = storeFor(version);
      const nonce = NONCE.exec(headerText(headers["content-security-policy"]))?.[1] ?? null;
      const entryHeaders = Object.entries(headers)
        .filter(([name]) => !HOP_HEADERS.has(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
      current.entries.set(key, { status: 200, headers: entryHeaders, parts: splitAt(bytes, nonce), bytes: bytes.length, nonce, etag });
      current.bytes += bytes.length;
      for (const [oldKey, old] of current.entries) {
        if (current.bytes <= maxBytes()) break;
        current.entries.delete(oldKey);
        current.bytes -= old.bytes;
      }
    });
    return handle(req, res);
  };
}
