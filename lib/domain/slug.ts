// Slugs and ids as they appear in URLs: the patterns an analysis slug, a knowledge-gap id and a
// platform name must match to be taken from a URL, and the text → slug helpers identities are
// built with (lib/ingest/identity.ts).

/** An analysis slug as a URL may carry it (`?a=`, `?analysis=`); stored slugs are narrower. */
export const SLUG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** A knowledge-gap id: lower-case letters, digits and dashes, at most 64 characters. */
export const GAP_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A platform name as a filter value: word characters, spaces and `.+#-`, at most 40 characters. */
export const PLATFORM_PATTERN = /^[\w .+#-]{1,40}$/;

/** Lowercase ASCII words joined by single dashes. */
export function toSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\.(md|markdown|txt)$/i, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Cuts a slug at a word boundary so it is at most `max` characters (one long word is cut hard). */
export function clipSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf("-");
  return (at >= Math.min(8, max) ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, "");
}
