import { previewImage, PREVIEW_SIZE } from "@/components/og/preview-card";
import { getAnalysisSummary } from "@/lib/analyses/get-analysis-summary";
import { decodeParam } from "@/lib/filters/view-params";

export const alt = "Faultline analysis: title, task id and failures per severity";
export const size = PREVIEW_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const a = await getAnalysisSummary(decodeParam(slug));
  if (!a) return previewImage({ eyebrow: "Analysis", title: "Analysis not found", meta: [], chips: [] });
  const counts = { critical: a.criticalCount, high: a.highCount, medium: a.mediumCount, low: a.lowCount, unknown: a.unknownCount };
  return previewImage({
    eyebrow: "Failure analysis",
    title: a.title,
    meta: [
      a.taskId ? `Task ${a.taskId}` : a.slug,
      a.platform ?? "",
      a.scoreValue !== null ? `Score ${a.scoreValue}/${a.scoreMax}` : "",
    ].filter(Boolean),
    chips: Object.entries(counts).flatMap(([s, n]) => (n > 0 ? [[s, `${n} ${s}`] as [string, string]] : [])),
    footer: `${a.failureCount} failure${a.failureCount === 1 ? "" : "s"}`,
  });
}
