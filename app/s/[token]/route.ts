// GET /s/<token>: a share link. Opens without the read token: sets a cookie holding the link (scoped
// by proxy.ts to the shared analysis or failure, until the link expires) and goes there.
import { openShare } from "@/lib/reviews/shares";
import { expectedOrigin } from "@/lib/auth/origin";
import { SHARE_COOKIE } from "@/lib/reviews/read-access";

export const dynamic = "force-dynamic";

const NOINDEX = { "X-Robots-Tag": "noindex, nofollow", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? await openShare(token)
    : ({ ok: false, status: 404, message: "This share link does not exist." } as const);
  if (!opened.ok)
    return new Response(`${opened.message}\n`, {
      status: opened.status,
      headers: { ...NOINDEX, "Content-Type": "text/plain; charset=utf-8" },
    });
  const secure = expectedOrigin(request).startsWith("https:") ? "; Secure" : "";
  return new Response(null, {
    status: 303,
    headers: {
      ...NOINDEX,
      Location: opened.target,
      "Set-Cookie": `${SHARE_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${opened.expiresAt.toUTCString()}${secure}`,
    },
  });
}
