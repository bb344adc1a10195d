// Review progress of one analysis, for its page: "5 of 7 failures reviewed by you" (a failure counts
// once you have a verdict on it), how many anyone has reviewed, a link to your next unreviewed
// failure, and the annotations left on failures the analysis no longer has (outdated, kept).
import Link from "next/link";
import { currentViewer } from "@/lib/auth/current-viewer";
import { reviewProgress } from "@/lib/reviews/annotations";
import { analysisHref, failureHref, signInHref } from "@/lib/routes";

export async function ReviewProgress({ analysisId, slug }: { analysisId: number; slug: string }) {
  const viewer = await currentViewer();
  let progress;
  try {
    progress = await reviewProgress(analysisId, viewer?.reviewer ?? null);
  } catch (error) {
    console.error("review progress:", error);
    return null;
  }
  const { total, reviewedByYou, reviewedByAnyone, next, outdated } = progress;
  if (total === 0 && outdated.length === 0) return null;
  const done = viewer !== null && total > 0 && reviewedByYou === total;
  return (
    <section
      aria-label="Review progress"
      className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
      data-review-progress
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {viewer ? (
          <p className="flex items-center gap-2">
            {done && (
              <span aria-hidden="true" className="text-emerald-700 dark:text-emerald-400">
                ✓
              </span>
            )}
            <strong className="tabular-nums">
              {reviewedByYou} of {total}
            </strong>{" "}
            failure{total === 1 ? "" : "s"} reviewed by you
          </p>
        ) : (
          <p>
            <Link href={signInHref(analysisHref(slug))} className="text-blue-700 hover:underline dark:text-blue-300">
              Sign in to review
            </Link>
          </p>
        )}
        <p className="text-slate-600 dark:text-slate-300">
          <span className="tabular-nums">
            {reviewedByAnyone} of {total}
          </span>{" "}
          reviewed by anyone
        </p>
        {viewer && next && (
          <Link href={failureHref(slug, next.key)} className="text-blue-700 hover:underline dark:text-blue-300">
            Next to review: #{next.number} {next.title.length > 60 ? `${next.title.slice(0, 60)}…` : next.title}
          </Link>
        )}
      </div>
      {outdated.length > 0 && (
        <details>
          <summary className="cursor-pointer text-amber-900 dark:text-amber-200">
            {outdated.length} outdated annotation{outdated.length === 1 ? "" : "s"} (on failures this analysis no longer has)
          </summary>
          <ul className="mt-2 space-y-2">
            {outdated.map((a) => (
              <li key={a.id} className="border-l-2 border-amber-400 pl-2" data-outdated-annotation={a.id}>
                <span className="font-medium">{a.reviewer.name}</span> · {a.verdict} on “{a.failureTitle}”{" "}
                <span className="text-xs text-slate-600 dark:text-slate-400">({a.updatedAt.slice(0, 10)})</span>
                {a.commentHtml && (
                  <div
                    className="[overflow-wrap:anywhere] text-slate-700 dark:text-slate-300"
                    dangerouslySetInnerHTML={{ __html: a.commentHtml }}
                  />
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
