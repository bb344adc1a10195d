// What a verdict carries under its heading line: its tags, its comment (sanitized HTML from the
// server) and its edit history. Shared words of the review panel: the verdict labels and the time format.
import type { AnnotationView } from "@/lib/reviews/annotations";

export const VERDICT_LABEL = { agree: "Agree", disagree: "Disagree", unsure: "Unsure" } as const;

/** A stored time as reviewers read it: "2026-12-06 15:51 UTC". */
export const when = (iso: string) => iso.slice(0, 16).replace("T", " ") + " UTC";

export function VerdictNotes({ annotation }: { annotation: AnnotationView }) {
  return (
    <>
      {annotation.tags.length > 0 && (
        <ul className="flex flex-wrap gap-1" aria-label="Tags">
          {annotation.tags.map((t) => (
            <li
              key={t}
              className="rounded bg-slate-200 px-1.5 py-0.5 text-xs [overflow-wrap:anywhere] text-slate-800 dark:bg-slate-700 dark:text-slate-100"
            >
              {t}
            </li>
          ))}
        </ul>
      )}
      {/* Sanitized on the server (lib/reviews/markdown.ts): no raw HTML, no script, web links only. */}
      {annotation.commentHtml && (
        <div
          className="review-comment max-w-prose space-y-2 [overflow-wrap:anywhere] [&_a[href]]:text-blue-700 [&_a[href]]:underline dark:[&_a[href]]:text-blue-300 [&_code]:font-mono [&_code]:text-xs [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-5"
          dangerouslySetInnerHTML={{ __html: annotation.commentHtml }}
        />
      )}
      {annotation.history.length > 0 && (
        <details className="text-xs text-slate-600 dark:text-slate-400">
          <summary className="cursor-pointer">
            Edited {annotation.history.length} time{annotation.history.length === 1 ? "" : "s"}
          </summary>
          <ol className="mt-1 space-y-1">
            {annotation.history.map((h, i) => (
              <li key={i}>
                {h.editor} changed it at {when(h.editedAt)}; before: {VERDICT_LABEL[h.verdict]}
                {h.proposedSeverity ? `, proposed ${h.proposedSeverity}` : ""}
                {h.tags.length ? `, tags ${h.tags.join(", ")}` : ""}
                {h.comment ? (
                  <span className="block [overflow-wrap:anywhere] whitespace-pre-wrap">
                    “{h.comment.length > 300 ? `${h.comment.slice(0, 300)}…` : h.comment}”
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
      )}
    </>
  );
}
