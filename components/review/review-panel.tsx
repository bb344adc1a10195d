// Reviewers' verdicts on one failure, mounted on each failure card: everyone's verdicts (name, time,
// comment, tags, edit history) and, for a signed-in reviewer, the form to add or change theirs.
// The annotations of the whole analysis are read once per request, whatever the number of cards.
import { cache } from "react";
import { currentViewer } from "@/lib/auth/current-viewer";
import { listAnnotations, tagSuggestions } from "@/lib/reviews/annotations";
import { ReviewPanelClient } from "./review-panel-client";

const annotationsOf = cache(async (analysisId: number) => {
  const viewer = await currentViewer();
  return listAnnotations(analysisId, viewer?.reviewer ?? null);
});
const suggestions = cache(() => tagSuggestions());

export interface ReviewPanelProps {
  failure: { analysisId: number; key: string; severity: string };
  slug: string;
}

export async function ReviewPanel({ failure, slug }: ReviewPanelProps) {
  let items;
  let tags: string[] = [];
  try {
    [items, tags] = await Promise.all([annotationsOf(failure.analysisId), suggestions()]);
  } catch (error) {
    // A database without the review tables yet (not migrated) must not take the failure down with it.
    console.error("review panel:", error);
    return null;
  }
  const viewer = await currentViewer();
  return (
    <ReviewPanelClient
      slug={slug}
      failureKey={failure.key}
      parsedSeverity={failure.severity}
      initial={items.filter((a) => a.failureKey === failure.key)}
      viewer={viewer ? { name: viewer.reviewer.name } : null}
      tagSuggestions={tags}
    />
  );
}
