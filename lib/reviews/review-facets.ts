// Facet counts of the review filters (issue 17 "Find and act"): for each review state, "by me"
// choice, tag and reviewer, how many items (failures or analyses) the list would show with that value
// ticked next to the *other* filters. The SQL side (the criteria modules) returns the annotations and
// reviews of the items matching every non-review filter, and how many such items there are; items
// without any review are only counted. Pure.
import type { MineFilter } from "../filters/review-params";

/** The review state of one item. */
export interface ReviewItem {
  /** Failures: anyone annotated it. Analyses: anyone ticked it reviewed (the current document). */
  reviewed: boolean;
  /** The same, by the viewer. */
  mine: boolean;
  /** A disagree, or a proposed severity other than the parsed one (on a current failure). */
  disputed: boolean;
  /** Analyses: annotations on failures it no longer has. */
  outdated: boolean;
  /** Lower-cased tag → the spelling first seen. */
  tags: Map<string, string>;
  reviewers: Set<string>;
}

export interface ReviewSelection {
  review?: string;
  mine?: MineFilter;
  /** Whether `mine` applies (someone is signed in). */
  viewer: boolean;
  tags: readonly string[];
  reviewers: readonly string[];
}

export interface ReviewCounts {
  review: Map<string, number>;
  mine: Map<string, number>;
  tag: Map<string, number>;
  reviewer: Map<string, number>;
  /** Lower-cased tag → how it is written. */
  tagLabels: Map<string, string>;
}

const EMPTY: ReviewItem = { reviewed: false, mine: false, disputed: false, outdated: false, tags: new Map(), reviewers: new Set() };

export function newReviewItem(): ReviewItem {
  return { reviewed: false, mine: false, disputed: false, outdated: false, tags: new Map(), reviewers: new Set() };
}

function reviewOk(item: ReviewItem, value: string | undefined): boolean {
  if (value === "reviewed") return item.reviewed;
  if (value === "unreviewed") return !item.reviewed;
  if (value === "disputed") return item.disputed;
  if (value === "outdated") return item.outdated;
  return true;
}

const mineOk = (item: ReviewItem, value: MineFilter | undefined, viewer: boolean) =>
  !value || !viewer || (value === "reviewed" ? item.mine : !item.mine);
const tagsOk = (item: ReviewItem, tags: readonly string[]) => !tags.length || tags.some((t) => item.tags.has(t));
const reviewersOk = (item: ReviewItem, names: readonly string[]) => !names.length || names.some((n) => item.reviewers.has(n));

/**
 * Counts per facet value. `items` are the reviewed items (any review row); `absent` how many more
 * items match the non-review filters without any review. `reviewValues` are the list's review states.
 */
export function countReviewFacets(
  items: Iterable<ReviewItem>,
  absent: number,
  selection: ReviewSelection,
  reviewValues: readonly string[],
): ReviewCounts {
  const { viewer } = selection;
  const counts: ReviewCounts = { review: new Map(), mine: new Map(), tag: new Map(), reviewer: new Map(), tagLabels: new Map() };
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  const tally = (item: ReviewItem, n: number) => {
    const review = reviewOk(item, selection.review);
    const mine = mineOk(item, selection.mine, viewer);
    const tags = tagsOk(item, selection.tags);
    const reviewers = reviewersOk(item, selection.reviewers);
    if (mine && tags && reviewers) for (const v of reviewValues) if (reviewOk(item, v)) add(counts.review, v, n);
    if (review && tags && reviewers) for (const v of ["reviewed", "unreviewed"] as const) if (mineOk(item, v, true)) add(counts.mine, v, n);
    if (review && mine && reviewers)
      for (const [tag, label] of item.tags) {
        add(counts.tag, tag, n);
        if (!counts.tagLabels.has(tag)) counts.tagLabels.set(tag, label);
      }
    if (review && mine && tags) for (const name of item.reviewers) add(counts.reviewer, name, n);
  };
  for (const item of items) tally(item, 1);
  if (absent > 0) tally(EMPTY, absent);
  return counts;
}

/** Tags of a tagsJson column (malformed: none). */
export function tagsOf(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

function addTags(item: ReviewItem, json: string) {
  for (const tag of tagsOf(json)) {
    const key = tag.toLowerCase();
    if (!item.tags.has(key)) item.tags.set(key, tag);
  }
}

const disputes = (verdict: string, proposed: string | null, parsed: string | null) =>
  verdict === "disagree" || (proposed !== null && parsed !== null && proposed !== parsed);

/** Failures' review items from their annotations (each row: one annotation of a current failure). */
export function failureReviewItems(
  rows: {
    failureId: number;
    reviewerId: number;
    reviewer: string;
    verdict: string;
    proposedSeverity: string | null;
    severity: string;
    tagsJson: string;
  }[],
  viewerId: number | undefined,
): Map<number, ReviewItem> {
  const items = new Map<number, ReviewItem>();
  for (const row of rows) {
    let item = items.get(row.failureId);
    if (!item) items.set(row.failureId, (item = newReviewItem()));
    item.reviewed = true;
    if (row.reviewerId === viewerId) item.mine = true;
    if (disputes(row.verdict, row.proposedSeverity, row.severity)) item.disputed = true;
    item.reviewers.add(row.reviewer);
    addTags(item, row.tagsJson);
  }
  return items;
}

/** An annotation of an analysis; `severity` is its failure's parsed severity, null when outdated. */
export interface AnalysisAnnotationRow {
  analysisId: number;
  reviewerId: number;
  reviewer: string;
  verdict: string;
  proposedSeverity: string | null;
  severity: string | null;
  tagsJson: string;
}

/** A reviewer's tick and comment on an analysis; `current` = ticked and the document unchanged since. */
export interface AnalysisReviewRow {
  analysisId: number;
  reviewerId: number;
  reviewer: string;
  ticked: boolean;
  current: boolean;
  commented: boolean;
}

/** Analyses' review items from their annotations and ticks/comments. */
export function analysisReviewItems(
  annotations: AnalysisAnnotationRow[],
  reviews: AnalysisReviewRow[],
  viewerId: number | undefined,
): Map<number, ReviewItem> {
  const items = new Map<number, ReviewItem>();
  const itemOf = (id: number) => {
    let item = items.get(id);
    if (!item) items.set(id, (item = newReviewItem()));
    return item;
  };
  for (const row of annotations) {
    const item = itemOf(row.analysisId);
    if (row.severity === null) item.outdated = true;
    else if (disputes(row.verdict, row.proposedSeverity, row.severity)) item.disputed = true;
    item.reviewers.add(row.reviewer);
    addTags(item, row.tagsJson);
  }
  for (const row of reviews) {
    if (!row.ticked && !row.commented) continue;
    const item = itemOf(row.analysisId);
    item.reviewers.add(row.reviewer);
    if (row.current) {
      item.reviewed = true;
      if (row.reviewerId === viewerId) item.mine = true;
    }
  }
  return items;
}
