// Hands the page's old failure names to the fragment landing: `#failure-7` (a number from before a
// renumbering) or an old key finds the failure it named, or says it no longer exists. Data only.
export interface FailureAliasMapProps {
  aliases: { alias: string; failureKey: string; title: string }[];
}

export function FailureAliasMap({ aliases }: FailureAliasMapProps) {
  // alias → [key, last known title]; a key's own row carries the title shown when it is gone.
  const map = Object.fromEntries(aliases.map((a) => [a.alias, [a.failureKey, a.title]]));
  return <div hidden data-failure-aliases={JSON.stringify(map)} />;
}
