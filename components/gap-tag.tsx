import Link from "next/link";
import { failuresHref } from "@/lib/routes";

export interface GapTagProps {
  id: string;
  label: string;
  primary?: boolean;
}

/** A knowledge-gap chip linking to every failure with that gap. */
export function GapTag({ id, label, primary = false }: GapTagProps) {
  return (
    <Link
      href={failuresHref({ gaps: [id] })}
      title={primary ? `Primary knowledge gap: ${label}` : `Knowledge gap: ${label}`}
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 ${
        primary
          ? "border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-200"
          : "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300"
      }`}
    >
      {label}
    </Link>
  );
}
