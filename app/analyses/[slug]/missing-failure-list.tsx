"use client";
// On the 404 for a failure past the end (`/analyses/<slug>/failures/99`): the failures the analysis
// does have, linked. A not-found page gets no route params, so the slug comes from the address and
// the list from the analysis's JSON (/api/analyses/<slug>); an unknown analysis shows nothing here.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { analysisHref, apiAnalysisHref, failureHref } from "@/lib/routes/paths";

interface Listed {
  slug: string;
  title: string;
  failures: { number: number; title: string; severity: string }[];
}

function slugOf(pathname: string): string | null {
  const match = /^\/analyses\/([^/]+)\/failures\/[^/]+\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export function MissingFailureList() {
  const slug = slugOf(usePathname());
  const [listed, setListed] = useState<Listed | null>(null);
  useEffect(() => {
    if (!slug) return;
    let cancelled = false;
    fetch(apiAnalysisHref(slug), { credentials: "same-origin" })
      .then((r) => (r.ok ? (r.json() as Promise<Listed>) : null))
      .then((data) => {
        if (!cancelled && data && Array.isArray(data.failures)) setListed(data);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [slug]);
  if (!listed) return null;
  return (
    <section aria-labelledby="missing-failure-list" className="mx-auto max-w-2xl text-left">
      <h2 id="missing-failure-list" className="text-base font-semibold">
        “{listed.title}” has {listed.failures.length} failure{listed.failures.length === 1 ? "" : "s"}
      </h2>
      {listed.failures.length > 0 && (
        <ol className="mt-2 space-y-1 text-sm">
          {listed.failures.map((f) => (
            <li key={f.number} className="flex gap-2">
              <span className="text-slate-600 tabular-nums dark:text-slate-300">{f.number}.</span>
              <Link
                href={failureHref(listed.slug, f.number)}
                className="min-w-0 [overflow-wrap:anywhere] text-blue-700 underline dark:text-blue-300"
              >
                {f.title}
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-300">{f.severity}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-3 text-sm">
        <Link href={analysisHref(listed.slug)} className="text-blue-700 underline dark:text-blue-300">
          Open the analysis
        </Link>
      </p>
    </section>
  );
}
