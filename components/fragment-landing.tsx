"use client";
// Makes every fragment the app emits land: `#failure-<key>`, `#failure-<key>-L12` / `-b2-R4`,
// `#raw-L42`, `#hit-…` — and old forms (`#failure-7`, `#failure-7-L3`) through the page's failure
// aliases. The browser's own fragment scroll runs once, before a streamed page has the element, and
// client navigation sets neither :target nor a scroll; so this waits for the target to exist, opens
// folds around it, scrolls to it, marks it (aria-current="location", styled as the highlight) and
// keeps it in place while late content shifts the layout, until the reader scrolls. It runs on a fresh
// load, on client navigation, on back/forward and on every hash change. Mounted once, in the layout.
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { LINE_SUFFIX, currentHash, lineRange } from "@/lib/render/pages";

/** Dispatch on window (detail: { scroll?: boolean }) after changing the hash with replaceState. */
export const LAND_EVENT = "faultline:land";

// How long a target may take to stream in; a slow server must not make a link give up.
const WAIT_MS = 60_000;
const SETTLE_MS = 6_000;

type Aliases = Record<string, [key: string, title: string, current: 0 | 1]>;

interface Gone {
  ref: string;
  title: string;
}

function visible(el: Element): boolean {
  return (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
}

/** A diff line: several layouts may carry the anchor; prefer the one on screen. */
function findLine(anchor: string): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>("[data-line]")].filter((el) => el.dataset.line?.split(" ").includes(anchor));
  return all.find((el) => visible(el.closest("[data-diff-view]") ?? el)) ?? all[0] ?? null;
}

/**
 * The rows a line or range fragment names (`…-L12`, `…-L3-L7`): from its first line's row to its last
 * line's row, in the same layout, every row between (a unified view interleaves the other side's lines).
 */
function findLines(hash: string): HTMLElement[] {
  const range = lineRange(hash);
  if (!range) return [];
  const first = findLine(range.first);
  if (!first) return [];
  if (range.first === range.last) return [first];
  const view = first.closest("[data-diff-view]") ?? first.closest("figure") ?? first.parentElement;
  const rows = view ? [...view.querySelectorAll<HTMLElement>("[data-line]")] : [first];
  const start = rows.indexOf(first);
  let end = start;
  rows.forEach((row, i) => {
    const anchors = row.dataset.line?.split(" ") ?? [];
    if (i > start && anchors.some((a) => a.startsWith(`${range.base}-${range.side}`) && Number(a.slice(range.base.length + 2)) <= range.to))
      end = i;
  });
  return rows.slice(start, end + 1);
}

/** Opens what hides `el`: folds (<details>) and collapsed failure bodies. */
function reveal(el: HTMLElement) {
  for (let d = el.closest("details"); d; d = d.parentElement?.closest("details") ?? null) d.open = true;
  for (
    let b = el.closest<HTMLElement>("[data-card-body][hidden]");
    b;
    b = b.parentElement?.closest<HTMLElement>("[data-card-body][hidden]") ?? null
  ) {
    b.hidden = false;
    document.querySelector(`[aria-controls="${b.id}"]`)?.setAttribute("aria-expanded", "true");
  }
}

function readAliases(): Aliases {
  const holder = document.querySelector<HTMLElement>("[data-failure-aliases]");
  try {
    return holder ? (JSON.parse(holder.dataset.failureAliases ?? "{}") as Aliases) : {};
  } catch {
    return {};
  }
}

type Found =
  | { kind: "element"; el: HTMLElement; line: boolean; more?: HTMLElement[] }
  | { kind: "moved"; hash: string }
  | { kind: "gone"; gone: Gone }
  | null;

