"use client";

export interface RouteErrorProps {
  what: string;
  error: Error & { digest?: string };
  reset: () => void;
}

/** The error state of a route: what failed, a retry, and the digest to quote in a bug report. */
export function RouteError({ what, error, reset }: RouteErrorProps) {
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-300 bg-red-50 p-6 dark:border-red-800 dark:bg-red-950">
      <h1 className="text-lg font-semibold text-red-900 dark:text-red-100">Could not load {what}</h1>
      <p className="text-sm text-red-800 dark:text-red-200">
        The server hit an error. Try again; if it keeps happening, check the server log
        {error.digest ? (
          <>
            {" "}
            for <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <button type="button" onClick={reset} className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800">
        Try again
      </button>
    </div>
  );
}
