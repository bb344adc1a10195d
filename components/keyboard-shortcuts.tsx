"use client";
// Site-wide keys: j/k move between failures (cards or result rows marked data-nav-item; on a failure's
// own page, to the next/previous failure's page), Enter opens the one j/k focused (its main link),
// n/p between the changes of the diffs, "/" focuses the page's search box, "?" opens the help. Keys typed into form fields are left alone.
import { useEffect, useRef } from "react";
import { LAND_EVENT } from "./fragment-landing";

const SHORTCUTS: [string, string][] = [
  ["j", "Next failure"],
  ["k", "Previous failure"],
  ["Enter", "Open the failure or result j/k moved to"],
  ["n", "Next change in the diffs"],
  ["p", "Previous change in the diffs"],
  ["a", "Agree with the failure being read (signed in)"],
  ["d", "Disagree with it"],
  ["c", "Comment on it"],
  ["/", "Search"],
  ["?", "Show this help"],
  ["Esc", "Close this help"],
];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)));
}

/** How far below the top of the viewport a reader's eye is taken to be (below a sticky header). */
const READING_LINE = 80;

function shown(el: HTMLElement): boolean {
  return el.getClientRects().length > 0;
}

function inViewport(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
}

/**
 * The failure being read: the focused one if on screen, else the one a link landed on (the hash) if
 * on screen, else the last one whose top has passed the reading line (-1: none yet).
 */
export function currentIndex(items: HTMLElement[]): number {
  const focused = document.activeElement?.closest<HTMLElement>("[data-nav-item]");
  if (focused && items.includes(focused) && inViewport(focused)) return items.indexOf(focused);
  const landed = items.find((el) => el.getAttribute("aria-current") === "location" || el.querySelector("[aria-current='location']"));
  if (landed && inViewport(landed)) return items.indexOf(landed);
  let index = -1;
  items.forEach((el, i) => {
    if (el.getBoundingClientRect().top <= READING_LINE) index = i;
  });
  return index;
}

function go(next: HTMLElement) {
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

function move(step: 1 | -1) {
  // A failure's own page: j/k open the next/previous failure's page (its rel=next/prev link).
  if (document.querySelector("[data-nav-item][data-standalone]")) {
    document.querySelector<HTMLAnchorElement>(`a[rel="${step === 1 ? "next" : "prev"}"]`)?.click();
    return;
  }
  const items = [...document.querySelectorAll<HTMLElement>("[data-nav-item]")].filter(shown);
  if (!items.length) return;
  const index = currentIndex(items);
  const next = items[Math.max(0, Math.min(items.length - 1, index + step))];
  if (next) go(next);
}

/**
 * What Enter opens on a focused item (not a link inside it, which opens itself): its link marked
 * data-nav-open, else its heading's link, else its first link. A failure's own page opens nothing.
 */
export function mainLink(item: HTMLElement): HTMLAnchorElement | null {
  if (item.hasAttribute("data-standalone")) return null;
  return (
    item.querySelector<HTMLAnchorElement>("a[href][data-nav-open]") ??
    item.querySelector<HTMLAnchorElement>(":is(h1, h2, h3, h4) a[href]") ??
    item.querySelector<HTMLAnchorElement>("a[href]")
  );
}

/** The first row of each run of changed lines, in the diff layouts on screen, in page order. */
function changeStarts(): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const view of document.querySelectorAll<HTMLElement>("[data-diff-view]")) {
    if (!shown(view)) continue;
    let previousChanged = false;
    for (const row of view.querySelectorAll<HTMLElement>("[data-line]")) {
      const changed = row.dataset.kind ? row.dataset.kind !== "same" : /\bdiff-(?:del|add)\b/.test(row.className);
      if (changed && !previousChanged && shown(row)) out.push(row);
      previousChanged = changed;
    }
  }
  return out;
}

function moveChange(step: 1 | -1) {
  const starts = changeStarts();
  if (!starts.length) return;
  const landed = starts.findIndex((el) => el.getAttribute("aria-current") === "location");
  let index: number;
  if (landed !== -1 && inViewport(starts[landed]!)) index = landed + step;
  else {
    // From the middle of the screen: the next change below it, or the previous above it.
    const middle = window.innerHeight / 2;
    const tops = starts.map((el) => el.getBoundingClientRect().top);
    index = step === 1 ? tops.findIndex((t) => t > middle + 1) : tops.findLastIndex((t) => t < middle - 1);
  }
  const target = starts[index];
  const anchor = target?.dataset.line?.split(" ")[0];
  if (!target || !anchor) return;
  window.history.replaceState(window.history.state, "", `#${anchor}`);
  window.dispatchEvent(new CustomEvent(LAND_EVENT, { detail: { scroll: true } }));
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
      } else if (
        event.key === "Enter" &&
        !event.shiftKey &&
        event.target instanceof HTMLElement &&
        event.target.matches("[data-nav-item]")
      ) {
        const link = mainLink(event.target);
        if (link) {
          event.preventDefault();
          link.click();
        }
      } else if (event.key === "n" || event.key === "p") {
        event.preventDefault();
        moveChange(event.key === "n" ? 1 : -1);
      } else if (event.key === "/") {
        const search =
          document.querySelector<HTMLInputElement>("[data-search-input='page']") ??
          document.querySelector<HTMLInputElement>("[data-search-input]");
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
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                {key}
              </kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
        Click a diff line number to copy a link to that line: <code>#failure-open-port-L12</code> is MODEL line 12,{" "}
        <code>#failure-open-port-R12</code> IDEAL line 12 (<code>-b2-</code> names a failure&apos;s second code block). Shift-click a second
        number for a range: <code>#failure-open-port-L3-L7</code>.
      </p>
      <form method="dialog" className="mt-4 text-right">
        <button className="rounded bg-slate-800 px-3 py-1 text-sm text-white hover:bg-slate-700 focus-visible:outline-2 dark:bg-slate-200 dark:text-slate-900">
          Close
        </button>
      </form>
    </dialog>
  );
}
