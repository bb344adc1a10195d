"use client";
// The analysis page's table of contents: a sticky list beside the failures on wide screens, a
// collapsible one above them on phones and tablets. Scroll-spy: the failure being read (the last
// whose top has passed the reading line) is marked in the list, which keeps it in sight.
import { useEffect, useMemo, useRef, useState } from "react";

export interface TocItem {
  key: string;
  number: number;
  title: string;
  severity: string;
}

const DOT: Record<string, string> = {
  critical: "bg-red-600",
  high: "bg-orange-500",
  medium: "bg-amber-400",
  low: "bg-sky-500",
  unknown: "bg-slate-400",
};

/** Below a sticky header a reader's eye is about this far down the viewport. */
const READING_LINE = 96;

function useActiveFailure(keys: string[]): string | null {
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      let current: string | null = null;
      for (const key of keys) {
        const card = document.getElementById(`failure-${key}`);
        if (!card || card.hidden || !card.getClientRects().length) continue;
        if (card.getBoundingClientRect().top <= READING_LINE) current = key;
        else break;
      }
      // At the very bottom the last cards cannot reach the reading line: the last one is being read.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2) {
        const last = [...keys].reverse().find((k) => {
          const el = document.getElementById(`failure-${k}`);
          return el && !el.hidden && el.getClientRects().length;
        });
        if (last) current = last;
      }
      setActive(current ?? keys[0] ?? null);
    };
    const schedule = () => {
      if (!frame) frame = window.requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule, { passive: true });
    window.addEventListener("hashchange", schedule);
    return () => {
      window.cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      window.removeEventListener("hashchange", schedule);
    };
  }, [keys]);
  return active;
}

interface ListProps {
  items: TocItem[];
  active: string | null;
  onPick?: () => void;
  className?: string;
  listRef?: React.Ref<HTMLOListElement>;
}

function List({ items, active, onPick, className = "", listRef }: ListProps) {
  return (
    <ol ref={listRef} className={`space-y-0.5 text-sm ${className}`}>
      {items.map((f) => (
        <li key={f.key} data-toc-severity={f.severity}>
          <a
            href={`#failure-${f.key}`}
            onClick={onPick}
            aria-current={active === f.key ? "true" : undefined}
            className="flex items-start gap-2 rounded border-l-2 border-transparent px-1 py-0.5 hover:bg-slate-100 aria-[current=true]:border-blue-600 aria-[current=true]:bg-blue-50 aria-[current=true]:font-medium dark:hover:bg-slate-800 dark:aria-[current=true]:border-blue-400 dark:aria-[current=true]:bg-slate-800"
          >
            <span className="text-slate-600 tabular-nums dark:text-slate-300">{f.number}.</span>
            <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">{f.title}</span>
            <span className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${DOT[f.severity] ?? DOT.unknown}`} aria-label={f.severity} role="img" />
          </a>
        </li>
      ))}
    </ol>
  );
}

export interface FailureTocProps {
  items: TocItem[];
  /** All the analysis's failures when the list is one page of them. */
  total?: number;
}

export function FailureToc({ items, total = items.length }: FailureTocProps) {
  const keysId = items.map((f) => f.key).join(" ");
  const keys = useMemo(() => keysId.split(" "), [keysId]);
  const active = useActiveFailure(keys);
  const wide = useRef<HTMLOListElement>(null);
  const phone = useRef<HTMLDetailsElement>(null);

  // Keep the marked entry in sight inside the sticky list (scrolling the list, never the page).
  useEffect(() => {
    const list = wide.current;
    const link = list?.querySelector<HTMLElement>("[aria-current='true']");
    if (!list || !link || !list.getClientRects().length) return;
    const top = link.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + link.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top - list.clientHeight / 3;
  }, [active]);

  const current = items.find((f) => f.key === active);
  return (
    <>
      <nav aria-label="Failures in this analysis" className="hidden lg:block">
        <List items={items} active={active} listRef={wide} className="sticky top-4 max-h-[calc(100vh-2rem)] overflow-y-auto" />
      </nav>
      <details
        ref={phone}
        className="sticky top-0 z-10 rounded-md border border-slate-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur lg:hidden dark:border-slate-700 dark:bg-slate-950/95"
      >
        <summary className="cursor-pointer text-sm font-medium [overflow-wrap:anywhere]">
          Contents ·{" "}
          {items.length === total ? `${total} failure${total === 1 ? "" : "s"}` : `${items.length} of ${total} failures on this page`}
          {current && <span className="font-normal text-slate-600 dark:text-slate-300"> — reading #{current.number}</span>}
        </summary>
        <nav aria-label="Failures in this analysis (contents)" className="mt-2 max-h-[60vh] overflow-y-auto">
          <List items={items} active={active} onPick={() => phone.current?.removeAttribute("open")} />
        </nav>
      </details>
    </>
  );
}
