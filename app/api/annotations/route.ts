// Reviewer annotations on failures: GET ?analysis=<slug>[&failure=<key>], POST (new verdict), PATCH
// (own verdict, by `id` in the body), DELETE ?id= (own, or any with the admin token). lib/reviews/api.ts.
import { deleteAnnotationRequest, getAnnotations, patchAnnotation, postAnnotation } from "@/lib/reviews/api";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => getAnnotations(request);
export const POST = (request: Request) => postAnnotation(request);
export const PATCH = (request: Request) => patchAnnotation(request);
export const DELETE = (request: Request) => deleteAnnotationRequest(request);
