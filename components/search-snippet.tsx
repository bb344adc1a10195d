import type { SnippetPart } from "@/lib/search/snippets";

export interface SearchSnippetProps {
  parts: SnippetPart[];
  /** What the snippet is from, e.g. "in failure #3". */
  label?: React.ReactNode;
  className?: string;
}

/**
 * The words around a search match, matched words in <mark>. Text is rendered by React (escaped),
 * never as HTML: a failure quoting `<script>` shows it as text.
 */
export function SearchSnippet({ parts, label, className = "" }: SearchSnippetProps) {
  return (
    <p className={`text-sm [overflow-wrap:anywhere] text-slate-700 dark:text-slate-300 ${className}`} data-testid="search-snippet">
      {label && <span className="mr-1 text-xs text-slate-600 dark:text-slate-400">{label}</span>}
      {parts.map((part, i) =>
        part.mark ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-slate-950 dark:bg-yellow-700/60 dark:text-yellow-50">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
