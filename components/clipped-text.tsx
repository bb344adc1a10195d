// Prose from a report, shown up to a budget: a browser lays out one 300,000-character word for tens
// of seconds (the page hangs), and nobody reads that much inline. The whole text stays in the raw view.
import { clipText, PROSE_BUDGET } from "@/lib/render/clip";

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
        <span className="ml-1 text-xs italic text-slate-600 dark:text-slate-400">
          … {omitted.toLocaleString("en-US")} more characters (see the raw view)
        </span>
      )}
    </>
  );
}
