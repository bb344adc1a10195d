// Hands the page's old failure names to the fragment landing: `#failure-7` (a number from before a
// renumbering) or an old key finds the failure it named, or says it no longer exists. Data only.
export interface FailureAliasMapProps {
  aliases: { alias: string; failureKey: string; title: string }[];
  /** The keys the analysis has now: whether a failure is gone is data, not whether its card is rendered. */
  current: string[];
}

export function FailureAliasMap({ aliases, current }: FailureAliasMapProps) {
  // alias → [key, last known title, 1 if the key is a current failure]; a key's own row carries the
  // title shown when it is gone.
  const now = new Set(current);
  const map = Object.fromEntries(aliases.map((a) => [a.alias, [a.failureKey, a.title, now.has(a.failureKey) ? 1 : 0]]));
  return <div hidden data-failure-aliases={JSON.stringify(map)} />;
}
