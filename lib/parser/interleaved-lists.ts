// Recognizer "interleaved-lists": bold list items with their fields after the list.
//
//   1. **Open Port**
//      - **Severity**: High
//   ```hcl
//   ingress { cidr_blocks = ["0.0.0.0/0"] }
//   ```
//   2. **Next Title**
//
// Each item starts a list of its own, so the fields between two lists belong to the item before
// them. Only taken when at least two items state a problem (a side or a severity), so a recap list
// followed by prose stays as it was.
import type { ListItem, RootContent } from "mdast";
import { at, boldTitleOf, buildDraft, declaresNonFailure, explain, isListSection, type DraftContext, type FailureDraft } from "./failure";
import { hasFailureEvidence, prependText, readFields } from "./fields";
import type { SectionRecognizer } from "./recognizer";
import { sectionLevel, type Section } from "./sections";
import { kindOfLabel } from "./vocabulary";

export const interleavedLists: SectionRecognizer = {
  id: "interleaved-lists",
  summary: "Bold list items each starting a list of its own, their fields and code blocks between the lists.",
  examples: ["## Failures\n1. **Open Port**\n   - **Severity**: High\n```hcl\n...\n```\n2. **Public Bucket**"],
  fixtures: ["interleaved-lists"],
  applies: ({ section }) => isListSection(section),
  find: (ctx, { section, body }) => draftsFromInterleavedLists(ctx, section, body),
};

export function draftsFromInterleavedLists(ctx: DraftContext, section: Section, body: RootContent[]): FailureDraft[] {
  const starts: Array<{ at: number; item: ListItem; title: { title: string; rest: string; restMd: string }; last: boolean }> = [];
  body.forEach((node, at) => {
    if (node.type !== "list") return;
    // "- **Severity**: High" is a field of the item above (a sub-list a "10." marker did not indent).
    const titled = node.children.flatMap((item) => {
      const title = boldTitleOf(ctx.source, item);
      return title && kindOfLabel(title.title) === "other" ? [{ item, title }] : [];
    });
    titled.forEach(({ item, title }, k) => starts.push({ at, item, title, last: k === titled.length - 1 }));
  });
  // Nothing between or after the lists: the plain list path reads it.
  const trailing = starts.some((s, i) => s.last && (starts[i + 1]?.at ?? body.length) > s.at + 1);
  if (starts.length < 2 || !trailing) return [];
  const drafts = starts.flatMap((start, i) => {
    const after = start.last ? body.slice(start.at + 1, starts[i + 1]?.at ?? body.length) : [];
    const line = start.item.position?.start.line ?? section.line;
    const fields = readFields(ctx.source, [...(start.item.children.slice(1) as RootContent[]), ...after], line);
    const first = fields[0];
    if (first && start.title.rest) prependText(first, start.title.rest, start.title.restMd);
    if (!hasFailureEvidence(fields) || declaresNonFailure(fields)) return [];
    const startOffset = start.item.position?.start.offset ?? 0;
    const lastNode = after[after.length - 1] ?? start.item;
    return [
      buildDraft(ctx, {
        title: start.title.title,
        fields,
        line,
        section: section.text,
        sectionLevel: sectionLevel(section),
        body: ctx.source.slice(startOffset, lastNode.position?.end.offset ?? startOffset),
      }),
    ];
  });
  explain(
    ctx,
    () =>
      `interleaved-lists: ${at(section)} ${starts.length} bold items with fields between lists, ${drafts.length} stating a problem: ${drafts.length >= 2 ? "taken" : "dropped (fewer than 2)"}`,
  );
  return drafts.length >= 2 ? drafts : [];
}
