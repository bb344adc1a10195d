// The URL a filter form navigates to, apart from the URL schemas so the client form stays small.

/**
 * The URL a filter form navigates to: its fields in order, several values of one name comma-joined,
 * empty values, `page` and values equal to the defaults left out, so a view has one canonical URL
 * (no `warnings=any&sort=date`). `withQuery` are the defaults that differ when `q` is filled in
 * (a query sorts by relevance by default).
 */
export interface FormDefaults {
  plain: Record<string, string | number>;
  withQuery?: Record<string, string | number>;
}

export function formUrl(action: string, entries: Iterable<[string, unknown]>, formDefaults: FormDefaults = { plain: {} }): string {
  const values = new Map<string, string[]>();
  for (const [key, raw] of entries) {
    const value = typeof raw === "string" ? raw.trim() : "";
    if (!value || key === "page") continue;
    values.set(key, [...new Set([...(values.get(key) ?? []), value])]);
  }
  const defaults = values.has("q") ? { ...formDefaults.plain, ...formDefaults.withQuery } : formDefaults.plain;
  const params = new URLSearchParams();
  for (const [key, list] of values) {
    const value = list.join(",");
    if (String(defaults[key] ?? "") !== value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `${action}?${text}` : action;
}
