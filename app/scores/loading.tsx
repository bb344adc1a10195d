export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading scores…</p>
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-14 animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-64 animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
        <div className="h-64 animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
      </div>
    </div>
  );
}
