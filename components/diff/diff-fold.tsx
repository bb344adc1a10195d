"use client";
// A folded run of unchanged lines, expanded as on GitHub: "↓ 20" shows the next lines under the change
// above it, "↑ 20" the lines just over the change below it, and the bar's own text shows them all.
// Every row is in the page from the start (the still-folded ones inside a <details>), so a link to a
// line in the fold lands (the landing opens the <details>), and "show all" works without JavaScript.
import { Children, useState } from "react";
import { EXPAND_STEP, foldView, type FoldPlace } from "@/lib/diff/fold";

export interface DiffFoldProps {
  place: FoldPlace;
  /** One rendered row per unchanged line, in order. */
  children: React.ReactNode;
}

const ARROW =
  "rounded px-1.5 font-medium text-blue-800 hover:bg-slate-300 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-200 dark:hover:bg-slate-600";

export function DiffFold({ place, children }: DiffFoldProps) {
  const rows = Children.toArray(children);
  const [presses, setPresses] = useState({ down: 0, up: 0 });
  const [open, setOpen] = useState(false);
  const view = foldView(rows.length, place, presses);
  const down = view.down && !open;
  const up = view.up && !open;
  return (
    <>
      {rows.slice(0, view.top)}
      {view.hidden > 0 && (
        <div className="relative" data-diff-fold={place}>
          {(down || up) && (
            <div className="absolute top-0 left-1 z-10 flex gap-0.5 text-xs leading-5">
              {down && (
                <button
                  type="button"
                  className={ARROW}
                  onClick={() => setPresses((p) => ({ ...p, down: p.down + 1 }))}
                  aria-label={`Show ${EXPAND_STEP} more unchanged lines under the change above`}
                >
                  ↓ {EXPAND_STEP}
                </button>
              )}
              {up && (
                <button
                  type="button"
                  className={ARROW}
                  onClick={() => setPresses((p) => ({ ...p, up: p.up + 1 }))}
                  aria-label={`Show ${EXPAND_STEP} more unchanged lines over the change below`}
                >
                  ↑ {EXPAND_STEP}
                </button>
              )}
            </div>
          )}
          <details className="group/fold" onToggle={(event) => setOpen(event.currentTarget.open)}>
            <summary
              className={`cursor-pointer list-none bg-slate-100 py-0.5 pr-3 text-xs leading-5 text-blue-800 hover:bg-slate-200 focus-visible:outline-2 dark:bg-slate-800 dark:text-blue-200 dark:hover:bg-slate-700 [&::-webkit-details-marker]:hidden ${
                down && up ? "pl-28" : down || up ? "pl-16" : "pl-3"
              }`}
            >
              <span className="group-open/fold:hidden">Show {view.hidden} unchanged lines</span>
              <span className="hidden group-open/fold:inline">Hide {view.hidden} unchanged lines</span>
            </summary>
            {rows.slice(view.top, rows.length - view.bottom)}
          </details>
        </div>
      )}
      {rows.slice(rows.length - view.bottom)}
    </>
  );
}
