// /sign-in: a reviewer exchanges their personal token (from `npm run reviewers -- add NAME`) for a
// session cookie. A plain form posting to /api/session, so it works without JavaScript.
import type { Route } from "next";
import type { Metadata } from "next";
import Link from "next/link";
import { currentViewer } from "@/lib/auth/current-viewer";
import { safeNext } from "@/lib/auth/session-routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

const ERRORS: Record<string, string> = {
  invalid: "That token is not valid, or it was revoked. Ask an admin for a new one.",
  missing: "Paste your personal token to sign in.",
};

interface PageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: PageProps) {
  const query = await searchParams;
  const next = safeNext(typeof query.next === "string" ? query.next : "/");
  const error = typeof query.error === "string" ? ERRORS[query.error] : undefined;
  const viewer = await currentViewer();
  return (
    <div className="mx-auto max-w-md space-y-5">
      <h1 className="text-2xl font-semibold">Sign in to review</h1>
      {viewer && (
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100"
        >
          You are signed in as <strong>{viewer.reviewer.name}</strong>.{" "}
          <Link href={next as Route} className="underline">
            Continue
          </Link>
        </p>
      )}
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Reviewers record verdicts and comments on failures. Paste the personal token an admin gave you (made with{" "}
        <code className="font-mono text-xs">npm run reviewers -- add NAME</code>). This browser stays signed in for 14 days.
      </p>
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
        >
          {error}
        </p>
      )}
      <form method="post" action="/api/session" className="space-y-3">
        <input type="hidden" name="next" value={next} />
        <div className="space-y-1">
          <label htmlFor="reviewer-token" className="block text-sm font-medium">
            Personal token
          </label>
          <input
            id="reviewer-token"
            name="token"
            type="password"
            required
            autoComplete="current-password"
            spellCheck={false}
            placeholder="flr_…"
            className="w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <button
          type="submit"
          className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        >
          Sign in
        </button>
      </form>
    </div>
  );
}
