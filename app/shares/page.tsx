// /shares: the share links a reviewer made (an admin: everyone's), with expiry, state and last use,
// and a form to make one. A link opens one analysis (or one failure) without the read token.
import type { Metadata } from "next";
import Link from "next/link";
import { RevokeShareButton, ShareForm } from "@/components/review/share-controls";
import { currentViewer } from "@/lib/auth/current-viewer";
import { listShares } from "@/lib/reviews/shares";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Share links", robots: { index: false, follow: false } };

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") + " UTC" : "never");

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SharesPage({ searchParams }: PageProps) {
  const query = await searchParams;
  const viewer = await currentViewer();
  if (!viewer) {
    return (
      <div className="max-w-prose space-y-3">
        <h1 className="text-2xl font-semibold">Share links</h1>
        <p>
          <Link href="/sign-in?next=/shares" className="text-blue-700 underline dark:text-blue-300">
            Sign in
          </Link>{" "}
          to make and manage share links.
        </p>
      </div>
    );
  }
  const shares = await listShares(viewer.reviewer);
  const text = (name: string) => (typeof query[name] === "string" ? (query[name] as string) : "");
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Share links</h1>
        <p className="max-w-prose text-sm text-slate-700 dark:text-slate-300">
          A share link opens one analysis, or one failure, for someone without this instance&apos;s read token — that page and nothing else
          — until it expires (14 days unless you choose) or you revoke it.
        </p>
      </header>
      <ShareForm analysis={text("analysis")} failure={text("failure")} />
      <section aria-labelledby="shares-heading" className="space-y-2">
        <h2 id="shares-heading" className="text-lg font-semibold">
          {viewer.reviewer.admin ? "All links" : "Links you made"}
        </h2>
        {shares.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No links yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:text-slate-300">
                <tr>
                  <th className="py-2 pr-3">Shares</th>
                  <th className="py-2 pr-3">State</th>
                  <th className="py-2 pr-3">Expires</th>
                  <th className="py-2 pr-3">Last used</th>
                  {viewer.reviewer.admin && <th className="py-2 pr-3">Made by</th>}
                  <th className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shares.map((s) => (
                  <tr key={s.id} className="border-b border-slate-100 align-top dark:border-slate-800" data-share={s.id}>
                    <td className="py-2 pr-3 [overflow-wrap:anywhere]">
                      <Link href={s.target} className="text-blue-700 hover:underline dark:text-blue-300">
                        {s.analysis.title}
                      </Link>
                      <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
                        {s.analysis.slug}
                        {s.failureKey ? ` · failure ${s.failureKey}` : " · whole analysis"}
                      </span>
                    </td>
                    <td className="py-2 pr-3">{s.state}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{when(s.expiresAt)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {when(s.lastUsedAt)}
                      {s.uses > 0 && (
                        <span className="block text-xs text-slate-600 dark:text-slate-400">
                          {s.uses} open{s.uses === 1 ? "" : "s"}
                        </span>
                      )}
                    </td>
                    {viewer.reviewer.admin && <td className="py-2 pr-3">{s.createdBy}</td>}
                    <td className="py-2">{s.state === "active" && <RevokeShareButton id={s.id} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
