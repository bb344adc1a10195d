import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { FailureCard } from "@/components/failure-card";
import { LineLinks } from "@/components/line-links";
import { getFailure } from "@/lib/failures/get-failure";
import { analysisHref, decodeParam, failureHref, parseDiffMode } from "@/lib/filters/view-params";
import type { RawSearchParams } from "@/lib/filters/search-params";

export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ slug: string; number: string }>;
  searchParams: Promise<RawSearchParams>;
}

const numberSchema = z.string().regex(/^\d{1,6}$/).transform(Number);

const loadFailure = cache(getFailure);

async function load(params: PageProps["params"]) {
  const { slug, number } = await params;
  const parsed = numberSchema.safeParse(number);
  if (!parsed.success) return null;
  return loadFailure(decodeParam(slug), parsed.data);
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const data = await load(params);
  if (!data) return { title: "Failure not found" };
  const { analysis, failure } = data;
  const title = `#${failure.number} ${failure.title}`;
  const description = [`${failure.severity} severity`, analysis.taskId && `task ${analysis.taskId}`, failure.rootCause?.slice(0, 160)].filter(Boolean).join(" · ");
  return {
    title,
    description,
    openGraph: { title, description, type: "article" },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function FailurePage({ params, searchParams }: PageProps) {
  const [data, query] = await Promise.all([load(params), searchParams]);
  if (!data) notFound();
  const { analysis, failure, previous, next } = data;
  const mode = parseDiffMode(query);
  const modeHrefs = {
    split: failureHref(analysis.slug, failure.number, { diff: "split" }),
    unified: failureHref(analysis.slug, failure.number, { diff: "unified" }),
  };
  const step = "rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-slate-600 dark:hover:bg-slate-800";
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-300">
        <Link href="/analyses" className="hover:underline">
          Analyses
        </Link>{" "}
        /{" "}
        <Link href={analysisHref(analysis.slug, { diff: mode })} className="hover:underline">
          {analysis.title} <span className="font-mono">({analysis.taskId ?? analysis.slug})</span>
        </Link>{" "}
        / failure {failure.number} of {analysis.failureCount}
      </nav>
      <FailureCard failure={failure} slug={analysis.slug} mode={mode} modeHrefs={modeHrefs} standalone />
      <nav aria-label="Other failures in this analysis" className="flex flex-wrap items-center justify-between gap-2">
        {previous ? (
          <Link href={failureHref(analysis.slug, previous.number, { diff: mode })} className={step} rel="prev">
            ← #{previous.number} {previous.title}
          </Link>
        ) : (
          <span />
        )}
        <Link href={analysisHref(analysis.slug, { diff: mode }, `#failure-${failure.number}`)} className={step}>
          All failures of this analysis
        </Link>
        {next ? (
          <Link href={failureHref(analysis.slug, next.number, { diff: mode })} className={step} rel="next">
            #{next.number} {next.title} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <LineLinks />
    </div>
  );
}
