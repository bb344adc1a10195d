// POST /api/session/sign-out: ends this browser's session and clears its cookie.
import { signOut } from "@/lib/auth/session-routes";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return signOut(request);
}
