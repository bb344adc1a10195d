import Link from "next/link";
import { currentViewer } from "@/lib/auth/current-viewer";

/** Every top-level view; pages own their URLs, this list only links them. */
export const NAV_LINKS = [
  { href: "/analyses", label: "Analyses" },
  { href: "/failures", label: "Failures" },
  { href: "/scores", label: "Scores" },
  { href: "/gaps", label: "Knowledge gaps" },
  { href: "/compare", label: "Compare" },
  { href: "/upload", label: "Upload" },
] as const;

export async function SiteNav() {
  const viewer = await currentViewer();
  return (
    <nav aria-label="Main" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-5 gap-y-1 px-4 py-3">
      <Link href="/" className="text-lg font-semibold tracking-tight">
        Faultline
      </Link>
      {NAV_LINKS.map((link) => (
        <Link key={link.href} href={link.href} className="text-sm text-slate-700 hover:underline dark:text-slate-300">
          {link.label}
        </Link>
      ))}
      <ReviewerStatus viewer={viewer} />
    </nav>
  );
}

function ReviewerStatus({ viewer }: { viewer: Awaited<ReturnType<typeof currentViewer>> }) {
  if (!viewer) {
    return (
      <Link href="/sign-in" className="text-sm text-blue-700 hover:underline dark:text-blue-300">
        Sign in
      </Link>
    );
  }
  return (
    <span className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300" data-testid="signed-in-as">
      <span>
        Reviewing as{" "}
        <strong className="font-medium [overflow-wrap:anywhere] text-slate-900 dark:text-slate-100">{viewer.reviewer.name}</strong>
      </span>
      <Link href="/shares" className="text-blue-700 hover:underline dark:text-blue-300">
        Share links
      </Link>
      {/* A header-given identity is the proxy's to end; only a session cookie can be signed out of here. */}
      {viewer.via === "cookie" && (
        <form method="post" action="/api/session/sign-out">
          <button type="submit" className="text-blue-700 hover:underline dark:text-blue-300">
            Sign out
          </button>
        </form>
      )}
    </span>
  );
}
