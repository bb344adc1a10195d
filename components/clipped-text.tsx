// Prose from a report, shown up to a budget: a browser lays out one 300,000-character word for tens
// of seconds (the page hangs), and nobody reads that much inline. The whole text stays in the raw view.
import { clipText, PROSE_BUDGET } from "@/lib/render/clip";
import { asRendered, renderMarkdown } from "@/lib/render/markdown";

export interface ClippedTextProps {
  text: string;
  limit?: number;
}

export function ClippedText({ text, limit = PROSE_BUDGET }: ClippedTextProps) {
  const { shown, omitted } = clipText(text, limit);
  return (
    <>
      {shown}
      {omitted > 0 && (
        <span className="ml-1 text-xs text-slate-600 italic dark:text-slate-400">
          … {omitted.toLocaleString("en-US")} more characters (see the raw view)
        </span>
      )}
    </>
  );
}

export interface ClippedMarkdownProps {
  text: string;
  limit?: number;
  /**
   * The text's HTML as stored at ingest (lib/render/prose.ts, the same clipping): shown as it is. Null
   * or absent (a row stored before migration 0016): the text is rendered now.
   */
  html?: string | null;
  /** A label shown before the text: inline when the text is one paragraph, above it otherwise. */
  label?: string;
  className?: string;
}

/**
 * Report prose rendered from its Markdown (lib/render/markdown.ts: sanitized, never raw HTML from the
 * document), up to the same budget as ClippedText: the HTML stored at ingest, else the clipped text
 * rendered now.
 */
export function ClippedMarkdown({ text, html: stored, limit = PROSE_BUDGET, label, className = "" }: ClippedMarkdownProps) {
  const { shown, omitted } = clipText(text, limit);
  const { html, inline } = stored != null && limit === PROSE_BUDGET ? asRendered(stored) : renderMarkdown(shown);
  const more = omitted > 0 && (
    <span className="ml-1 text-xs text-slate-600 italic dark:text-slate-400">
      … {omitted.toLocaleString("en-US")} more characters (see the raw view)
    </span>
  );
  if (inline) {
    return (
      <p className={`md [overflow-wrap:anywhere] ${className}`}>
        {label && <strong className="font-medium">{label}: </strong>}
        <span dangerouslySetInnerHTML={{ __html: html }} />
        {more}
      </p>
    );
  }
  return (
    <div className={`md [overflow-wrap:anywhere] ${className}`}>
      {label && <p className="font-medium">{label}:</p>}
      <div dangerouslySetInnerHTML={{ __html: html }} />
      {more && <p>{more}</p>}
    </div>
  );
}
