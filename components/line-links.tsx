"use client";
// Diff line permalinks: on load and on every hash change, finds the line the hash names (in the
// visible layout), opens any fold around it, scrolls to it and marks it; clicking a line number also
// copies the link. One listener per page instead of one component per line.
import { useEffect, useState } from "react";
import { parseLineAnchor } from "@/lib/diff/align";
import { copyText } from "./copy-link-button";

function visible(el: Element): boolean {
  return (el as HTMLElement).offsetParent !== null || (el as HTMLElement).getClientRects().length > 0;
}

function findLine(anchor: string): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>("[data-line]")].filter((el) => el.dataset.line?.split(" ").includes(anchor));
  // Prefer the layout on screen; a folded line's layout is still "visible" once its <details> opens.
  return all.find((el) => visible(el.closest("[data-diff-view]") ?? el)) ?? all[0] ?? null;
}

export function LineLinks() {
  const [message, setMessage] = useState("");

  useEffect(() => {
    const highlight = () => {
      for (const el of document.querySelectorAll("[aria-current='location']")) el.removeAttribute("aria-current");
      const anchor = decodeURIComponent(window.location.hash.slice(1));
      if (!parseLineAnchor(anchor)) return;
      const line = findLine(anchor);
      if (!line) return;
      for (let d = line.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
      line.setAttribute("aria-current", "location");
      line.scrollIntoView({ block: "center" });
    };
    const onClick = async (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-line-anchor]");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      const anchor = link.dataset.lineAnchor ?? "";
      // replaceState keeps Back usable; the hashchange event does not fire for it, so highlight here.
      window.history.replaceState(window.history.state, "", `#${anchor}`);
      highlight();
      const ok = await copyText(window.location.href);
      const parsed = parseLineAnchor(anchor);
      const where = parsed ? `${parsed.side === "L" ? "MODEL" : "IDEAL"} line ${parsed.line}` : "line";
      setMessage(ok ? `Link to ${where} copied` : `Link to ${where} is in the address bar`);
    };
    highlight();
    window.addEventListener("hashchange", highlight);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("hashchange", highlight);
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
      {message && <span className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900">{message}</span>}
    </div>
  );
}
