import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-300">
        Nothing lives at this address. The link may be mistyped, or the analysis was removed.
      </p>
      <p className="flex justify-center gap-4 text-sm">
        <Link href="/analyses" className="text-blue-700 underline dark:text-blue-300">
          Browse analyses
        </Link>
        <Link href="/failures" className="text-blue-700 underline dark:text-blue-300">
          Search failures
        </Link>
      </p>
    </div>
  );
}
