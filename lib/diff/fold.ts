// How much of a folded run of unchanged lines shows, GitHub-like: each "↓" reveals EXPAND_STEP more
// lines under the change above the fold, each "↑" EXPAND_STEP more over the change below it; once no
// more than one step is hidden, the fold offers only "show all". Pure.

/** Lines one arrow reveals, as on GitHub. */
export const EXPAND_STEP = 20;

/** Where a fold sits: before the first change (only ↑), after the last (only ↓), or between two. */
export type FoldPlace = "start" | "middle" | "end";

export interface FoldView {
  /** Rows shown above the fold's bar (revealed by ↓). */
  top: number;
  /** Rows shown below the bar (revealed by ↑). */
  bottom: number;
  /** Rows still folded. */
  hidden: number;
  down: boolean;
  up: boolean;
}

/** The fold of `count` rows after `down` presses of ↓ and `up` presses of ↑. */
export function foldView(count: number, place: FoldPlace, presses: { down: number; up: number }, step = EXPAND_STEP): FoldView {
  const top = Math.min(presses.down * step, count);
  const bottom = Math.min(presses.up * step, count - top);
  const hidden = count - top - bottom;
  const arrows = hidden > step;
  return { top, bottom, hidden, down: arrows && place !== "start", up: arrows && place !== "end" };
}

/** The place of segment `index` of `total` (a fold that is also the first segment and the last is "end"). */
export function foldPlace(index: number, total: number): FoldPlace {
  return index === total - 1 ? "end" : index === 0 ? "start" : "middle";
}
