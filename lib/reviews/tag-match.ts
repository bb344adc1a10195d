// Matching a tag inside an annotation's tagsJson (a JSON string array written by JSON.stringify) in
// plain SQL, without JSON functions (portable): the tag's own JSON encoding, quotes included, as a
// LIKE pattern over the lower-cased column, so "iam" matches the tag "IAM" but not "iam-policy".
// `!` is the LIKE escape character (`ESCAPE '!'`). Pure.

export function tagLikePattern(tag: string): string {
  const encoded = JSON.stringify(tag.toLowerCase());
  return `%${encoded.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
