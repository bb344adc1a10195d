// The review filters of a list's filter form (issue 17): review state and "by me" as single choices
// with their counts, tags and reviewers as any-of facets. Each count is what the list would show with
// that value chosen, next to the other filters. Inside a FilterForm: a change applies at once.
import Link from "next/link";
import type { FacetValue } from "@/lib/domain";
import { FacetGroup } from "../facet-group";
import { signInHref } from "@/lib/routes/paths";

const LEGEND = "mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300";

export interface ReviewFilterFieldsProps {
  /** Prefix of the inputs' ids ("failures", "analyses"). */
  idPrefix: string;
  facets: { review: FacetValue[]; mine: FacetValue[]; tag: FacetValue[]; reviewer: FacetValue[] };
  /** Who is signed in ("by me" needs someone); null when nobody. */
  viewer: string | null;
  /** Where "Sign in" returns to. */
  here: string;
  /** What "reviewed" means on this list, said under the legend. */
  note?: string;
}

function Choice({
  idPrefix,
  name,
  legend,
  values,
  disabled,
  note,
}: {
  idPrefix: string;
  name: string;
  legend: string;
  values: FacetValue[];
  disabled?: boolean;
  note?: React.ReactNode;
}) {
  const chosen = values.some((v) => v.selected);
  return (
    <fieldset className="space-y-1" disabled={disabled} data-review-facet={name}>
      <legend className={LEGEND}>{legend}</legend>
      {note}
      <div className="flex items-center gap-2 text-sm">
        <input
          id={`${idPrefix}-${name}-any`}
          type="radio"
          name={name}
          value=""
          defaultChecked={!chosen}
          className="h-4 w-4 accent-blue-600"
        />
        <label htmlFor={`${idPrefix}-${name}-any`} className="flex-1">
          Any
        </label>
      </div>
      {values.map((v) => {
        const id = `${idPrefix}-${name}-${v.value}`;
        return (
          <div key={v.value} className={`flex items-center gap-2 text-sm ${v.count === 0 && !v.selected ? "opacity-60" : ""}`}>
            <input id={id} type="radio" name={name} value={v.value} defaultChecked={v.selected} className="h-4 w-4 accent-blue-600" />
            <label htmlFor={id} className="flex min-w-0 flex-1 items-center justify-between gap-2">
              <span className="min-w-0">{v.label}</span>
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

export function ReviewFilterFields({ idPrefix, facets, viewer, here, note }: ReviewFilterFieldsProps) {
  return (
    <div className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800" data-review-filters>
      <Choice
        idPrefix={idPrefix}
        name="review"
        legend="Review"
        values={facets.review}
        note={note ? <p className="text-xs text-slate-600 dark:text-slate-400">{note}</p> : undefined}
      />
      <Choice
        idPrefix={idPrefix}
        name="mine"
        legend="By me"
        values={facets.mine}
        disabled={!viewer}
        note={
          viewer ? undefined : (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              <Link href={signInHref(here)} className="text-blue-700 underline dark:text-blue-300">
                Sign in
              </Link>{" "}
              to filter by your own reviews.
            </p>
          )
        }
      />
      <FacetGroup legend="Tag (any of)" name="tag" values={facets.tag} emptyText="No tags in these results." />
      <FacetGroup legend="Reviewer (any of)" name="reviewer" values={facets.reviewer} emptyText="No reviewers in these results." />
    </div>
  );
}
