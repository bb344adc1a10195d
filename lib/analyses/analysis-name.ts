// Many reports share the title "Model Response Failures Analysis": this names an analysis so two rows
// can be told apart (task id when known, else the slug), without repeating what the title already says.

export function analysisSubtitle(a: { title: string; taskId: string | null; slug: string }): string | null {
  const key = a.taskId ? `task ${a.taskId}` : a.slug;
  return a.title.toLowerCase().includes((a.taskId ?? a.slug).toLowerCase()) ? null : key;
}

export function analysisName(a: { title: string; taskId: string | null; slug: string }): string {
  const sub = analysisSubtitle(a);
  return sub ? `${a.title} (${sub})` : a.title;
}

/** "8.5/10", plus the original when it was on another scale: "8.5/10 (85/100)". */
export function formatScore(a: { scoreValue: number | null; scoreMax: number | null; scoreNorm: number | null }): string {
  if (a.scoreNorm === null || a.scoreValue === null) return "—";
  const norm = `${Math.round(a.scoreNorm * 10) / 10}/10`;
  return a.scoreMax !== null && a.scoreMax !== 10 ? `${norm} (${a.scoreValue}/${a.scoreMax})` : norm;
}
