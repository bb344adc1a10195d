// The answer when the database cannot serve a request: 503 with Retry-After, so monitors and
// proxies see an outage (not a healthy 200), with the same words as the in-app problem page.
import { errorResponse } from "../api/error-response";
import { DATABASE_PROBLEM_TITLES, type DatabaseHealth } from "../data/health";

/** Seconds a client should wait before retrying; a lock or a restored file usually clears quickly. */
export const RETRY_AFTER_SECONDS = 5;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function databaseUnavailable(
  health: Extract<DatabaseHealth, { ok: false }>,
  { api, headers }: { api: boolean; headers: Record<string, string> },
): Response {
  const title = DATABASE_PROBLEM_TITLES[health.problem];
  const common = { ...headers, "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (api) {
    return errorResponse("database_unavailable", `${title}: ${health.message}`, { headers: common });
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Faultline</title></head>
<body style="font-family:system-ui,sans-serif;margin:0;padding:2rem;color:#0f172a;background:#fff">
<main><div role="alert" style="max-width:42rem;border:1px solid #fca5a5;background:#fef2f2;color:#7f1d1d;border-radius:.25rem;padding:1.25rem">
<h1 style="font-size:1.25rem;margin:0 0 .75rem">${escapeHtml(title)}</h1>
<p style="font-size:.875rem">${escapeHtml(health.message)}</p>
<p style="font-size:.875rem"><a href="" style="color:inherit;font-weight:500">Try again</a> (Faultline retries by itself once the database is back.)</p>
</div></main></body></html>`;
  return new Response(html, { status: 503, headers: { ...common, "Content-Type": "text/html; charset=utf-8" } });
}
