"use client";
// The confirmation for deleting an analysis (native <dialog>): names it, says what goes with it, takes
// the admin token (remembered for the tab, as on the upload page), and on success goes to /analyses,
// where <DeletedNotice> (mounted by app/analyses/layout.tsx) says what was deleted (once: a reload
// or another page drops it).
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { apiErrorOf } from "@/lib/domain/api-error";
import { apiAnalysisHref } from "@/lib/routes/paths";

const TOKEN_KEY = "faultline.adminToken";

const readStoredToken = () => sessionStorage.getItem(TOKEN_KEY) ?? "";
const noSubscription = () => () => {};

interface Notice {
  title: string;
  note?: string;
}

// The last delete's notice, in memory: it survives the client-side move to the list, not a reload.
let pendingNotice: Notice | null = null;
const noticeListeners = new Set<() => void>();
function setNotice(notice: Notice | null) {
  pendingNotice = notice;
  for (const listener of noticeListeners) listener();
}
const subscribeNotice = (onChange: () => void) => {
  noticeListeners.add(onChange);
  return () => void noticeListeners.delete(onChange);
};
const readNotice = () => pendingNotice;

export function DeleteAnalysisDialog({ slug, title }: { slug: string; title: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const storedToken = useSyncExternalStore(noSubscription, readStoredToken, () => "");
  const [typedToken, setToken] = useState<string | null>(null);
  const token = typedToken ?? storedToken;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = () => {
    setError(null);
    dialog.current?.showModal();
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(apiAnalysisHref(slug), { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
      const data = (await response.json().catch(() => ({}))) as { note?: string };
      if (response.status === 401) throw new Error("The admin token was refused. Nothing was deleted.");
      if (!response.ok) throw new Error(apiErrorOf(data)?.message ?? `Delete failed (${response.status}).`);
      sessionStorage.setItem(TOKEN_KEY, token);
      setNotice({ title, ...(data.note ? { note: data.note } : {}) });
      dialog.current?.close();
      router.push("/analyses");
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <div>
      <button
        type="button"
        onClick={open}
        className="rounded border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
      >
        Delete analysis…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-analysis-title"
        onClose={() => setError(null)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <form onSubmit={submit} className="space-y-4 text-sm">
          <h2 id="delete-analysis-title" className="text-lg font-semibold">
            Delete “<span className="[overflow-wrap:anywhere]">{title}</span>”?
          </h2>
          <p>
            The analysis, its failures and its stored Markdown are removed.{" "}
            <strong>Reviewers’ verdicts and comments on it, and its share links, are deleted too.</strong> This cannot be undone.
          </p>
          <label className="block font-medium">
            Admin token
            <input
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              autoComplete="current-password"
              required
              disabled={busy}
              className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 font-normal dark:border-slate-700 dark:bg-slate-950"
            />
          </label>
          {error && (
            <p role="alert" className="text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              disabled={busy}
              className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={busy || !token}
              className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-50"
            >
              {busy ? "Deleting…" : "Delete"}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}

/** "Deleted “…”." on /analyses after a delete, until dismissed or the reader moves on. */
export function DeletedNotice() {
  const pathname = usePathname();
  const notice = useSyncExternalStore(subscribeNotice, readNotice, () => null);
  // Spent once the reader is on any other page (the list is where it is shown).
  useEffect(() => {
    if (pathname !== "/analyses" && readNotice()) setNotice(null);
  }, [pathname]);
  if (!notice || pathname !== "/analyses") return null;
  return (
    <div
      role="status"
      data-deleted-notice
      className="mb-4 flex items-start justify-between gap-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100"
    >
      <p className="min-w-0 [overflow-wrap:anywhere]">
        Deleted “{notice.title}”.{notice.note ? ` ${notice.note}` : ""}
      </p>
      <button type="button" onClick={() => setNotice(null)} className="shrink-0 underline">
        Dismiss
      </button>
    </div>
  );
}
