export default function Loading() {
  return (
    <div className="space-y-3" aria-busy="true">
      <p className="sr-only">Loading knowledge gaps…</p>
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-10 animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
      ))}
    </div>
  );
}
