// /api/reviews: per analysis, each reviewer's "reviewed" tick and overall comment (issue 17).
//   GET ?analysis=<slug>                     everyone's (anyone who may read)
//   PUT {analysis, viewed?, comment?}        the caller's own (a reviewer; JSON under 64 KB, strict)
//   DELETE ?analysis=<slug>&reviewer=<name>  an admin removes someone's
// Same rules as /api/annotations (lib/reviews/api.ts): cookie-authenticated writes must pass the
// Origin check, bad input is 400 naming the field, too large is 413.
import "server-only";
import { resolveViewer } from "../auth/reviewer";
import { authorizeWrite, readJson, run } from "./api";
import { deleteAnalysisReview, reviewsOfAnalysis, setAnalysisReview } from "./analysis-reviews";
import { analysisReviewSchema, InvalidInput, parseInput } from "./validate";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

function params(url: URL, allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of url.searchParams.keys()) {
    if (!allowed.includes(name)) throw new InvalidInput(`Unknown parameter \`${name}\`: accepted are ${allowed.join(", ")}.`, name);
    out[name] = url.searchParams.get(name) ?? "";
  }
  for (const name of allowed) if (!out[name]?.trim()) throw new InvalidInput(`Missing parameter \`${name}\`.`, name);
  return out;
}

export function getReviews(request: Request): Promise<Response> {
  return run(async () => {
    const { analysis } = params(new URL(request.url), ["analysis"]);
    const viewer = await resolveViewer(request.headers).catch(() => null);
    return json(200, { ...(await reviewsOfAnalysis(analysis!, viewer?.reviewer ?? null)), viewer: viewer?.reviewer.name ?? null });
  });
}

export function putReview(request: Request): Promise<Response> {
  return run(async () => {
    const auth = await authorizeWrite(request);
    if (!auth.ok) return auth.response;
    const input = parseInput(analysisReviewSchema, await readJson(request));
    return json(200, { ...(await setAnalysisReview(auth.viewer.reviewer, input)), viewer: auth.viewer.reviewer.name });
  });
}

export function deleteReview(request: Request): Promise<Response> {
  return run(async () => {
    const auth = await authorizeWrite(request);
    if (!auth.ok) return auth.response;
    const { analysis, reviewer } = params(new URL(request.url), ["analysis", "reviewer"]);
    await deleteAnalysisReview(auth.viewer.reviewer, analysis!, reviewer!);
    return json(200, { deleted: { analysis, reviewer } });
  });
}
