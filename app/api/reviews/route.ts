// Per-analysis reviews (the "reviewed" tick and overall comment): GET ?analysis=<slug>, PUT (your own),
// DELETE ?analysis=&reviewer= (admin). lib/reviews/review-api.ts.
import { deleteReview, getReviews, putReview } from "@/lib/reviews/review-api";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => getReviews(request);
export const PUT = (request: Request) => putReview(request);
export const DELETE = (request: Request) => deleteReview(request);
