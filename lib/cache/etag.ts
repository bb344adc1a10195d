// ETags keyed by the data version (issue 19): the same address, asked by the same viewer in the same way,
// at the same data version and build, gives the same page, so `If-None-Match` with that tag gets
// `304 Not Modified` without rendering. The tag hashes every request part a page or API answer varies
// by (cookies: sign-in session, share and diff-mode cookies; tokens; the RSC headers of client
// navigation; Accept), so one viewer's tag never matches another's page.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env";

const VARIANT_HEADERS = [
  "cookie",
  "authorization",
  "x-faultline-token",
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "accept",
];

/** Addresses whose answer depends on the clock or has effects (share links count their uses). */
const UNTAGGED = [/^\/s\//, /^\/shares(\/|$)/, /^\/api\/shares(\/|$)/, /^\/api\/session(\/|$)/];

let buildId: string | undefined;

/** The served build's id: a new deployment must not answer 304 to a page of the old one. */
function currentBuildId(): string {
  if (buildId === undefined) {
    try {
      buildId = fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), env().NEXT_DIST_DIR, "BUILD_ID"), "utf8").trim();
    } catch {
      buildId = "development";
    }
  }
  return buildId;
}

export function taggable(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && !UNTAGGED.some((re) => re.test(pathname));
}

/** A weak ETag for this request at data version `version`. */
export function versionEtag(version: string, pathAndQuery: string, headers: Headers): string {
  const hash = createHash("sha256").update(currentBuildId()).update("\0").update(pathAndQuery);
  for (const name of VARIANT_HEADERS) hash.update("\0").update(headers.get(name) ?? "");
  return `W/"${version}-${hash.digest("base64url").slice(0, 22)}"`;
}

/** Does an `If-None-Match` header name `etag` (weak comparison, as RFC 9110 asks for GET)? */
export function noneMatch(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = bare(etag);
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === wanted);
}
