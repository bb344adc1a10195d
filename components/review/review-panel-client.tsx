"use client";
// The interactive part of the review panel: posts to /api/annotations (same origin, the session
// cookie), then shows the failure's annotations as the server returns them (comments arrive as
// sanitized HTML). Keys on the failure being read: a agree, d disagree, c comment.
import { useEffect, useId, useRef, useState } from "react";
import { apiErrorOf, GRADED_SEVERITIES } from "@/lib/domain";
import type { AnnotationView } from "@/lib/reviews/annotations";
import { currentIndex } from "../keyboard-shortcuts";
import { VERDICT_LABEL, VerdictNotes, when } from "./verdict-notes";
import { analysisHref, apiAnnotationsHref, failureFragment, sharesHref, signInHref } from "@/lib/routes/paths";

type Verdict = keyof typeof VERDICT_LABEL;
const VERDICT_STYLE: Record<Verdict, string> = {
  agree: "bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  disagree: "bg-red-100 text-red-900 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
  unsure: "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
};
const MAX_COMMENT = 10_000;

export interface ReviewPanelClientProps {
  slug: string;
  failureKey: string;
  parsedSeverity: string;
  initial: AnnotationView[];
  viewer: { name: string } | null;
  tagSuggestions: string[];
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)));
}

export function ReviewPanelClient({ slug, failureKey, parsedSeverity, initial, viewer, tagSuggestions }: ReviewPanelClientProps) {
  const [items, setItems] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const mine = items.find((a) => a.canEdit) ?? null;
  const [verdict, setVerdict] = useState<Verdict | "">(mine?.verdict ?? "");
  const [severity, setSeverity] = useState(mine?.proposedSeverity ?? "");
  const [comment, setComment] = useState(mine?.comment ?? "");
  const [tags, setTags] = useState(mine?.tags.join(", ") ?? "");
  const showForm = viewer !== null && (!mine || editing);

  async function refresh() {
    const res = await fetch(apiAnnotationsHref(slug, failureKey), { cache: "no-store" });
    if (res.ok) setItems(((await res.json()) as { items: AnnotationView[] }).items);
  }

  async function send(method: "POST" | "PATCH" | "DELETE", body?: object, query = ""): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/annotations${query}`, {
        method,
        headers: body ? { "Content-Type": "application/json" } : undefined,
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) {
        const message = apiErrorOf(await res.json().catch(() => null))?.message;
        setError(message ?? `The server answered ${res.status}.`);
        return false;
      }
      await refresh();
      return true;
    } catch {
      setError("Could not reach the server; nothing was saved.");
      return false;
    } finally {
      setBusy(false);
    }
  }

  function fields(v: Verdict) {
    return {
      verdict: v,
      severity: severity || null,
      comment,
      tags: tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    };
  }

  async function save(v: Verdict) {
    const ok = mine
      ? await send("PATCH", { id: mine.id, ...fields(v) })
      : await send("POST", { analysis: slug, failure: failureKey, ...fields(v) });
    if (ok) setEditing(false);
  }

  // a / d / c on the failure being read (the one j/k moved to, or the only one on its own page).
  const keyRef = useRef<(event: KeyboardEvent) => void>(() => {});
  const onKey = (event: KeyboardEvent) => {
    if (!viewer || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
    if (!["a", "d", "c"].includes(event.key)) return;
    const article = rootRef.current?.closest<HTMLElement>("[data-nav-item]");
    const all = [...document.querySelectorAll<HTMLElement>("[data-nav-item]")];
    const current = all.length === 1 ? all[0] : all[currentIndex(all)];
    if (!article || current !== article) return;
    event.preventDefault();
    if (event.key === "c") {
      setEditing(true);
      requestAnimationFrame(() => commentRef.current?.focus());
      return;
    }
    const v: Verdict = event.key === "a" ? "agree" : "disagree";
    setVerdict(v);
    void (mine ? send("PATCH", { id: mine.id, verdict: v }) : send("POST", { analysis: slug, failure: failureKey, ...fields(v) }));
  };
  useEffect(() => {
    keyRef.current = onKey;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyRef.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const counts = (["agree", "disagree", "unsure"] as const)
    .map((v) => [v, items.filter((a) => a.verdict === v).length] as const)
    .filter(([, n]) => n > 0);
  return (
    <section
      ref={rootRef}
      aria-labelledby={`${id}-h`}
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50/60 p-3 text-sm dark:border-slate-800 dark:bg-slate-900/40"
      data-review-panel={failureKey}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${id}-h`} className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          Review
          {counts.length > 0 && (
            <span className="ml-2 font-normal tracking-normal normal-case">{counts.map(([v, n]) => `${n} ${v}`).join(" · ")}</span>
          )}
        </h3>
        {viewer && (
          <a href={sharesHref(slug, failureKey)} className="text-xs text-blue-700 hover:underline dark:text-blue-300">
            Share this failure…
          </a>
        )}
        {!viewer && (
          <a
            href={signInHref(analysisHref(slug, {}, failureFragment(failureKey)))}
            className="text-blue-700 hover:underline dark:text-blue-300"
          >
            Sign in to review
          </a>
        )}
      </div>
      {items.length === 0 && <p className="text-slate-600 dark:text-slate-400">No verdicts yet.</p>}
      {items.length > 0 && (
        <ul className="space-y-3" aria-label="Verdicts">
          {items.map((a) => (
            <li
              key={a.id}
              className="space-y-1 border-t border-slate-200 pt-2 first:border-t-0 first:pt-0 dark:border-slate-800"
              data-annotation={a.id}
            >
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <strong className="font-medium [overflow-wrap:anywhere]">{a.reviewer.name}</strong>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${VERDICT_STYLE[a.verdict]}`}>
                  {VERDICT_LABEL[a.verdict]}
                </span>
                {a.proposedSeverity && (
                  <span className="text-xs text-slate-700 dark:text-slate-300">
                    proposes <strong>{a.proposedSeverity}</strong>
                    {a.proposedSeverity !== parsedSeverity && <span> (parsed: {parsedSeverity})</span>}
                  </span>
                )}
                <time dateTime={a.updatedAt} className="text-xs text-slate-600 dark:text-slate-400">
                  {when(a.updatedAt)}
                </time>
                {a.canEdit && !editing && (
                  <button
                    type="button"
                    onClick={() => setEditing(true)}
                    className="text-xs text-blue-700 hover:underline dark:text-blue-300"
                  >
                    Edit
                  </button>
                )}
                {a.canDelete && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => {
                      if (window.confirm(`Delete ${a.canEdit ? "your" : `${a.reviewer.name}'s`} verdict?`))
                        void send("DELETE", undefined, `?id=${a.id}`);
                    }}
                    className="text-xs text-red-700 hover:underline disabled:opacity-50 dark:text-red-300"
                  >
                    Delete
                  </button>
                )}
              </div>
              <VerdictNotes annotation={a} />
            </li>
          ))}
        </ul>
      )}
      {showForm && (
        <form
          className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800"
          aria-label={mine ? "Change your verdict" : "Your verdict"}
          onSubmit={(event) => {
            event.preventDefault();
            if (!verdict) {
              setError("Choose agree, disagree or unsure.");
              return;
            }
            void save(verdict);
          }}
        >
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <legend className="sr-only">Verdict on the failure as written</legend>
            {(["agree", "disagree", "unsure"] as const).map((v) => (
              <label key={v} className="inline-flex items-center gap-1">
                <input type="radio" name={`${id}-verdict`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
                {VERDICT_LABEL[v]}
              </label>
            ))}
            <label className="inline-flex items-center gap-1">
              <span>Severity should be</span>
              <select
                value={severity}
                onChange={(e) => setSeverity(e.target.value)}
                className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
              >
                <option value="">as parsed ({parsedSeverity})</option>
                {GRADED_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <label className="block">
            <span className="sr-only">Comment (Markdown)</span>
            <textarea
              ref={commentRef}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              maxLength={MAX_COMMENT}
              rows={2}
              placeholder="Comment (Markdown, optional)"
              className="w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <label className="min-w-0 flex-1">
              <span className="sr-only">Tags, separated by commas</span>
              <input
                value={tags}
                onChange={(e) => setTags(e.target.value)}
                list={`${id}-tags`}
                placeholder="Tags, comma separated"
                className="w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
              />
              <datalist id={`${id}-tags`}>
                {tagSuggestions.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
            </label>
            <button
              type="submit"
              disabled={busy}
              className="rounded bg-blue-700 px-3 py-1 font-medium text-white hover:bg-blue-800 disabled:opacity-50"
            >
              {mine ? "Save changes" : "Save verdict"}
            </button>
            {mine && (
              <button type="button" onClick={() => setEditing(false)} className="text-blue-700 hover:underline dark:text-blue-300">
                Cancel
              </button>
            )}
          </div>
          {viewer && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              As {viewer.name}. Keys on the failure being read: a agree, d disagree, c comment.
            </p>
          )}
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