/** What `hash` (without "#") names on the page as it is now. */
function find(hash: string): Found {
  if (hash.startsWith("failure-")) {
    const lines = findLines(hash);
    if (lines[0]) return { kind: "element", el: lines[0], line: true, more: lines.slice(1) };
    const card = document.getElementById(hash);
    if (card) return { kind: "element", el: card, line: false };
    // An old name: a number from before a renumbering, or a key the failure had.
    const rest = hash.slice("failure-".length);
    const match = LINE_SUFFIX.exec(rest);
    const lineSuffix = match?.[2];
    const aliases = readAliases();
    for (const [ref, suffix] of [[rest, ""], ...(match && lineSuffix ? [[match[1]!, lineSuffix]] : [])] as [string, string][]) {
      const entry = aliases[ref];
      if (!entry) continue;
      const [key, title, current] = entry;
      // A current failure whose card is not rendered yet (another view is still showing): rewrite an
      // old name now and wait for the card; only a failure the analysis no longer has is "gone".
      if (current) return key === ref ? null : { kind: "moved", hash: `failure-${key}${suffix}` };
      return { kind: "gone", gone: { ref, title: aliases[key]?.[1] || title } };
    }
    return null;
  }
  const el = document.getElementById(hash);
  return el ? { kind: "element", el, line: hash.startsWith("raw-L") } : null;
}

