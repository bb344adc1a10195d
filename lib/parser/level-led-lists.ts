// Recognizer "level-led-list": a leaf section whose heading opens with a level word ("## Critical
// Missing Components", "### High Priority Gaps") holds failures of that level when its lists are
// bold-titled items, most of them stating a problem. The level word leads the heading, so it
// qualifies what the section lists even when the rest of the heading names no failures.
//
//   ## Critical Missing Components
//   1. **Backup Job**: the response never schedules one
//   2. **Alarm Topic**: missing, so no one hears of a failed run
//
// The share stating a problem is weighed by the fitted series model (series-model.ts).
import type { RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { at, explain } from "./failure";
import { draftsFromList } from "./failure-lists";
import { PROBLEM } from "./list-series";
import type { SectionRecognizer } from "./recognizer";
import { judgeSeries } from "./series-model";
import { stripEmoji } from "./text";
import { levelOfHeading } from "./vocabulary";

const LEADING_LEVEL = /^(?:[\d.)\s]*)(?:critical|blocker|severe|high|major|significant|medium|moderate|low|minor)\b/i;

/** The heading opens with a level word that the vocabulary reads as a level. */
export function leadsWithLevel(text: string): boolean {
  const bare = stripEmoji(text).trim();
  return LEADING_LEVEL.test(bare) && levelOfHeading(bare) !== null;
}

export const levelLedList: SectionRecognizer = {
  id: "level-led-list",
  summary: "A section whose heading opens with a level word holds its bold-titled list items, when most state a problem.",
  examples: ["## Critical Missing Components\n1. **Backup Job**: never scheduled\n2. **Alarm Topic**: missing"],
  fixtures: ["level-led-list"],
  applies: ({ section }) => !section.weak && leadsWithLevel(section.text),
  find(ctx, { section, body }) {
    const lists = body.filter((node): node is Extract<RootContent, { type: "list" }> => node.type === "list");
    const drafts = lists.flatMap((node) => draftsFromList(ctx, section, node));
    const items = lists.flatMap((node) => node.children);
    const stating = items.filter((item) => PROBLEM.test(toString(item).slice(0, 300))).length;
    const judged = judgeSeries(
      {
        recognizer: "level-led-list",
        items: drafts.length,
        stating: Math.min(stating, drafts.length),
        least: 2,
        named: false,
        titles: drafts.map((d) => d.title),
      },
      ctx.series,
    );
    explain(
      ctx,
      () =>
        `level-led-list: ${at(section)} opens with a level word: ${drafts.length} bold-titled list item(s), ${stating} stating a problem: ${judged.taken ? "taken" : "dropped"} (${judged.why})`,
    );
    return judged.taken ? drafts : [];
  },
};
