// Recognizer "list-series": failures written as a series of list items outside any failure-named
// section, read only when no heading, bold line or failure-section list gave a failure.
//
//   1. **Region not enforced**            1. Provider Configuration: providers belong in provider.tf
//      A provider is created but ...      2. VPC CIDR Blocks: the spoke VPCs use 10.100.0.0/16 ...
//   2. **Unused variables**
//                                         1. Missing Auto Scaling Group
//                                         Model Failure: no Auto Scaling Group defined
//                                         Impact: single point of failure
//
// A series is one ordered list, or several ordered lists whose numbering continues ("1." ... a code
// block ... "2."), the blocks between them belonging to the item before; or an unordered list whose
// items all open with a bold title. It is taken when at least two items carry a title and most of
// them state a problem (a side, a level, or a problem word), outside sections that never hold failures.
import type { ListItem, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { at, buildDraft, explain, isGroupHeading, sliceNode, type DraftContext, type FailureDraft } from "./failure";
import { hasFailureEvidence, PLAIN_LABEL, readFields } from "./fields";
import { firstLineText, firstRawLine, itemTitle, leadSentence, levelMarked, lineTitle, lineTitleOf } from "./list-item-titles";
import { sectionLevel, type Section } from "./sections";
import { stripBlockPrefix, stripEmoji, stripInlineMarkdown } from "./text";
import type { Severity } from "./types";
import { isAlwaysExcluded, isNegationHeading, isSoftExcluded, kindOfLabel, levelOfHeading, namesFailures } from "./vocabulary";
import { judgeSeries } from "./series-model";

export const id = "list-series";

/** Problem words of an item's title or first sentence. */
export const PROBLEM =
  /\b(missing|lacks?|lacking|no|not|never|without|incorrect(?:ly)?|wrong|invalid|fail(?:s|ed|ure|ures)?|errors?|broken|bugs?|issues?|problems?|hard-?coded|deprecated|insecure|vulnerab\w*|unused|misconfigur\w*|mismatch\w*|incomplete|overly|excessive|unnecessary|redundant|cannot|can't|doesn't|does not|didn't|did not|isn't|won't|weak|exposed|too)\b/i;

/** A sentence about failures that could happen: "ways the model might fail", "a response would fail if". */
const HYPOTHETICAL =
  /\b(?:might|could|may|would|can)\s+(?:\w+\s+)?fail\b|\bcommon (?:ways|failure modes|pitfalls|mistakes)\b|\ba failed response would\b/i;

/** A sentence ending in a colon that names the failures in the plural that follow it. */
function introducesFailures(text: string): boolean {
  const sentence = text.trim();
  return sentence.length <= 300 && /[:：]$/.test(sentence) && INTRO_FAILURES.test(sentence);
}

const INTRO_FAILURES = /\b(?:failures|issues|problems|errors|mistakes|bugs|defects|flaws|gaps|shortcomings|deficiencies)\b/i;

/**
 * A one-line paragraph standing as a heading before a list ("Critical Technical Issues",
 * "What Went Well"): gives the series its level, or rules it out like a heading would.
 */
interface PseudoHeading {
  level: Severity | null;
  excluded: boolean;
  /** Names a group of failures ("Additional Issues"): a new series starts under it. */
  group: boolean;
}

function pseudoHeading(source: string, node: RootContent): PseudoHeading | null {
  if (node.type !== "paragraph") return null;
  const text = stripEmoji(stripInlineMarkdown(sliceNode(source, node))).trim();
  // "Impact: users see errors" is a field line, not a heading.
  if (text.includes("\n") || text.length < 3 || text.length > 80 || /[.;,:：]$|[:：]\s/.test(text)) return null;
  const heading = text;
  return {
    level: levelOfHeading(heading),
    excluded: isAlwaysExcluded(heading) || isSoftExcluded(heading) || isNegationHeading(heading),
    group: namesFailures(heading),
  };
}

export interface SeriesItem {
  item: ListItem;
  title: string;
  /** Nodes after the item's list that belong to it (until the next list of the series). */
  after: RootContent[];
}

/**
 * `inSummaries`: the last resort when nothing else was found anywhere: a section that names failures
 * ("### Gaps and Missing Elements") is read even under a section that holds none ("## Summary
 * Statistics"), as long as its own words do not rule it out.
 */
export function findListSeries(ctx: DraftContext, inSummaries = false, lineTitles = false): FailureDraft[] {
  const { root, outline } = ctx;
  // The section each top-level node sits in.
  const owner: Array<Section | null> = new Array(root.children.length).fill(null);
  for (const section of outline.sections) {
    for (let i = section.index; i < section.end; i++) owner[i] = section;
  }
  const drafts: FailureDraft[] = [];
  let run: SeriesItem[] = [];
  let runSection: Section | null = null;
  let runLead: PseudoHeading | null = null;
  let lead: PseudoHeading | null = null;
  let next = 0;
  // Numbering that goes on under a group line ("Additional Issues" then "4.") continues the series:
  // one item is then enough.
  let lastNext = -1;
  let continued = false;
  const flush = (): void => {
    if (run.length >= (continued ? 1 : 2) && !runLead?.excluded) {
      // A list right under a heading naming failures in the plural ("## Problems with this output",
      // "## MODEL_FAILURES") is that heading's series: every item is one.
      const named = (runLead?.group ?? false) || (runSection !== null && !runSection.isTitle && isGroupHeading(runSection));
      const taken = takeRun(ctx, run, runSection, runLead?.level ?? null, continued, named);
      drafts.push(...taken);
      lastNext = taken.length > 0 ? next : -1;
    } else if (run.length > 0) {
      lastNext = -1;
    }
    run = [];
    next = 0;
    continued = false;
  };
  // The next ordered list of the section, before any heading, starts at `number`.
  const continues = (from: number, number: number): boolean => {
    for (let i = from + 1; i < root.children.length && owner[i] === owner[from]; i++) {
      const node = root.children[i];
      if (!node || node.type === "heading") return false;
      if (node.type === "list" && node.ordered) return (node.start ?? 1) === number;
    }
    return false;
  };
  root.children.forEach((node, index) => {
    const section = owner[index] ?? null;
    if (node.type === "heading" || section !== runSection) {
      flush();
      runSection = section;
      lead = null;
      if (node.type === "heading") return;
    }
    if (!(inSummaries ? namedUnderSummary(section) : readable(section))) return;
    if (node.type === "list" && node.ordered) {
      const start = node.start ?? 1;
      if (run.length > 0 && start !== next) flush();
      if (run.length === 0) {
        runLead = lead;
        continued = start > 1 && start === lastNext;
      }
      for (const item of node.children) {
        const title = itemTitle(ctx.source, item, false);
        run.push({ item, title: title ?? "", after: [] });
      }
      next = start + node.children.length;
      return;
    }
    if (node.type === "list" && !node.ordered && run.length === 0) {
      const items = node.children.map((item) => ({
        item,
        title: itemTitle(ctx.source, item, true) ?? (lineTitles ? lineTitleOf(ctx.source, item) : null) ?? "",
        after: [],
      }));
      if (items.length >= 2 && items.every((i) => i.title) && !lead?.excluded) {
        drafts.push(...takeRun(ctx, items, section, lead?.level ?? null));
      }
      return;
    }
    // Inside a series a plain line ("Copy", "Model Response Issue:") is the item's; only a line
    // naming a level or a section that holds no failures ends the series.
    const pseudo = pseudoHeading(ctx.source, node);
    // A line naming a part of a report ("References") inside an item is the item's own when the
    // numbering goes on after it ("1. ... References ... 2. ...").
    const inside = pseudo !== null && run.length > 0 && pseudo.excluded && !pseudo.level && !pseudo.group && continues(index, next);
    if (pseudo && !inside && (run.length === 0 || pseudo.level || pseudo.excluded || pseudo.group)) {
      flush();
      lead = pseudo;
      return;
    }
    // "These are common ways the model might fail:" introduces a rubric of failures that could
    // happen, not failures that did.
    if (run.length === 0 && node.type === "paragraph" && HYPOTHETICAL.test(toString(node))) {
      lead = { level: null, excluded: true, group: false };
      return;
    }
    // "The response contains several issues that need to be corrected:" introduces a list of them.
    if (run.length === 0 && node.type === "paragraph" && introducesFailures(toString(node))) {
      lead = { level: null, excluded: false, group: true };
      return;
    }
    run[run.length - 1]?.after.push(node);
  });
  flush();
  return drafts;
}

function namedUnderSummary(section: Section | null): boolean {
  if (!section || section.side || section.field || section.negation || !namesFailures(section.text)) return false;
  const own = section.text;
  return !isAlwaysExcluded(own) && !isSoftExcluded(own) && !readable(section);
}

function readable(section: Section | null): boolean {
  for (let s = section; s; s = s.parent) if (s.excluded || s.negation || s.side || s.field) return false;
  return true;
}

function takeRun(
  ctx: DraftContext,
  run: SeriesItem[],
  section: Section | null,
  leadLevel: Severity | null,
  continued = false,
  /** Under a line that names failures ("Below were the model failures -"): every item is one. */
  named = false,
): FailureDraft[] {
  const least = continued ? 1 : 2;
  // "1. RDS Password Management" alone in its list, its body in the paragraphs after it: a title too.
  for (const entry of run) {
    if (!entry.title && entry.after.length > 0) entry.title = itemTitle(ctx.source, entry.item, false, true) ?? "";
  }
  // Items of a numbered series without a title of their own ("3. Definition Prop is deprecated",
  // "4. [Deploy]: Policy does not exist `...`"): the first line, up to a quoted error, is the title;
  // the series then stands or falls by how many items state a problem. (Unordered lists reach here
  // only when every item has a bold title.)
  for (const entry of run) if (!entry.title) entry.title = lineTitle(firstRawLine(ctx.source, entry.item));
  const titled = run.filter((entry) => entry.title);
  if (titled.length < least || titled.length < run.length * 0.6) {
    explain(
      ctx,
      () =>
        `${id}: line ${run[0]?.item.position?.start.line ?? 0}: ${run.length} list items, ${titled.length} with a title: dropped (needs ${least} and 60%)`,
    );
    return [];
  }
  const candidates = titled.map((entry) => {
    const line = entry.item.position?.start.line ?? 0;
    const fields = readFields(ctx.source, [...(entry.item.children as RootContent[]), ...entry.after], line);
    const first = firstLineText(ctx.source, entry.item);
    const evidence =
      named || hasFailureEvidence(fields) || PROBLEM.test(`${entry.title} ${first}`) || PROBLEM.test(leadSentence(ctx.source, entry));
    return { entry, fields, line, evidence: evidence as boolean };
  });
  // Items of one shape: plain "Label: text" lines whose label recurs across the items and names a
  // side, an impact, a cause or a level ("Actual:", "Impact:") state the problem like bold fields.
  const labels = candidates.map((c) => plainLabelsOf(ctx.source, [...(c.entry.item.children as RootContent[]), ...c.entry.after]));
  const counts = new Map<string, number>();
  for (const set of labels) for (const label of set) counts.set(label, (counts.get(label) ?? 0) + 1);
  const recurring = new Set([...counts].filter(([, n]) => n >= Math.max(2, candidates.length / 2)).map(([label]) => label));
  const record = [...recurring].some((label) => RECORD_KINDS.has(kindOfLabel(label)));
  candidates.forEach((c, i) => {
    if (!record || ![...(labels[i] ?? [])].some((label) => recurring.has(label))) return;
    c.evidence = true;
    // Re-read with the series' labels as fields ("Actual:" -> the model side, "Impact:" -> impact).
    c.fields = readFields(ctx.source, [...(c.entry.item.children as RootContent[]), ...c.entry.after], c.line, recurring);
  });
  const withEvidence = candidates.filter((c) => c.evidence).length;
  const judged = judgeSeries(
    { recognizer: id, items: candidates.length, stating: withEvidence, least, named, titles: candidates.map((c) => c.entry.title) },
    ctx.series,
  );
  const taken = judged.taken;
  explain(ctx, () => {
    const where = section && !section.isTitle ? ` in ${at(section)}` : "";
    const items = candidates.map((c) => `"${c.entry.title}"${c.evidence ? "" : " (no problem stated)"}`).join(", ");
    return (
      `${id}: line ${candidates[0]?.line ?? 0}${where}: ${candidates.length} list items, ${withEvidence} stating a problem` +
      `${named ? " (under a line naming failures)" : ""}: ${taken ? "taken" : "dropped"} (${judged.why}): ${items}`
    );
  });
  if (!taken) return [];
  const inSection = section && !section.isTitle ? section : null;
  return candidates.map(({ entry, fields, line }) => {
    const lastNode = entry.after[entry.after.length - 1] ?? entry.item;
    const start = entry.item.position?.start.offset ?? 0;
    const marked = levelMarked(firstRawLine(ctx.source, entry.item));
    return buildDraft(ctx, {
      title: marked?.title ?? entry.title,
      levelText: marked?.level,
      fields,
      line,
      section: inSection?.text ?? null,
      sectionLevel: leadLevel ?? sectionLevel(inSection),
      body: ctx.source.slice(start, lastNode.position?.end.offset ?? start),
    });
  });
}

const RECORD_KINDS: ReadonlySet<string> = new Set(["model", "ideal", "impact", "rootCause", "severity"]);

/** Lower-cased labels of the plain "Label: text" lines of some blocks ("Actual: ...", "Impact: ..."). */
function plainLabelsOf(source: string, nodes: readonly RootContent[]): Set<string> {
  const labels = new Set<string>();
  for (const node of nodes) {
    if (node.type !== "paragraph") continue;
    for (const raw of sliceNode(source, node).split("\n")) {
      const match = PLAIN_LABEL.exec(stripInlineMarkdown(stripBlockPrefix(raw)).trim());
      if (match?.[1]) labels.add(match[1].toLowerCase());
    }
  }
  return labels;
}
