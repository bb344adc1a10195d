"use client";
// Above the analysis page's failures: show only some severities, collapse or expand every failure.
// Each card's own Collapse button ([data-card-toggle], rendered by components/failure-card.tsx) is
// handled here too. State lives in the page (attributes on the cards), not in the URL.
import { useEffect, useState } from "react";

export interface FailureToolsProps {
  /** Severities present on this page, in order, with how many failures each. */
  counts: { severity: string; count: number }[];
  /** The failures are paged: the filter applies to this page's. */
  paged: boolean;
}

function cards(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[data-nav-item][data-severity]")];
}

function setExpanded(toggle: HTMLElement, expanded: boolean) {
  const body = document.getElementById(toggle.getAttribute("aria-controls") ?? "");
  if (!body) return;
  body.hidden = !expanded;
  toggle.setAttribute("aria-expanded", String(expanded));
  const number = toggle.closest<HTMLElement>("[data-failure-number]")?.dataset.failureNumber ?? "";
  toggle.setAttribute("aria-label", `${expanded ? "Collapse" : "Expand"} failure ${number}`);
}

const BUTTON =
  "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800";

export function FailureTools({ counts, paged }: FailureToolsProps) {
  const [hidden, setHidden] = useState<string[]>([]);
  const total = counts.reduce((n, c) => n + c.count, 0);
  const shownCount = counts.filter((c) => !hidden.includes(c.severity)).reduce((n, c) => n + c.count, 0);

  // Apply the filter to the cards and the table of contents (again when the server re-renders them).
  useEffect(() => {
    const apply = () => {
      for (const card of cards()) card.hidden = hidden.includes(card.dataset.severity ?? "");
      for (const li of document.querySelectorAll<HTMLElement>("[data-toc-severity]"))
        li.hidden = hidden.includes(li.dataset.tocSeverity ?? "");
    };
    apply();
    const section = document.querySelector("[data-failure-list]");
    const observer = new MutationObserver(apply);
    if (section) observer.observe(section, { childList: true });
    return () => observer.disconnect();
  }, [hidden]);

  // One card's Collapse/Expand button.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const toggle = (event.target as Element | null)?.closest<HTMLElement>("[data-card-toggle]");
      if (!toggle) return;
      setExpanded(toggle, toggle.getAttribute("aria-expanded") !== "true");
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  const all = (expanded: boolean) => {
    for (const toggle of document.querySelectorAll<HTMLElement>("[data-card-toggle]")) setExpanded(toggle, expanded);
  };
  const flip = (severity: string) => setHidden((h) => (h.includes(severity) ? h.filter((s) => s !== severity) : [...h, severity]));

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <div role="group" aria-label={`Show severities${paged ? " (this page)" : ""}`} className="flex flex-wrap items-center gap-1">
        <span className="mr-1 text-xs text-slate-600 dark:text-slate-300">Show</span>
        {counts.map(({ severity, count }) => (
          <button
            key={severity}
            type="button"
            aria-pressed={!hidden.includes(severity)}
            onClick={() => flip(severity)}
            className={`${BUTTON} capitalize aria-pressed:bg-slate-800 aria-pressed:text-white dark:aria-pressed:bg-slate-200 dark:aria-pressed:text-slate-900`}
          >
            {severity} <span className="tabular-nums">{count}</span>
          </button>
        ))}
      </div>
      <div className="flex gap-1">
        <button type="button" className={BUTTON} onClick={() => all(false)}>
          Collapse all
        </button>
        <button type="button" className={BUTTON} onClick={() => all(true)}>
          Expand all
        </button>
      </div>
      <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {shownCount === total ? "" : `Showing ${shownCount} of ${total} failures${paged ? " on this page" : ""}`}
      </p>
    </div>
  );
}
