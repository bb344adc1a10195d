// The shape of a recognizer: one report layout, found by `find`, registered in registry.ts.
// A recognizer has an id (the prefix of its `--explain` lines), a one-sentence summary, examples of
// the layout it reads, and the fixture folders (tests/parser/fixtures/<name>/) that show it taking
// items; tests/parser/registry.test.ts fails when a registered id has no fixture showing it.
import type { RootContent } from "mdast";
import type { DraftContext, FailureDraft } from "./failure";
import type { Field } from "./fields";
import type { Section } from "./sections";

interface Described {
  /** Stable id, also the prefix of the recognizer's `--explain` lines. */
  id: string;
  /** What the recognizer reads, in one sentence. */
  summary: string;
  /** Small examples of the layout (Markdown). */
  examples: readonly string[];
  /** Fixture folders under tests/parser/fixtures/ in which it takes items. */
  fixtures: readonly string[];
}

/** One section of the outline, with its body and its labelled fields read once, on demand. */
export interface SectionInput {
  section: Section;
  /** The section's top-level nodes up to its end (sub-headings included). */
  body: RootContent[];
  fields(): Field[];
}

/** Reads one section; the walk tries them in order and keeps the first that finds items. */
export interface SectionRecognizer extends Described {
  applies(input: SectionInput): boolean;
  find(ctx: DraftContext, input: SectionInput): FailureDraft[];
}

export interface DocumentFacts {
  /** The document is plain paragraphs, without Markdown structure. */
  plain: boolean;
  /** The document has no headings. */
  headless: boolean;
}

/** Reads the whole document; tried in order until one finds items. */
export interface DocumentRecognizer extends Described {
  applies(facts: DocumentFacts): boolean;
  find(ctx: DraftContext): FailureDraft[];
}
