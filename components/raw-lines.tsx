"use client";
// One page of the raw view's rows (lib/render/raw.ts). A client component on purpose: its props are the
// page's text, so the React payload carries the text once and the browser rebuilds the same rows from
// it, instead of carrying the highlighted rows (several times the text) beside the rows in the HTML.
import { useMemo } from "react";
import { rawRowsHtml } from "@/lib/render/raw";

interface RawLinesProps {
  /** The lines of this page, joined by "\n". */
  text: string;
  /** The 1-based number of the first line. */
  firstLine: number;
  /** The fence the page starts inside (lib/render/raw.ts fenceAt), or null. */
  openFence: string | null;
}

export function RawLines({ text, firstLine, openFence }: RawLinesProps) {
  const html = useMemo(() => rawRowsHtml(text, firstLine, openFence), [text, firstLine, openFence]);
  return <div className="raw-lines" dangerouslySetInnerHTML={{ __html: html }} />;
}
