"use client";
// Split / Unified. Still plain links (they work without JavaScript and can be opened in a new tab);
// a click remembers the choice for this browser (cookie, read by the server when the URL does not
// say) and swaps the layout in place keeping the #fragment, so a linked failure or line stays
// selected. The fragment landing re-marks the line in the new layout (components/fragment-landing).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { diffCookie } from "@/lib/filters/diff-cookie";
import type { DiffMode } from "@/lib/filters/view-params";

export interface DiffModeLinksProps {
  mode: DiffMode;
  hrefs: Record<DiffMode, string>;
}

/** Outside the component: writing a browser global is no render-time mutation (react-hooks/immutability). */
function rememberDiffMode(mode: DiffMode) {
  document.cookie = diffCookie(mode);
}

export function DiffModeLinks({ mode, hrefs }: DiffModeLinksProps) {
  const router = useRouter();
  const choose = (event: React.MouseEvent<HTMLAnchorElement>, m: DiffMode) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    rememberDiffMode(m);
    router.replace(`${hrefs[m]}${window.location.hash}`, { scroll: false });
  };
  const item = (m: DiffMode, label: string) => (
    <Link
      href={hrefs[m]}
      scroll={false}
      replace
      onClick={(event) => choose(event, m)}
      aria-current={mode === m ? "true" : undefined}
      className={`px-2 py-0.5 ${mode === m ? "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900" : "hover:bg-slate-200 dark:hover:bg-slate-700"}`}
    >
      {label}
    </Link>
  );
  return (
    <span className="ml-auto hidden overflow-hidden rounded border border-slate-300 md:inline-flex dark:border-slate-600" role="group" aria-label="Diff layout">
      {item("split", "Split")}
      {item("unified", "Unified")}
    </span>
  );
}
