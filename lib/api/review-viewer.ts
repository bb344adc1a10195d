// `mine=` on the list APIs (issue 17): "reviewed by me" needs to know who "me" is — the reviewer's
// token as Bearer, their session cookie or the trusted header. Without one the parameter is refused
// (400 naming it) rather than silently ignored.
import "server-only";
import { resolveViewer } from "../auth/reviewer";
import { BadRequestError } from "../validations/list-queries";

export async function viewerIdFor(request: Request, mine: string | undefined): Promise<number | undefined> {
  if (!mine) return undefined;
  const viewer = await resolveViewer(request.headers).catch(() => null);
  if (!viewer)
    throw new BadRequestError(
      `Parameter "mine": needs a reviewer (send your reviewer token as Authorization: Bearer, or sign in).`,
      "mine",
    );
  return viewer.reviewer.id;
}
