// Recognizers of lists under a heading naming failures:
//   "group-list"          ### Security Failures        a heading naming a group holds its bold-titled
//                         1. **Open Port** ...         items, even when their fields state problems
//   "failure-list"        ## Issues                    a leaf section named for failures: each
//                         - **Import Errors**: ...     bold-titled list item is a failure
//   "plain-failure-list"  ## Encryption Failures       no bold titles: under a group name each plain
//                         - Bucket uses the default key  item stating a problem is one; a heading stating
//                                                      one problem is itself the failure
import type { List, ListItem, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import {
  at,
  boldTitleOf,
  buildDraft,
  draftFromHeading,
  explain,
  isGroupHeading,
  isListSection,
  sliceNode,
  type DraftContext,
  type FailureDraft,
} from "./failure";
import { prependText, readFields, type Field } from "./fields";
import { PROBLEM } from "./list-series";
import type { SectionRecognizer } from "./recognizer";
import { sectionLevel, type Section } from "./sections";
import { cleanTitle } from "./text";
import { kindOfLabel } from "./vocabulary";
import { judgeSeries } from "./series-model";

export const groupList: SectionRecognizer = {
  id: "group-list",
  summary: "A heading naming a group of failures ('### Security Failures') holds its bold-titled list items.",
  examples: ["### Security Failures\n1. **Open Port**: port 22 is open\n2. **Public Bucket**: ..."],
  fixtures: ["group-heading-bold-items", "block-intro-sides"],
  applies: ({ section }) => isGroupHeading(section),
  find(ctx, { section, body }) {
    const grouped = body.flatMap((node) => (node.type === "list" ? draftsFromList(ctx, section, node) : []));
    // Field labels ("- **Original Issue**:", "- **Status**:") are one item's fields, not items.
    if (grouped.length < 2 || !grouped.every((draft) => kindOfLabel(draft.title) === "other")) return [];
    explain(ctx, () => `group-list: ${at(section)} names a group of failures: its ${grouped.length} bold-titled list items taken`);
    return grouped;
  },
};

export const failureList: SectionRecognizer = {
  id: "failure-list",
  summary: "A leaf section named for failures: each bold-titled item of its lists is a failure.",
  examples: ["## Issues\n- **Import Errors**: missing import of aws_s3\n- **Deprecated APIs**: ..."],
  fixtures: ["failure-list"],
  applies: ({ section }) => isListSection(section),
  find(ctx, { section, body }) {
    const drafts = body.flatMap((node) => (node.type === "list" ? draftsFromList(ctx, section, node) : []));
    explain(ctx, () => `failure-list: ${at(section)} names failures: ${drafts.length} bold-titled list item(s) taken`);
    return drafts;
  },
};

export const plainFailureList: SectionRecognizer = {
  id: "plain-failure-list",
  summary: "A section named for failures whose lists have no bold titles: plain items stating a problem, or the heading as one failure.",
  examples: ["## Encryption Failures\n- Bucket encryption uses the default key\n- Logs are not encrypted"],
  fixtures: ["plain-failure-lists"],
  applies: ({ section }) => isListSection(section),
  find: (ctx, { section, body, fields }) => plainListFailures(ctx, section, body, fields()),
};

/**
 * A section named for failures whose lists have no bold titles: under a group name ("## Encryption
 * Failures") each item of its lists is a failure ("- Bucket encryption uses the default key"); a
 * heading stating one problem ("### retry_options parameter issue", "## Missing Outputs") is itself
 * the failure, its bullets the details.
 */
export function plainListFailures(ctx: DraftContext, section: Section, body: RootContent[], fields: Field[]): FailureDraft[] {
  if (isGroupHeading(section)) {
    // Only the lists right under the heading: after a sub-heading ("### NONE DETECTED") they are not its.
    const own = body.findIndex((node) => node.type === "heading");
    const items = (own < 0 ? body : body.slice(0, own)).flatMap((node) =>
      node.type !== "list" ? [] : node.children.map((item) => ({ item, title: plainItemTitle(ctx.source, item) })),
    );
    const titled = items.filter((entry) => entry.title);
    // Like any series: most items state a problem ("- Bucket encryption uses the default key" does not).
    const stating = titled.filter((entry) => PROBLEM.test(`${entry.title} ${toString(entry.item).slice(0, 300)}`)).length;
    const judged = judgeSeries(
      {
        recognizer: "plain-failure-list",
        items: titled.length,
        stating,
        least: 1,
        named: true,
        titles: titled.map((entry) => entry.title),
      },
      ctx.series,
    );
    const taken = judged.taken;
    explain(
      ctx,
      () =>
        `plain-failure-list: ${at(section)} names a group of failures: ${titled.length} plain list item(s), ${stating} stating a problem: ${taken ? "taken" : "dropped"} (${judged.why})`,
    );
    if (!taken) return [];
    return titled.map(({ item, title }) => {
      const line = item.position?.start.line ?? section.line;
      const itemFields = readFields(ctx.source, item.children as RootContent[], line);
      return buildDraft(ctx, {
        title,
        fields: itemFields,
        line,
        section: section.text,
        sectionLevel: sectionLevel(section),
        body: sliceNode(ctx.source, item),
      });
    });
  }
  if (body.length > 0 && (LEADING_PROBLEM.test(section.text) || SINGLE_PROBLEM.test(section.text))) {
    explain(ctx, () => `heading: ${at(section)} taken: states one problem, its list is the details`);
    return [draftFromHeading(ctx, section, body, fields)];
  }
  explain(ctx, () => `heading: ${at(section)} dropped: names failures but neither a group nor one problem`);
  return [];
}

/** "... parameter issue", "... naming error": a heading ending in one failure noun after a subject. */
const SINGLE_PROBLEM = /\S+\s+\S+\s+(?:issue|problem|error|bug|failure|mismatch|violation)$/i;
/** "Missing Outputs", "Incorrect Region": a heading opening with what is wrong. */
const LEADING_PROBLEM = /^(?:missing|no|incorrect|invalid|wrong|hard-?coded|deprecated|insecure|unused|broken)\b/i;

/** First line of a plain list item, up to a quoted error or the end of its first sentence. */
function plainItemTitle(source: string, item: ListItem): string {
  const first = item.children[0];
  if (first?.type !== "paragraph") return "";
  const raw = sliceNode(source, first).split("\n")[0] ?? "";
  let sentence = raw.length > 160 ? (raw.split(/(?<=[.!?])\s/)[0] ?? raw) : raw;
  // Still long: up to a quoted error ("... failed `Error: ...`").
  if (sentence.length > 200) sentence = sentence.split("`")[0] ?? sentence;
  const title = cleanTitle(sentence);
  return title.length >= 3 && title.length <= 200 ? title : "";
}

export function draftsFromList(ctx: DraftContext, section: Section, list: List): FailureDraft[] {
  const drafts: FailureDraft[] = [];
  for (const item of list.children) {
    const titled = boldTitleOf(ctx.source, item);
    if (!titled) continue;
    const fields = readFields(ctx.source, item.children.slice(1) as RootContent[], item.position?.start.line ?? 0);
    const first = fields[0];
    if (first && titled.rest) prependText(first, titled.rest, titled.restMd);
    drafts.push(
      buildDraft(ctx, {
        title: titled.title,
        fields,
        line: item.position?.start.line ?? section.line,
        section: section.text,
        sectionLevel: sectionLevel(section),
        body: sliceNode(ctx.source, item),
      }),
    );
  }
  return drafts;
}
