"use client";
// Make a share link (analysis slug, optional failure key, days) and revoke one; the new link is shown
// once, with a copy button, then the list refreshes from the server.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiErrorOf } from "@/lib/domain/api-error";
import { apiShareHref } from "@/lib/routes/paths";

async function errorOf(res: Response): Promise<string> {
  return apiErrorOf(await res.json().catch(() => null))?.message ?? `The server answered ${res.status}.`;
}

export function ShareForm({ analysis = "", failure = "" }: { analysis?: string; failure?: string }) {
  const router = useRouter();
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="space-y-3 rounded-md border border-slate-200 p-4 text-sm dark:border-slate-800"
      aria-label="Make a share link"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setError(null);
        setMade(null);
        const body = {
          analysis: String(data.get("analysis") ?? ""),
          ...(data.get("failure") ? { failure: String(data.get("failure")) } : {}),
          days: Number(data.get("days") || 14),
        };
        const res = await fetch("/api/shares", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        if (!res.ok) return setError(await errorOf(res));
        setMade(new URL(((await res.json()) as { url: string }).url, window.location.origin).toString());
        router.refresh();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-end">
        <label className="block space-y-1">
          <span className="font-medium">Analysis (slug)</span>
          <input
            name="analysis"
            required
            defaultValue={analysis}
            className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <label className="block space-y-1">
          <span className="font-medium">Failure key (optional: one failure only)</span>
          <input
            name="failure"
            defaultValue={failure}
            className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <label className="block space-y-1">
          <span className="font-medium">Expires in (days)</span>
          <input
            name="days"
            type="number"
            min={1}
            max={90}
            defaultValue={14}
            className="w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          />
        </label>
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800">
          Make link
        </button>
      </div>
      {made && (
        <p
          role="status"
          className="space-x-2 rounded border border-emerald-300 bg-emerald-50 p-2 dark:border-emerald-800 dark:bg-emerald-950/50"
        >
          <span>New link (shown once):</span>
          <code className="font-mono text-xs [overflow-wrap:anywhere]" data-share-url>
            {made}
          </code>
          <button
            type="button"
            className="text-blue-700 underline dark:text-blue-300"
            onClick={() => void navigator.clipboard?.writeText(made)}
          >
            Copy
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </form>
  );
}

export function RevokeShareButton({ id }: { id: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="text-red-700 hover:underline dark:text-red-300"
        onClick={async () => {
          const res = await fetch(apiShareHref(id), { method: "DELETE" });
          if (!res.ok) return setError(await errorOf(res));
          router.refresh();
        }}
      >
        Revoke
      </button>
      {error && (
        <span role="alert" className="ml-2 text-red-800 dark:text-red-300">
          {error}
        </span>
      )}
    </>
  );
}