export function FragmentLanding() {
  const pathname = usePathname();
  const [gone, setGone] = useState<Gone | null>(null);
  const landRef = useRef<(options?: { scroll?: boolean }) => void>(() => {});

  useEffect(() => {
    let marked: HTMLElement | null = null;
    let markedMore: HTMLElement[] = [];
    let markedHash = "";
    let waiter: MutationObserver | null = null;
    let waitTimer = 0;
    let settle: { stop: () => void; align: () => void } | null = null;

    const unmark = () => {
      for (const el of document.querySelectorAll<HTMLElement>("[data-landed]")) {
        el.removeAttribute("data-landed");
        if (el.getAttribute("aria-current") === "location") el.removeAttribute("aria-current");
      }
      marked = null;
    };
    const mark = (el: HTMLElement, more: HTMLElement[] = []) => {
      // Always clear first: a node re-inserted from the router's cache can still carry an old mark.
      unmark();
      for (const m of [el, ...more]) {
        reveal(m);
        m.setAttribute("aria-current", "location");
        m.setAttribute("data-landed", "");
      }
      marked = el;
      markedMore = more;
    };
    const stopWaiting = () => {
      waiter?.disconnect();
      waiter = null;
      window.clearTimeout(waitTimer);
    };

    /** Scrolls `el` into place now and again while the page settles, until the reader takes over. */
    const keepInView = (el: HTMLElement, line: boolean) => {
      settle?.stop();
      const block: ScrollLogicalPosition = line ? "center" : "start";
      let wanted = Number.NaN;
      const align = () => {
        // Hydration or a re-render may have replaced the element: follow its successor (re-marked below).
        const target = el.isConnected ? el : marked?.isConnected ? marked : null;
        if (!target) return;
        // A page coming back from the router's cache may re-insert nodes and drop the mark: put it back.
        if (target.getAttribute("aria-current") !== "location") mark(target, target === marked ? markedMore : []);
        const top = target.getBoundingClientRect().top;
        if (Number.isNaN(wanted) || Math.abs(top - wanted) > 2) {
          target.scrollIntoView({ block });
          wanted = target.getBoundingClientRect().top;
        }
      };
      align();
      const resize = new ResizeObserver(align);
      resize.observe(document.body);
      // Anything but the reader scrolling the page away (a router or a content swap) is undone.
      window.addEventListener("scroll", align, { passive: true });
      const timers = [50, 150, 400, 800, 1500, 2500].map((ms) => window.setTimeout(align, ms));
      const stop = () => {
        resize.disconnect();
        window.removeEventListener("scroll", align);
        timers.forEach((t) => window.clearTimeout(t));
        for (const type of ["wheel", "touchstart", "keydown", "mousedown", "pointerdown"]) window.removeEventListener(type, stop, true);
        window.clearTimeout(end);
        if (settle?.stop === stop) settle = null;
      };
      const end = window.setTimeout(stop, SETTLE_MS);
      for (const type of ["wheel", "touchstart", "keydown", "mousedown", "pointerdown"])
        window.addEventListener(type, stop, { capture: true, passive: true });
      settle = { stop, align };
    };

    const land = ({ scroll = true }: { scroll?: boolean } = {}) => {
      stopWaiting();
      const hash = currentHash();
      if (!hash || hash === "main") {
        unmark();
        markedHash = "";
        setGone(null);
        return;
      }
      const attempt = (): boolean => {
        const found = find(hash);
        if (!found) return false;
        if (found.kind === "moved") {
          // Show the address the failure has now, then land on it.
          window.history.replaceState(window.history.state, "", `#${found.hash}`);
          land({ scroll });
          return true;
        }
        if (found.kind === "gone") {
          unmark();
          setGone(found.gone);
          return true;
        }
        setGone(null);
        mark(found.el, found.more);
        markedHash = hash;
        if (scroll) keepInView(found.el, found.line);
        if (!found.line && found.el.tabIndex === -1) found.el.focus({ preventScroll: true });
        return true;
      };
      if (attempt()) return;
      // Not on the page yet (still streaming, or a client navigation has not rendered it): wait.
      waiter = new MutationObserver(() => {
        if (attempt()) stopWaiting();
      });
      waiter.observe(document.body, { childList: true, subtree: true });
      waitTimer = window.setTimeout(stopWaiting, WAIT_MS);
    };
    landRef.current = land;

    // A re-render that replaced the marked element (the diff layout switched): mark its successor.
    const remark = new MutationObserver(() => {
      if (!marked || marked.isConnected || !markedHash || markedHash !== currentHash()) return;
      const found = find(markedHash);
      if (found?.kind === "element") {
        mark(found.el, found.more);
        // Still settling: keep the new element in place too (the settle loop follows `marked`).
        settle?.align();
      }
    });
    remark.observe(document.body, { childList: true, subtree: true });

    const onHashChange = () => land();
    const onPopState = () => window.setTimeout(() => land(), 0);
    const onLand = (event: Event) => land({ scroll: (event as CustomEvent<{ scroll?: boolean }>).detail?.scroll ?? true });
    // Next.js links change the URL with pushState (no hashchange): land once the address has changed.
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      const url = new URL((link as HTMLAnchorElement).href, window.location.href);
      if (url.origin !== window.location.origin || !url.hash || link.hasAttribute("data-line-anchor")) return;
      const before = window.location.href;
      // The address the page already has: nothing will change, land again now.
      if (url.href === before) {
        window.setTimeout(() => land(), 0);
        return;
      }
      let tries = 0;
      const check = () => {
        if (window.location.href !== before && window.location.hash === url.hash) land();
        else if (++tries < 40) window.setTimeout(check, 50);
      };
      window.setTimeout(check, 0);
    };
    window.addEventListener("hashchange", onHashChange);
    window.addEventListener("popstate", onPopState);
    window.addEventListener(LAND_EVENT, onLand);
    document.addEventListener("click", onClick);
    return () => {
      stopWaiting();
      settle?.stop();
      remark.disconnect();
      window.removeEventListener("hashchange", onHashChange);
      window.removeEventListener("popstate", onPopState);
      window.removeEventListener(LAND_EVENT, onLand);
      document.removeEventListener("click", onClick);
    };
  }, []);

  // Every page change (first load, client navigation, back/forward to another page).
  useEffect(() => {
    landRef.current();
  }, [pathname]);

  if (!gone) return null;
  return (
    <div
      role="alert"
      className="fixed inset-x-0 top-4 z-50 mx-auto w-[min(36rem,calc(100%-2rem))] rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 shadow-lg dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-semibold">This failure no longer exists in the current version of this analysis.</p>
      <p className="mt-1 [overflow-wrap:anywhere]">
        The link named failure <span className="font-mono">{/^\d+$/.test(gone.ref) ? `#${gone.ref}` : gone.ref}</span>
        {gone.title ? `, “${gone.title}”` : ""}; the report was re-read since and no longer lists it.
      </p>
      <button
        type="button"
        onClick={() => setGone(null)}
        className="mt-2 rounded border border-amber-500 px-2 py-0.5 text-xs hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        Dismiss
      </button>
    </div>
  );
}
