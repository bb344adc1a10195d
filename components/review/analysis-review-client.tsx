"use client";
// The interactive part of an analysis's review: the "reviewed" tick saves as soon as it changes, the
// overall comment when saved (PUT /api/reviews, same origin, the session cookie); the server answers
// with everyone's reviews, comments as sanitized HTML.
import { useId, useState, useSyncExternalStore } from "react";
import { apiErrorOf } from "@/lib/domain/api-error";
import type { AnalysisReviewView } from "@/lib/reviews/analysis-reviews";

const MAX_COMMENT = 10_000;
const noSubscription = () => () => {};
const when = (iso: string) => iso.slice(0, 16).replace("T", " ") + " UTC";

export interface AnalysisReviewClientProps {
  slug: string;
  initial: AnalysisReviewView[];
  viewer: string | null;
}

export function AnalysisReviewClient({ slug, initial, viewer }: AnalysisReviewClientProps) {
  const [items, setItems] = useState(initial);
  const mine = items.find((i) => i.canEdit) ?? null;
  const [editing, setEditing] = useState(false);
  const [comment, setComment] = useState(mine?.comment ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The tick shows the click at once; the server's answer (or its refusal) settles it.
  const [ticking, setTicking] = useState<boolean | null>(null);
  // Enabled once hydrated (false in the server's HTML), so a click before then is not lost.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const id = useId();

  async function put(body: { viewed?: boolean; comment?: string }): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/reviews", {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ analysis: slug, ...body }),
      });
      const data = (await res.json().catch(() => null)) as { items?: AnalysisReviewView[] } | null;
      if (!res.ok || !data?.items) {
        setError(apiErrorOf(data)?.message ?? `The server answered ${res.status}; nothing was saved.`);
        return false;
      }
      setItems(data.items);
      return true;
    } catch {
      setError("Could not reach the server; nothing was saved.");
      return false;
    } finally {
      setBusy(false);
    }
  }

  const ticked = items.filter((i) => i.viewed === "current");
  const stale = items.filter((i) => i.viewed === "stale");
  const comments = items.filter((i) => i.comment || i.history.length > 0);
  const showForm = viewer !== null && (editing || !mine?.comment);
  if (!viewer && ticked.length === 0 && stale.length === 0 && comments.length === 0) return null;

  return (
    <section
      aria-labelledby={`${id}-h`}
      className="space-y-3 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
      data-analysis-review
    >
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 id={`${id}-h`} className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          Analysis review
        </h2>
        {viewer && (
          <label
            className={`inline-flex cursor-pointer items-center gap-2 rounded border px-2 py-1 font-medium ${
              (ticking ?? mine?.viewed === "current")
                ? "border-emerald-400 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
                : "border-slate-300 dark:border-slate-600"
            }`}
          >
            <input
              type="checkbox"
              className="h-4 w-4 accent-emerald-600"
              checked={ticking ?? mine?.viewed === "current"}
              disabled={busy || !ready}
              onChange={(event) => {
                const viewed = event.target.checked;
                setTicking(viewed);
                void put({ viewed }).finally(() => setTicking(null));
              }}
            />
            Reviewed
          </label>
        )}
      </div>
      <p className="text-slate-700 dark:text-slate-300" data-reviewed-by>
        {ticked.length ? (
          <>
            <span aria-hidden="true" className="text-emerald-700 dark:text-emerald-400">
              ✓{" "}
            </span>
            Marked reviewed by {ticked.map((t) => t.reviewer.name).join(", ")}
          </>
        ) : (
          "Nobody has marked this analysis reviewed yet."
        )}
      </p>
      {stale.length > 0 && (
        <p className="text-amber-900 dark:text-amber-200" data-stale-reviews>
          Marked reviewed for an earlier version of the document (it changed since):{" "}
          {stale.map((t) => `${t.reviewer.name}${t.viewedAt ? ` on ${t.viewedAt.slice(0, 10)}` : ""}`).join(", ")}
          {mine?.viewed === "stale" ? ". Tick “Reviewed” again once you have looked at the new version." : "."}
        </p>
      )}
      {comments.length > 0 && (
        <ul className="space-y-3" aria-label="Overall comments">
          {comments.map((c) => (
            <li
              key={c.id}
              className="space-y-1 border-t border-slate-200 pt-2 first:border-t-0 first:pt-0 dark:border-slate-800"
              data-analysis-comment={c.reviewer.name}
            >
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <strong className="font-medium [overflow-wrap:anywhere]">{c.reviewer.name}</strong>
                <time dateTime={c.updatedAt} className="text-xs text-slate-600 dark:text-slate-400">
                  {when(c.updatedAt)}
                </time>
                {c.canEdit && !editing && (
                  <button
                    type="button"
                    onClick={() => setEditing(true)}
                    className="text-xs text-blue-700 hover:underline dark:text-blue-300"
                  >
                    Edit
                  </button>
                )}
              </div>
              {/* Sanitized on the server (lib/reviews/markdown.ts): no raw HTML, no script, web links only. */}
              {c.commentHtml ? (
                <div
                  className="review-comment max-w-prose space-y-2 [overflow-wrap:anywhere] [&_a[href]]:text-blue-700 [&_a[href]]:underline dark:[&_a[href]]:text-blue-300 [&_code]:font-mono [&_code]:text-xs [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-5"
                  dangerouslySetInnerHTML={{ __html: c.commentHtml }}
                />
              ) : (
                <p className="text-slate-600 italic dark:text-slate-400">(comment cleared)</p>
              )}
              {c.history.length > 0 && (
                <details className="text-xs text-slate-600 dark:text-slate-400">
                  <summary className="cursor-pointer">
                    Edited {c.history.length} time{c.history.length === 1 ? "" : "s"}
                  </summary>
                  <ol className="mt-1 space-y-1">
                    {c.history.map((h, i) => (
                      <li key={i}>
                        {h.editor} changed it at {when(h.editedAt)}; before:
                        <span className="block [overflow-wrap:anywhere] whitespace-pre-wrap">
                          “{h.comment.length > 300 ? `${h.comment.slice(0, 300)}…` : h.comment}”
                        </span>
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {showForm && (
        <form
          className="space-y-2"
          aria-label={mine?.comment ? "Change your overall comment" : "Your overall comment"}
          onSubmit={(event) => {
            event.preventDefault();
            void put({ comment }).then((ok) => ok && setEditing(false));
          }}
        >
          <label className="block">
            <span className="sr-only">Overall comment on this analysis (Markdown)</span>
            <textarea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={MAX_COMMENT}
              rows={2}
              placeholder="Overall comment on this analysis (Markdown, optional)"
              className="w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <button
              type="submit"
              disabled={busy || comment === (mine?.comment ?? "")}
              className="rounded bg-blue-700 px-3 py-1 font-medium text-white hover:bg-blue-800 disabled:opacity-50"
            >
              {mine?.comment ? "Save comment" : "Add comment"}
            </button>
            {editing && (
              <button
                type="button"
                onClick={() => {
                  setEditing(false);
                  setComment(mine?.comment ?? "");
                }}
                className="text-blue-700 hover:underline dark:text-blue-300"
              >
                Cancel
              </button>
            )}
            <span className="text-xs text-slate-600 dark:text-slate-400">As {viewer}. Earlier versions are kept.</span>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}
