import { DATABASE_PROBLEM_TITLES, type DatabaseHealth } from "@/lib/data/health";

export interface DatabaseProblemProps {
  health: Extract<DatabaseHealth, { ok: false }>;
}

/** Shown instead of a page when the database cannot serve it; the page works again once it can. */
export function DatabaseProblem({ health }: DatabaseProblemProps) {
  return (
    <div
      role="alert"
      className="max-w-2xl space-y-3 rounded border border-red-300 bg-red-50 p-5 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <h1 className="text-xl font-semibold">{DATABASE_PROBLEM_TITLES[health.problem]}</h1>
      <p className="text-sm">{health.message}</p>
      <p className="text-sm">
        <a href="" className="font-medium underline">
          Try again
        </a>
      </p>
    </div>
  );
}
