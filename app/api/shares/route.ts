// A reviewer's scoped share links: GET (list), POST (create), DELETE ?id= (revoke). lib/reviews/share-api.ts.
import { deleteShare, getShares, postShare } from "@/lib/reviews/share-api";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => getShares(request);
export const POST = (request: Request) => postShare(request);
export const DELETE = (request: Request) => deleteShare(request);
