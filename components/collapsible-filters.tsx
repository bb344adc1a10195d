"use client";
// On narrow screens the filter panel folds behind a button so results come first; on wide screens
// it is always open. The filters themselves stay in the URL, so folding loses nothing.
import { useId, useState } from "react";

export interface CollapsibleFiltersProps {
  /** How many filters are active, shown on the button. */
  active: number;
  children: React.ReactNode;
}

export function CollapsibleFilters({ active, children }: CollapsibleFiltersProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="mb-3 w-full rounded border border-slate-300 px-3 py-1.5 text-left text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 lg:hidden dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {open ? "Hide filters" : "Show filters"}
        {active > 0 && ` (${active} active)`}
      </button>
      <div id={id} className={`${open ? "block" : "hidden"} lg:block`}>
        {children}
      </div>
    </div>
  );
}
