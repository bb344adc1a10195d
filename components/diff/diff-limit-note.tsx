// "Diff too large — …": said above a diff whose budget cut something (lib/diff/limit-message.ts).
export function DiffLimitNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p
      role="note"
      data-diff-limit
      className="border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      {message}
    </p>
  );
}
