export interface PageSkeletonProps {
  /** Said to screen readers while loading, e.g. "Loading failures…". */
  label: string;
  /** The shape: a filter sidebar with result rows, a table, or stacked cards. */
  variant: "sidebar" | "table" | "cards" | "overview";
}

const BLOCK = "animate-pulse rounded bg-slate-100 dark:bg-slate-900";

/** Grey placeholders in the shape of the page that is loading. */
export function PageSkeleton({ label, variant }: PageSkeletonProps) {
  return (
    <div className="space-y-5" aria-busy="true" aria-live="polite">
      <p className="sr-only">{label}</p>
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      {variant === "sidebar" && (
        <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <div className={`h-96 ${BLOCK}`} />
          <div className="space-y-2">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className={`h-20 ${BLOCK}`} />
            ))}
          </div>
        </div>
      )}
      {variant === "table" && (
        <>
          <div className={`h-28 ${BLOCK}`} />
          {Array.from({ length: 10 }, (_, i) => (
            <div key={i} className={`h-8 ${BLOCK}`} />
          ))}
        </>
      )}
      {variant === "cards" && (
        <>
          <div className={`h-32 ${BLOCK}`} />
          {Array.from({ length: 3 }, (_, i) => (
            <div key={i} className={`h-72 ${BLOCK}`} />
          ))}
        </>
      )}
      {variant === "overview" && (
        <>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {Array.from({ length: 4 }, (_, i) => (
              <div key={i} className={`h-20 ${BLOCK}`} />
            ))}
          </div>
          <div className="grid gap-8 lg:grid-cols-2">
            <div className={`h-48 ${BLOCK}`} />
            <div className={`h-48 ${BLOCK}`} />
          </div>
        </>
      )}
    </div>
  );
}
