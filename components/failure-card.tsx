// One failure as reviewers read it: heading, severity, gaps, root cause, the MODEL vs IDEAL diff,
// impacts and references. Used on the analysis page (as a list) and on the failure's own page.
import type { Route } from "next";
import Link from "next/link";
import { failureFields } from "@/lib/analyses/failure-fields";
import type { FailureView } from "@/lib/domain";
import type { DiffMode } from "@/lib/filters/view-params";
import { ClippedMarkdown } from "./clipped-text";
import { CopyLinkButton } from "./copy-link-button";
import { FailureDiff } from "./diff/failure-diff";
import { GapTag } from "./gap-tag";
import { SeverityBadge } from "./severity-badge";
import { ReviewPanel } from "./review/review-panel";
import { analysisHref, failureHref } from "@/lib/routes";

export interface FailureCardProps {
  failure: FailureView;
  slug: string;
  mode: DiffMode;
  /** No layout chosen: the screen width picks split or unified (components/diff/failure-diff.tsx). */
  autoMode?: boolean;
  /** On the failure's own page the title is the page's h1 and is not a link. */
  standalone?: boolean;
  /** Hrefs that switch the diff layout, keeping the rest of the page's URL. */
  modeHrefs: Record<DiffMode, Route>;
}

function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export function FailureCard({ failure, slug, mode, autoMode = false, standalone = false, modeHrefs }: FailureCardProps) {
  const Heading = standalone ? "h1" : "h2";
  // Links use the failure's stable key (never its position): `#failure-<key>`, `/failures/<key>`.
  const ownPage = failureHref(slug, failure.key, { diff: mode });
  const fields = failureFields(failure.fieldsJson, failure.fieldsHtml);
  return (
    <article
      id={`failure-${failure.key}`}
      data-nav-item
      data-failure-number={failure.number}
      data-severity={failure.severity}
      data-standalone={standalone ? "" : undefined}
      tabIndex={-1}
      aria-labelledby={`failure-${failure.key}-title`}
      className="scroll-mt-4 space-y-4 rounded-lg border border-slate-200 p-4 focus:outline-none aria-[current=location]:border-amber-500 aria-[current=location]:ring-2 aria-[current=location]:ring-amber-400 sm:p-5 dark:border-slate-800 dark:aria-[current=location]:border-amber-500"
    >
      <header className="space-y-2">
        <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
          <Heading id={`failure-${failure.key}-title`} className={`min-w-0 flex-1 font-semibold ${standalone ? "text-2xl" : "text-lg"}`}>
            <span className="mr-2 text-slate-500 tabular-nums dark:text-slate-400">#{failure.number}</span>
            {standalone ? (
              failure.title
            ) : (
              <Link href={ownPage} className="hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
                {failure.title}
              </Link>
            )}
          </Heading>
          <div className="flex items-center gap-2">
            {/* The failure's own page with the layout being looked at: the link shows what the sender sees. */}
            <CopyLinkButton href={ownPage} label={`Copy link to failure ${failure.number}`} />
            {!standalone && (
              // Handled by the analysis page's failure tools (app/analyses/[slug]/failure-tools.tsx).
              <button
                type="button"
                data-card-toggle
                aria-expanded="true"
                aria-controls={`failure-${failure.key}-body`}
                aria-label={`Collapse failure ${failure.number}`}
                className="group/toggle rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                <span className="group-aria-expanded/toggle:hidden">Expand</span>
                <span className="hidden group-aria-expanded/toggle:inline">Collapse</span>
              </button>
            )}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SeverityBadge severity={failure.severity} />
          {failure.severityNote && <span className="text-slate-700 dark:text-slate-300">{failure.severityNote}</span>}
          {failure.status && (
            <span className="rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-700 dark:border-slate-600 dark:text-slate-300">
              Status: {failure.status}
            </span>
          )}
          {failure.gaps.length > 0 && (
            <span className="flex flex-wrap gap-1" aria-label="Knowledge gaps">
              {failure.gaps.map((g) => (
                <GapTag key={g.gapId} id={g.gapId} label={g.gap.label} primary={g.rank === 0} />
              ))}
            </span>
          )}
        </div>
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
          {failure.section && (
            <div className="flex gap-1">
              <dt>Section</dt>
              <dd className="text-slate-900 dark:text-slate-100">{failure.section}</dd>
            </div>
          )}
          {failure.location && (
            <div className="flex min-w-0 gap-1">
              <dt>Location</dt>
              <dd className="min-w-0 font-mono [overflow-wrap:anywhere] text-slate-900 dark:text-slate-100">{failure.location}</dd>
            </div>
          )}
          <div className="flex gap-1">
            <dt>Source</dt>
            <dd>
              <Link
                href={analysisHref(slug, { view: "raw" }, `#raw-L${failure.line}`)}
                className="text-blue-700 hover:underline dark:text-blue-300"
              >
                line {failure.line}
              </Link>
            </dd>
          </div>
        </dl>
      </header>

      <div id={`failure-${failure.key}-body`} data-card-body className="space-y-4">
        {failure.rootCause && (
          <section aria-label="Root cause">
            <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Root cause</h3>
            <ClippedMarkdown text={failure.rootCause} html={failure.rootCauseHtml} className="mt-1 text-sm" />
          </section>
        )}

        <section aria-label={`MODEL vs IDEAL for failure ${failure.number}`}>
          <FailureDiff
            failureNumber={failure.key}
            blocks={failure.codeBlocks}
            modelText={failure.modelText}
            idealText={failure.idealText}
            modelHtml={failure.modelHtml}
            idealHtml={failure.idealHtml}
            mode={mode}
            auto={autoMode}
            modeHrefs={modeHrefs}
          />
        </section>

        {failure.impacts.length > 0 && (
          <section aria-label="Impacts">
            <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Impact</h3>
            <div className="mt-1 space-y-2 text-sm">
              {failure.impacts.map((impact) => (
                <ClippedMarkdown key={impact.id} text={impact.text} html={impact.html} label={impact.label || undefined} />
              ))}
            </div>
          </section>
        )}

        {fields.length > 0 && (
          <section aria-label="Other fields">
            <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Also in the report</h3>
            <div className="mt-1 space-y-2 text-sm">
              {fields.map((field, index) => (
                <ClippedMarkdown key={index} text={field.text} html={field.html} label={field.label} />
              ))}
            </div>
          </section>
        )}

        {failure.references.length > 0 && (
          <section aria-label="References">
            <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">References</h3>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
              {failure.references.map((ref) => {
                const url = safeUrl(ref.url);
                return (
                  <li key={ref.id} className="[overflow-wrap:anywhere]">
                    {url ? (
                      <a
                        href={url}
                        rel="noopener noreferrer nofollow"
                        target="_blank"
                        className="text-blue-700 hover:underline dark:text-blue-300"
                      >
                        {ref.title || url}
                      </a>
                    ) : (
                      <span>
                        {ref.title} <span className="font-mono text-xs">{ref.url}</span>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <ReviewPanel failure={failure} slug={slug} />
      </div>
    </article>
  );
}
