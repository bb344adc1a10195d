// A share as the trainer tables print it. Pure, so client components can use it too.
/** "3 of 7" as a share: the percentage rounded, or "—" when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : "—";
}
