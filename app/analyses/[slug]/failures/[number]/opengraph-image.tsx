import { previewImage, PREVIEW_SIZE } from "@/components/og/preview-card";
import { getFailure } from "@/lib/failures/get-failure";
import { decodeParam } from "@/lib/filters/view-params";

export const alt = "Faultline failure: title, severity and the analysis it belongs to";
export const size = PREVIEW_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await params;
  const found = await getFailure(decodeParam(slug), decodeParam(number));
  if (found?.kind !== "current")
    return previewImage({ eyebrow: "Failure", title: found ? "Failure no longer exists" : "Failure not found", meta: [], chips: [] });
  const { analysis, failure } = found.data;
  return previewImage({
    eyebrow: `Failure ${failure.number} of ${analysis.failureCount}`,
    title: failure.title,
    meta: [analysis.taskId ? `Task ${analysis.taskId}` : analysis.slug, analysis.platform ?? "", failure.location ?? ""].filter(Boolean),
    chips: [[failure.severity, failure.severity], ...failure.gaps.slice(0, 2).map((g) => ["unknown", g.gap.label] as [string, string])],
    footer: analysis.title.length > 40 ? `${analysis.title.slice(0, 39)}…` : analysis.title,
  });
}
