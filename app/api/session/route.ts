// POST /api/session: exchange a personal reviewer token for a session cookie (the /sign-in form).
import { signIn } from "@/lib/auth/session-routes";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return signIn(request);
}
