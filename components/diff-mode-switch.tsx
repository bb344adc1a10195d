"use client";
// Split / Unified. Still plain links (they work without JavaScript and can be opened in a new tab);
// a click remembers the choice for this browser (cookie, read by the server when the URL does not
// say) and swaps the layout in place keeping the #fragment, so a linked failure or line stays
// selected. The fragment landing re-marks the line in the new layout (components/fragment-landing).
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { diffCookie } from "@/lib/filters/diff-cookie";
import type { DiffMode } from "@/lib/filters/view-params";

export interface DiffModeLinksProps {
  mode: DiffMode;
  /** No layout chosen yet: the width decides (unified below md, split from md), and so does the highlight. */
  auto?: boolean;
  hrefs: Record<DiffMode, Route>;
}

/** Outside the component: writing a browser global is no render-time mutation (react-hooks/immutability). */
function rememberDiffMode(mode: DiffMode) {
  document.cookie = diffCookie(mode);
}

const CURRENT = "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900";
const OTHER = "hover:bg-slate-200 dark:hover:bg-slate-700";
// Auto: the layout shown at each width is styled as the current one (aria-current cannot follow a media query).
const AUTO: Record<DiffMode, string> = {
  split:
    "max-md:hover:bg-slate-200 max-md:dark:hover:bg-slate-700 md:bg-slate-800 md:text-white md:dark:bg-slate-200 md:dark:text-slate-900",
  unified:
    "md:hover:bg-slate-200 md:dark:hover:bg-slate-700 max-md:bg-slate-800 max-md:text-white max-md:dark:bg-slate-200 max-md:dark:text-slate-900",
};

/**
 * The layout always named in the link: "split" is the URL default and is left out of page links, but
 * when the width picks the layout (auto), an address without it is not a choice of split.
 */
export function withDiff<H extends string>(href: H, mode: DiffMode): H {
  const url = new URL(href, "http://x");
  url.searchParams.set("diff", mode);
  return `${url.pathname}${url.search}${url.hash}` as H;
}

export function DiffModeLinks({ mode, auto = false, hrefs: given }: DiffModeLinksProps) {
  const hrefs = { split: withDiff(given.split, "split"), unified: withDiff(given.unified, "unified") };
  const router = useRouter();
  const choose = (event: React.MouseEvent<HTMLAnchorElement>, m: DiffMode) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    rememberDiffMode(m);
    router.replace(`${hrefs[m]}${window.location.hash}` as Route, { scroll: false });
  };
  const item = (m: DiffMode, label: string) => (
    <Link
      href={hrefs[m]}
      scroll={false}
      replace
      onClick={(event) => choose(event, m)}
      aria-current={!auto && mode === m ? "true" : undefined}
      className={`px-2 py-0.5 ${auto ? AUTO[m] : mode === m ? CURRENT : OTHER}`}
    >
      {label}
    </Link>
  );
  return (
    <span
      className="ml-auto inline-flex overflow-hidden rounded border border-slate-300 dark:border-slate-600"
      role="group"
      aria-label="Diff layout"
    >
      {item("split", "Split")}
      {item("unified", "Unified")}
    </span>
  );
}
