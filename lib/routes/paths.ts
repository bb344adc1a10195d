// Every URL the app emits for one thing (an analysis, a failure, a pair, a share, an API resource).
// Links are a promise: these strings are pinned byte for byte by tests/routes/routes.test.ts. Pure and
// free of imports but the query-string helper and lib/domain types, so client components use them too. The list views'
// URLs (filters, sort, page) are in ./lists.ts. Page hrefs are typed `Route` (next): plain strings
// today, checked against the app's routes once typedRoutes is on (see ARCHITECTURE.md).
import type { Route } from "next";
import type { AnalysisView, DiffMode } from "../domain/views";
import { toQueryString } from "./query";

const enc = encodeURIComponent;

/** `#failure-<key>`: a failure's card on its analysis page. */
export function failureFragment(key: string | number): string {
  return `#failure-${key}`;
}

/** An analysis page URL keeping the view state that matters there (defaults left out), plus a hash. */
export function analysisHref(slug: string, state: { diff?: DiffMode; view?: AnalysisView } = {}, hash = ""): Route {
  return `/analyses/${enc(slug)}${toQueryString({ view: state.view, diff: state.diff }, { view: "failures", diff: "split" })}${hash}` as Route;
}

/** A failure's own page; `key` is its stable key (Failure.key) — old numbers still resolve, but redirect. */
export function failureHref(slug: string, key: string | number, state: { diff?: DiffMode } = {}, hash = ""): Route {
  return `/analyses/${enc(slug)}/failures/${enc(key)}${toQueryString({ diff: state.diff }, { diff: "split" })}${hash}` as Route;
}

/** A pair's /compare URL, with extra view state (`open`, `diff`); commas stay readable. */
export function compareHref(a: string, b: string, extra: Record<string, string> = {}, hash = ""): Route {
  const params = new URLSearchParams({ a, b, ...extra });
  return `/compare?${params.toString().replace(/%2C/g, ",")}${hash}` as Route;
}

/** /compare with A chosen and B when known ("Compare with…" on an analysis page). */
export function compareWithHref(a: string, b?: string): Route {
  return `/compare?a=${enc(a)}${b ? `&b=${enc(b)}` : ""}` as Route;
}

/** /compare with one side chosen (the other still to pick). */
export function compareSideHref(side: "a" | "b", slug: string): Route {
  return `/compare?${side}=${enc(slug)}` as Route;
}

/** /scores narrowed to one knowledge gap. */
export function scoresForGapHref(gapId: string): Route {
  return `/scores?gap=${enc(gapId)}` as Route;
}

/** /gaps sorted by `sort` (failures, the default, leaves the URL bare). */
export function gapsHref(sort: string): Route {
  return (sort === "failures" ? "/gaps" : `/gaps?sort=${sort}`) as Route;
}

/** The sign-in page, coming back to `next` (a path of this site) afterwards. */
export function signInHref(next: string, error?: "invalid" | "missing"): Route {
  return (error ? `/sign-in?error=${error}&next=${enc(next)}` : `/sign-in?next=${enc(next)}`) as Route;
}

/** The share links page, scoped to one analysis's failure. */
export function sharesHref(slug: string, failureKey: string): Route {
  return `/shares?analysis=${enc(slug)}&failure=${enc(failureKey)}` as Route;
}

/** A share link's path (the token is URL-safe base64). */
export function shareHref(token: string): Route {
  return `/s/${token}` as Route;
}

/** The JSON of one analysis (GET), also its DELETE. */
export function apiAnalysisHref(slug: string, search = ""): Route {
  return `/api/analyses/${enc(slug)}${search}` as Route;
}

/** Which page of an analysis holds a fragment (`failure-<key>`). */
export function apiLocateHref(slug: string, fragment: string): Route {
  return `/api/analyses/${enc(slug)}/locate?fragment=${enc(fragment)}` as Route;
}

/** The annotations of one failure. */
export function apiAnnotationsHref(slug: string, failureKey: string): Route {
  return `/api/annotations?analysis=${enc(slug)}&failure=${enc(failureKey)}` as Route;
}

/** One share link (DELETE revokes it). */
export function apiShareHref(id: number): Route {
  return `/api/shares?id=${id}` as Route;
}

/** The /compare picker's options for a query string built by the picker. */
export function apiCompareOptionsHref(params: URLSearchParams | string): Route {
  return `/api/compare/options?${params}` as Route;
}
