import type { FacetValue } from "@/lib/domain";
import { SeverityBadge } from "./severity-badge";

export interface FacetGroupProps {
  legend: string;
  name: string;
  values: FacetValue[];
  /** Render values as severity chips. */
  severity?: boolean;
  emptyText?: string;
}

/** A multi-select facet: one checkbox per value with its count under the other filters. */
export function FacetGroup({ legend, name, values, severity = false, emptyText = "Nothing to filter by." }: FacetGroupProps) {
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">{legend}</legend>
      {values.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{emptyText}</p>}
      {values.map((v) => {
        const id = `${name}-${v.value}`;
        return (
          <div key={v.value} className={`flex items-center gap-2 text-sm ${v.count === 0 && !v.selected ? "opacity-60" : ""}`}>
            <input id={id} type="checkbox" name={name} value={v.value} defaultChecked={v.selected} className="h-4 w-4 accent-blue-600" />
            <label htmlFor={id} className="flex min-w-0 flex-1 items-center justify-between gap-2">
              <span className="min-w-0 [overflow-wrap:anywhere]">{severity ? <SeverityBadge severity={v.value} /> : v.label}</span>
              <span className="text-slate-600 tabular-nums dark:text-slate-300" data-facet-count>
                {v.count}
              </span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
