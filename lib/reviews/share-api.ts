// /api/shares: a reviewer's share links. GET lists them; POST {analysis, failure?, days?} makes one
// (its URL is in the answer, once); DELETE ?id= revokes. Same credentials and Origin rule as
// /api/annotations.
import "server-only";
import { z } from "zod";
import { errorResponse } from "../api/error-response";
import { authorizeWrite, readJson, run } from "./api";
import { resolveViewer } from "../auth/reviewer";
import { createShare, listShares, revokeShare, SHARE_DAYS_MAX } from "./shares";
import { InvalidInput, parseInput } from "./validate";

export const shareSchema = z.strictObject({
  analysis: z
    .string("expected the analysis slug as text")
    .trim()
    .min(1, "the analysis slug is empty")
    .max(300, "the analysis slug is too long"),
  failure: z
    .string("expected the failure key as text")
    .trim()
    .min(1, "the failure key is empty")
    .max(300, "the failure key is too long")
    .optional(),
  days: z
    .number("expected a number of days")
    .int("expected whole days")
    .min(1, "at least 1 day")
    .max(SHARE_DAYS_MAX, `at most ${SHARE_DAYS_MAX} days`)
    .optional(),
});

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export function getShares(request: Request): Promise<Response> {
  return run(async () => {
    const viewer = await resolveViewer(request.headers);
    if (!viewer) return errorResponse("unauthorized", "Sign in to see the links you shared.");
    return json(200, { items: await listShares(viewer.reviewer) });
  });
}

export function postShare(request: Request): Promise<Response> {
  return run(async () => {
    const auth = await authorizeWrite(request);
    if (!auth.ok) return auth.response;
    const input = parseInput(shareSchema, await readJson(request));
    const { share, path } = await createShare(auth.viewer.reviewer, input);
    return json(201, { ...share, url: new URL(path, request.url).pathname });
  });
}

export function deleteShare(request: Request): Promise<Response> {
  return run(async () => {
    const auth = await authorizeWrite(request);
    if (!auth.ok) return auth.response;
    const raw = new URL(request.url).searchParams.get("id") ?? "";
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw new InvalidInput("Invalid parameter `id`: expected the share link's id.", "id");
    await revokeShare(auth.viewer.reviewer, Number(raw));
    return json(200, { revoked: Number(raw) });
  });
}
