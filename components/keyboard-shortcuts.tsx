"use client";
// Site-wide keys: j/k move between failures (cards or result rows marked data-nav-item), "/" focuses
// the page's search box, "?" opens the help. Keys typed into form fields are left alone.
import { useEffect, useRef } from "react";
import { LAND_EVENT } from "./fragment-landing";

const SHORTCUTS: [string, string][] = [
  ["j", "Next failure"],
  ["k", "Previous failure"],
  ["/", "Search"],
  ["?", "Show this help"],
  ["Esc", "Close this help"],
];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)));
}

function move(step: 1 | -1) {
  const items = [...document.querySelectorAll<HTMLElement>("[data-nav-item]")];
  if (!items.length) return;
  const active = document.activeElement?.closest<HTMLElement>("[data-nav-item]");
  let index = active ? items.indexOf(active) : -1;
  if (index === -1) {
    // Nothing focused yet: start from the item nearest the top of the viewport.
    const firstBelow = items.findIndex((el) => el.getBoundingClientRect().top >= -1);
    index = step === 1 ? (firstBelow === -1 ? items.length : firstBelow) - 1 : firstBelow === -1 ? items.length : firstBelow;
  }
  const next = items[Math.max(0, Math.min(items.length - 1, index + step))];
  if (!next) return;
  // The address first: the router re-renders on replaceState, and focus given before that could be lost.
  if (next.id) {
    window.history.replaceState(window.history.state, "", `#${next.id}`);
    // The highlight follows the address (replaceState fires no hashchange).
    window.dispatchEvent(new CustomEvent(LAND_EVENT, { detail: { scroll: false } }));
  }
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: "start" });
  requestAnimationFrame(() => {
    if (document.activeElement !== next && document.contains(next)) next.focus({ preventScroll: true });
  });
}

export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (dialog.current?.open && event.key !== "?") return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        move(event.key === "j" ? 1 : -1);
      } else if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>("[data-search-input='page']") ?? document.querySelector<HTMLInputElement>("[data-search-input]");
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
      } else if (event.key === "?") {
        event.preventDefault();
        if (dialog.current?.open) dialog.current.close();
        else dialog.current?.showModal();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      className="m-auto w-80 rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-title" className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([key, action]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{key}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
        Click a diff line number to copy a link to that line: <code>#failure-open-port-L12</code> is MODEL line 12,{" "}
        <code>#failure-open-port-R12</code> IDEAL line 12 (<code>-b2-</code> names a failure&apos;s second code block).
      </p>
      <form method="dialog" className="mt-4 text-right">
        <button className="rounded bg-slate-800 px-3 py-1 text-sm text-white hover:bg-slate-700 focus-visible:outline-2 dark:bg-slate-200 dark:text-slate-900">Close</button>
      </form>
    </dialog>
  );
}
