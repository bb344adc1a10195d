import type { Route } from "next";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { FailureAliasMap } from "@/components/failure-alias-map";
import { FailureCard } from "@/components/failure-card";
import { LineLinks } from "@/components/line-links";
import { currentSlugFor } from "@/lib/analyses/slug-alias";
import { getFailure } from "@/lib/failures/get-failure";
import { diffModeChosen, diffModeFor, queryString } from "@/lib/filters/diff-preference";
import { decodeParam } from "@/lib/filters/view-params";
import type { RawSearchParams } from "@/lib/filters/search-params";
import { analysisHref, failureHref } from "@/lib/routes";

export const dynamic = "force-dynamic";

// The route segment is named [number] for the links of old; it takes a failure key (what the app
// links to) or any number or key the failure was ever reachable by.
interface PageProps {
  params: Promise<{ slug: string; number: string }>;
  searchParams: Promise<RawSearchParams>;
}

const loadFailure = cache(getFailure);

async function load(params: PageProps["params"]) {
  const { slug, number } = await params;
  const ref = decodeParam(number);
  if (!ref || ref.length > 200) return { slug: decodeParam(slug), ref, data: null };
  return { slug: decodeParam(slug), ref, data: await loadFailure(decodeParam(slug), ref) };
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { data } = await load(params);
  if (!data) return { title: "Failure not found" };
  if (data.kind === "gone") return { title: "Failure no longer exists" };
  const { analysis, failure } = data.data;
  const title = `#${failure.number} ${failure.title}`;
  const description = [`${failure.severity} severity`, analysis.taskId && `task ${analysis.taskId}`, failure.rootCause?.slice(0, 160)]
    .filter(Boolean)
    .join(" · ");
  return {
    title,
    description,
    openGraph: { title, description, type: "article", url: failureHref(analysis.slug, failure.key) },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function FailurePage({ params, searchParams }: PageProps) {
  const [{ slug, ref, data }, query] = await Promise.all([load(params), searchParams]);
  if (!data) {
    // An old slug of the analysis: the same failure name under its current slug.
    const current = await currentSlugFor(slug);
    if (current && current !== slug) redirect(`${failureHref(current, ref)}${queryString(query)}` as Route);
    notFound();
  }
  if (data.kind === "gone")
    return <GoneFailure slug={data.analysis.slug} title={data.analysis.title} failureTitle={data.title} ref_={ref} />;
  const { analysis, failure, previous, next, aliases } = data.data;
  // An old number or key: the failure's canonical address (the browser keeps any #fragment).
  if (data.redirect) redirect(`${failureHref(analysis.slug, failure.key)}${queryString(query)}` as Route);
  const [mode, chosen] = await Promise.all([diffModeFor(query), diffModeChosen(query)]);
  const modeHrefs = {
    split: failureHref(analysis.slug, failure.key, { diff: "split" }),
    unified: failureHref(analysis.slug, failure.key, { diff: "unified" }),
  };
  const step =
    "rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800";
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm [overflow-wrap:anywhere] text-slate-600 dark:text-slate-300">
        <Link href="/analyses" className="hover:underline">
          Analyses
        </Link>{" "}
        /{" "}
        <Link href={analysisHref(analysis.slug, { diff: query.diff ? mode : undefined })} className="hover:underline">
          {analysis.title} <span className="font-mono">({analysis.taskId ?? analysis.slug})</span>
        </Link>{" "}
        / failure {failure.number} of {analysis.failureCount}
      </nav>
      <FailureCard failure={failure} slug={analysis.slug} mode={mode} autoMode={!chosen} modeHrefs={modeHrefs} standalone />
      <nav aria-label="Other failures in this analysis" className="flex flex-wrap items-center justify-between gap-2">
        {previous ? (
          <Link href={failureHref(analysis.slug, previous.key, { diff: query.diff ? mode : undefined })} className={step} rel="prev">
            ← #{previous.number} {previous.title}
          </Link>
        ) : (
          <span />
        )}
        <Link href={analysisHref(analysis.slug, { diff: query.diff ? mode : undefined }, `#failure-${failure.key}`)} className={step}>
          All failures of this analysis
        </Link>
        {next ? (
          <Link href={failureHref(analysis.slug, next.key, { diff: query.diff ? mode : undefined })} className={step} rel="next">
            #{next.number} {next.title} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <FailureAliasMap aliases={aliases} current={[failure.key]} />
      <LineLinks />
    </div>
  );
}

interface GoneFailureProps {
  slug: string;
  title: string;
  failureTitle: string;
  ref_: string;
}

/** An old link to a failure the current version of the document no longer has. */
function GoneFailure({ slug, title, failureTitle, ref_ }: GoneFailureProps) {
  return (
    <section
      aria-labelledby="gone-title"
      className="mx-auto max-w-2xl space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-5 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <h1 id="gone-title" className="text-xl font-semibold">
        This failure no longer exists in the current version
      </h1>
      <p className="[overflow-wrap:anywhere]">
        The link named failure <span className="font-mono">{/^\d+$/.test(ref_) ? `#${ref_}` : ref_}</span>
        {failureTitle && <>, “{failureTitle}”</>}. The analysis was re-read since (its report changed, or the parser now reads it
        differently) and no longer lists it.
      </p>
      <p>
        <Link href={analysisHref(slug)} className="font-medium text-blue-800 underline dark:text-blue-200">
          Open the analysis “{title}”
        </Link>
      </p>
    </section>
  );
}
