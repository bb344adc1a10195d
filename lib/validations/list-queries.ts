// Strict query-string schemas of the JSON/CSV API, shared by its handlers (lib/api), the export links
// (lib/export) and the read side's query types. Pages forgive bad params (lib/filters); scripts get a
// 400 naming the parameter, so a typo never silently returns unfiltered data.
import { z } from "zod";
import { GAP_ID_PATTERN, PLATFORM_PATTERN, SEVERITIES, SLUG_PATTERN, type Severity } from "../domain";
import { ANALYSIS_SORTS, FAILURE_SORTS, REVIEW_FILTERS, SORT_DIRECTIONS, WARNING_FILTERS } from "../filters/view-params";
import { ANALYSIS_REVIEW_FILTERS, MINE_FILTERS, REVIEWER_PATTERN, TAG_PATTERN } from "../filters/review-params";
import { AUDIT_FILTERS, GAP_SORTS, OUTLIER_FILTERS, SCORE_SORTS } from "../filters/trainer-params";

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** A refused parameter: 400 bad_request with the message, and the parameter's name as the error's field. */
export class BadRequestError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * A comma-separated parameter (repeated keys arrive joined): its distinct trimmed values, lower-cased
 * when `lowerCase`; a value `valid` refuses fails the whole parameter with `refusal(bad values)`.
 */
function listOf<T extends string>(valid: (value: string) => boolean, refusal: (bad: string) => string, lowerCase = true) {
  return z.string().transform((value, ctx) => {
    const items = [
      ...new Set(
        value
          .split(",")
          .map((v) => (lowerCase ? v.trim().toLowerCase() : v.trim()))
          .filter(Boolean),
      ),
    ];
    const bad = items.filter((v) => !valid(v));
    if (bad.length) {
      ctx.addIssue({ code: "custom", message: refusal(bad.join(", ")) });
      return z.NEVER;
    }
    return items as T[];
  });
}

function enumList<T extends string>(name: string, allowed: readonly T[]) {
  return listOf<T>(
    (v) => (allowed as readonly string[]).includes(v),
    (bad) => `unknown ${name} "${bad}" (use ${allowed.join(", ")})`,
  );
}

function choice<T extends string>(allowed: readonly T[]) {
  return z.string().transform((value, ctx) => {
    if (!(allowed as readonly string[]).includes(value)) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not one of ${allowed.join(", ")}` });
      return z.NEVER;
    }
    return value as T;
  });
}

const gapList = listOf(
  (v) => GAP_ID_PATTERN.test(v),
  (bad) => `"${bad}" is not a knowledge-gap id (lower-case letters, digits, dashes)`,
  false,
);

/** One or more platforms (`aws,pulumi`): any of them. */
const platformList = listOf(
  (v) => PLATFORM_PATTERN.test(v),
  (bad) => `"${bad}" is not a platform name`,
);

/** Review tags (`a,b`: any of them), compared lower-case. */
const tagList = listOf(
  (v) => TAG_PATTERN.test(v),
  (bad) => `"${bad}" is not a tag (1-40 characters, no control characters)`,
);

/** Reviewer names (`ada,bob`: any of them). */
const reviewerList = listOf(
  (v) => REVIEWER_PATTERN.test(v),
  (bad) => `"${bad}" is not a reviewer name`,
  false,
);

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const score = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "must be a number from 0 to 10")
  .transform(Number)
  .pipe(z.number().max(10, "must be at most 10"));
const flag = z.enum(["1", "0", "true", "false"], { message: 'must be "1" or "0"' }).transform((v) => v === "1" || v === "true");
const slug = z.string().regex(SLUG_PATTERN, "is not a valid analysis slug");

const common = {
  page: integer(1, 100_000).optional(),
  pageSize: integer(1, MAX_PAGE_SIZE).optional(),
  format: choice(["json", "csv"] as const).optional(),
  download: flag.optional(),
};

export const failureQuerySchema = z.object({
  ...common,
  q: z.string().max(200, "must be at most 200 characters").optional(),
  severity: enumList<Severity>("severity", SEVERITIES).optional(),
  gap: gapList.optional(),
  platform: platformList.optional(),
  analysis: slug.optional(),
  review: choice(REVIEW_FILTERS).optional(),
  mine: choice(MINE_FILTERS).optional(),
  tag: tagList.optional(),
  reviewer: reviewerList.optional(),
  sort: choice(FAILURE_SORTS).optional(),
});
export type FailureQuery = z.output<typeof failureQuerySchema>;

export const analysisQuerySchema = z.object({
  ...common,
  q: z.string().max(200, "must be at most 200 characters").optional(),
  severity: enumList<Severity>("severity", SEVERITIES).optional(),
  gap: gapList.optional(),
  platform: platformList.optional(),
  min: score.optional(),
  max: score.optional(),
  warnings: choice(WARNING_FILTERS).optional(),
  review: choice(ANALYSIS_REVIEW_FILTERS).optional(),
  mine: choice(MINE_FILTERS).optional(),
  tag: tagList.optional(),
  reviewer: reviewerList.optional(),
  sort: choice(ANALYSIS_SORTS).optional(),
  dir: choice(SORT_DIRECTIONS).optional(),
});
export type AnalysisQuery = z.output<typeof analysisQuerySchema>;

export const scoreQuerySchema = z.object({
  ...common,
  platform: platformList.optional(),
  gap: gapList.optional(),
  min: score.optional(),
  max: score.optional(),
  audit: choice(AUDIT_FILTERS).optional(),
  outlier: choice(OUTLIER_FILTERS).optional(),
  sort: choice(SCORE_SORTS).optional(),
  dir: choice(SORT_DIRECTIONS).optional(),
});
export type ScoreQuery = z.output<typeof scoreQuerySchema>;

export const compareQuerySchema = z.object({
  a: slug,
  b: slug,
  format: choice(["json", "csv"] as const).optional(),
  download: flag.optional(),
});
export type CompareQuery = z.output<typeof compareQuerySchema>;

export const gapQuerySchema = z.object({
  sort: choice(GAP_SORTS).optional(),
  format: choice(["json", "csv"] as const).optional(),
  download: flag.optional(),
});

export const recordQuerySchema = z.object({ format: choice(["json"] as const).optional(), download: flag.optional() });

/**
 * Parses URL search params with a strict object schema: repeated keys are joined with commas, unknown
 * keys are rejected. Throws BadRequestError with a message naming the parameter.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, searchParams: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const key of new Set(searchParams.keys())) raw[key] = searchParams.getAll(key).join(",");
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length) {
    throw new BadRequestError(
      `Unknown parameter${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}; allowed: ${known.join(", ")}.`,
      unknown[0],
    );
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join(".") || "query";
    const message = issue?.code === "invalid_type" && raw[name] === undefined ? "is required" : issue?.message;
    throw new BadRequestError(`Parameter "${name}": ${message ?? "is invalid"}.`, issue?.path.length ? String(issue.path[0]) : undefined);
  }
  return result.data;
}
