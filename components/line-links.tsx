"use client";
// Diff line permalinks: clicking a line number puts its anchor in the address, marks the line and
// copies the link. Landing on a line (load, navigation, hash change) is FragmentLanding's job (in the
// layout). One listener per page instead of one component per line.
import { useEffect, useState } from "react";
import { copyText } from "./copy-link-button";
import { LAND_EVENT } from "./fragment-landing";
import { currentHash, lineRange, rangeAnchor } from "@/lib/render/pages";

function describe(anchor: string): string {
  const r = lineRange(anchor);
  if (!r) return "line";
  const side = r.side === "L" ? "MODEL" : "IDEAL";
  return r.from === r.to ? `${side} line ${r.from}` : `${side} lines ${r.from}–${r.to}`;
}

export function LineLinks() {
  const [message, setMessage] = useState("");

  useEffect(() => {
    const onClick = async (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-line-anchor]");
      if (!link || event.metaKey || event.ctrlKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      const clicked = link.dataset.lineAnchor ?? "";
      const anchor = event.shiftKey ? rangeAnchor(currentHash(), clicked) : clicked;
      // Shift-click also extends the text selection: a range of lines is meant, not of text.
      if (event.shiftKey) window.getSelection()?.removeAllRanges();
      // replaceState keeps Back usable; the hashchange event does not fire for it, so ask for the mark.
      window.history.replaceState(window.history.state, "", `#${anchor}`);
      window.dispatchEvent(new CustomEvent(LAND_EVENT, { detail: { scroll: false } }));
      const ok = await copyText(window.location.href);
      const where = describe(anchor);
      setMessage(ok ? `Link to ${where} copied` : `Link to ${where} is in the address bar`);
    };
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
    };
  }, []);

  useEffect(() => {
    if (!message) return;
    const t = window.setTimeout(() => setMessage(""), 2500);
    return () => window.clearTimeout(t);
  }, [message]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center">
      {message && (
        <span className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900">
          {message}
        </span>
      )}
    </div>
  );
}
