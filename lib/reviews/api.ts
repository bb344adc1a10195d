// /api/annotations: GET (anyone who may read), POST/PATCH/DELETE (a reviewer: session cookie,
// trusted header, their token or the admin token as Bearer). Writes a browser authenticates by itself
// must come from this site (Origin); bodies are JSON under 64 KB (413 beyond), validated strictly (400
// naming the field).
import "server-only";
import { errorResponse } from "../api/error-response";
import { checkSameOrigin } from "../auth/origin";
import { resolveViewer, type Viewer } from "../auth/reviewer";
import {
  createAnnotation,
  deleteAnnotation,
  findAnalysis,
  listAnnotations,
  ReviewConflict,
  ReviewForbidden,
  ReviewNotFound,
  tagSuggestions,
  updateAnnotation,
} from "./annotations";
import { ReviewerError } from "./reviewers";
import { createSchema, InvalidInput, MAX_BODY_BYTES, parseInput, patchSchema } from "./validate";

const NO_STORE = { "Cache-Control": "no-store" };
const json = (status: number, body: unknown) => Response.json(body, { status, headers: NO_STORE });

class TooLarge extends Error {}

export async function run(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (e) {
    if (e instanceof InvalidInput) return errorResponse("bad_request", e.message, { field: e.field });
    if (e instanceof TooLarge) return errorResponse("payload_too_large", e.message);
    if (e instanceof ReviewNotFound) return errorResponse("not_found", e.message);
    if (e instanceof ReviewForbidden || e instanceof ReviewerError) return errorResponse("forbidden", e.message);
    if (e instanceof ReviewConflict) return errorResponse("conflict", e.message);
    const code = (e as { code?: string })?.code ?? "";
    if (/BUSY|LOCKED/.test(code))
      return errorResponse(
        "database_unavailable",
        "The database is busy (an ingest is writing?); nothing was changed. Try again in a moment.",
      );
    console.error("annotations API:", e);
    return errorResponse("internal", "Something went wrong on the server; nothing was changed and the error has been logged.");
  }
}

/** The writer of a request, or the refusal to send. */
export async function authorizeWrite(
  request: Request,
): Promise<{ ok: true; viewer: NonNullable<Viewer> } | { ok: false; response: Response }> {
  const viewer = await resolveViewer(request.headers);
  if (!viewer)
    return {
      ok: false,
      response: errorResponse("unauthorized", "Sign in at /sign-in, or send your reviewer token as `Authorization: Bearer`, to annotate."),
    };
  if (viewer.via !== "bearer") {
    const origin = checkSameOrigin(request);
    if (!origin.ok) return { ok: false, response: errorResponse("forbidden", origin.message) };
  }
  return { ok: true, viewer };
}

export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const tooLarge = `Request too large: an annotation request is at most ${MAX_BODY_BYTES / 1024} KB.`;
  if (declared > MAX_BODY_BYTES) throw new TooLarge(tooLarge);
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) throw new InvalidInput("Send the annotation as JSON (Content-Type: application/json).", null);
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) throw new TooLarge(tooLarge);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InvalidInput("The body is not valid JSON.", null);
  }
}

function idParam(url: URL): number {
  const raw = url.searchParams.get("id");
  if (raw === null) throw new InvalidInput("Missing parameter `id`: the annotation to delete.", "id");
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new InvalidInput("Invalid parameter `id`: expected a positive whole number.", "id");
  return Number(raw);
}

export function getAnnotations(request: Request): Promise<Response> {
  return run(async () => {
    const url = new URL(request.url);
    for (const name of url.searchParams.keys()) {
      if (!["analysis", "failure", "outdated"].includes(name))
        throw new InvalidInput(`Unknown parameter \`${name}\`: accepted are analysis, failure, outdated.`, name);
    }
    const slug = url.searchParams.get("analysis");
    if (!slug) {
      if (url.searchParams.has("failure")) throw new InvalidInput("Parameter `failure` needs `analysis` (the analysis slug).", "analysis");
      // Without an analysis: the tags in use, for suggestions.
      return json(200, { tags: await tagSuggestions() });
    }
    const outdated = url.searchParams.get("outdated");
    if (outdated !== null && outdated !== "only" && outdated !== "exclude")
      throw new InvalidInput("Invalid parameter `outdated`: expected only or exclude.", "outdated");
    const analysis = await findAnalysis(slug);
    if (!analysis) throw new ReviewNotFound(`No analysis "${slug}".`);
    const viewer = await resolveViewer(request.headers).catch(() => null);
    let items = await listAnnotations(analysis.id, viewer?.reviewer ?? null, url.searchParams.get("failure") ?? undefined);
    if (outdated) items = items.filter((a) => a.outdated === (outdated === "only"));
    return json(200, { analysis: analysis.slug, viewer: viewer ? viewer.reviewer.name : null, items });
  });
}

export function postAnnotation(request: Request): Promise<Response> {
  return run(async () => {
    const auth = await authorizeWrite(request);
    if (!auth.ok) return auth.response;
    const input = parseInput(createSchema, await readJson(request));
    return json(201, await createAnnotation(auth.viewer.reviewer, input));
  });
}

export function patchAnnotation(request: Request): Promise<Response> {
  return run(async () => {
    const auth = await authorizeWrite(request);
    if (!auth.ok) return auth.response;
    const input = parseInput(patchSchema, await readJson(request));
    return json(200, await updateAnnotation(auth.viewer.reviewer, input));
  });
}

export function deleteAnnotationRequest(request: Request): Promise<Response> {
  return run(async () => {
    const auth = await authorizeWrite(request);
    if (!auth.ok) return auth.response;
    const id = idParam(new URL(request.url));
    await deleteAnnotation(auth.viewer.reviewer, id);
    return json(200, { deleted: id });
  });
}
