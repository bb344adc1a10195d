// The raw view's rows as one HTML string: highlighted as Markdown (highlight.js, the same grammars as
// code blocks), each line `<div id="raw-L12"><a href="#raw-L12">12</a><span>…</span></div>`. Short
// classes styled in globals.css ("Raw view"); line numbers are links but not tab stops.
import { escapeHtml, highlightLines } from "./highlight";

/** Highlighting runs over the whole report (fences span lines); a few recent reports are kept. */
const cache = new Map<string, string[]>();
const CACHE_SIZE = 8;

function highlighted(raw: string): string[] {
  const hit = cache.get(raw);
  if (hit) return hit;
  // Past 200,000 characters highlightLines gives escaped text (one pass over a huge file is not worth it).
  const lines = highlightLines(raw, "markdown");
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(raw, lines);
  return lines;
}

/** Rows `start` (0-based) to `start + count` of `raw`. */
export function rawLinesHtml(raw: string, start: number, count: number): string {
  const all = highlighted(raw);
  const text = raw.split("\n");
  let out = "";
  for (let i = start; i < Math.min(all.length, start + count); i++) {
    const n = i + 1;
    // A line whose highlighting does not round-trip (never expected) is shown as escaped text.
    const html = all[i] ?? escapeHtml(text[i] ?? "");
    out += `<div id="raw-L${n}" class="rl"><a href="#raw-L${n}" tabindex="-1" aria-label="Line ${n}">${n}</a><span>${html || " "}</span></div>`;
  }
  return out;
}
