import Link from "next/link";
import { MissingFailureList } from "./missing-failure-list";

export default function AnalysisNotFound() {
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">Analysis or failure not found</h1>
      <p className="text-slate-600 dark:text-slate-300">
        No analysis has this slug, or it has no failure with this number. It may have been re-ingested under another name or removed.
      </p>
      <p className="flex justify-center gap-4 text-sm">
        <Link href="/analyses" className="text-blue-700 underline dark:text-blue-300">
          Browse analyses
        </Link>
        <Link href="/failures" className="text-blue-700 underline dark:text-blue-300">
          Search failures
        </Link>
      </p>
      <MissingFailureList />
    </div>
  );
}
