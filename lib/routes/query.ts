// A query string from view state: empty values and values equal to their default are left out, lists
// are joined with commas, so one view has one (short) URL. Imports nothing, so client components may
// build URLs with it.

export type QueryState = Record<string, string | number | string[] | undefined | null>;

/** `?a=1&b=x,y` (or "" when nothing is left): URLSearchParams encoding, in the order of `state`. */
export function toQueryString(state: QueryState, defaults: Record<string, unknown> = {}): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) out.set(key, value.join(","));
    } else if (defaults[key] !== value) {
      out.set(key, String(value));
    }
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}
