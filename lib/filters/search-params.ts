// URL state for lists and filters: every view's state lives in its search params. These schemas turn
// raw params into typed filters; unknown or malformed values fall back to defaults, never an error.
import { z } from "zod";
import { toQueryString } from "../routes/query";
import { GAP_ID_PATTERN, PLATFORM_PATTERN, SEVERITIES, type Severity } from "../domain";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** All values of a param, accepting both `?a=x&a=y` and `?a=x,y`. */
export function many(params: RawSearchParams, key: string): string[] {
  const value = params[key];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [
    ...new Set(
      list
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

export function one(params: RawSearchParams, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

const severitySchema = z.enum(SEVERITIES as unknown as [Severity, ...Severity[]]);
const gapIdSchema = z.string().regex(GAP_ID_PATTERN);
const querySchema = z.string().max(200);
const platformSchema = z.string().regex(PLATFORM_PATTERN);
const pageSchema = z.coerce.number().int().min(1).max(100_000);
const scoreSchema = z.coerce.number().min(0).max(10);

export function parseSeverities(params: RawSearchParams, key = "severity"): Severity[] {
  return many(params, key).flatMap((v) => {
    const parsed = severitySchema.safeParse(v.toLowerCase());
    return parsed.success ? [parsed.data] : [];
  });
}

export function parseGaps(params: RawSearchParams, key = "gap"): string[] {
  return many(params, key).flatMap((v) => (gapIdSchema.safeParse(v).success ? [v] : []));
}

export function parseQuery(params: RawSearchParams, key = "q"): string | undefined {
  const value = one(params, key);
  return value && querySchema.safeParse(value).success ? value : value?.slice(0, 200);
}

export function parsePlatform(params: RawSearchParams, key = "platform"): string | undefined {
  const value = one(params, key);
  return value && platformSchema.safeParse(value).success ? value.toLowerCase() : undefined;
}

/** Several platforms (`?platform=aws,pulumi`): any of them. */
export function parsePlatforms(params: RawSearchParams, key = "platform"): string[] {
  return [...new Set(many(params, key).flatMap((v) => (platformSchema.safeParse(v).success ? [v.toLowerCase()] : [])))];
}

export function parsePage(params: RawSearchParams, key = "page"): number {
  const parsed = pageSchema.safeParse(one(params, key));
  return parsed.success ? parsed.data : 1;
}

/** A score bound on the normalized /10 scale, e.g. `?min=7&max=9`. */
export function parseScoreBound(params: RawSearchParams, key: string): number | undefined {
  const parsed = scoreSchema.safeParse(one(params, key));
  return parsed.success ? parsed.data : undefined;
}

/** Picks `value` when it is one of `allowed`, else the fallback (vercel/commerce's `find(...) || default`). */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : fallback;
}

/** Query strings are built by lib/routes/query.ts (re-exported for the URL-state modules). */
export { toQueryString };
