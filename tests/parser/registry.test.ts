// The recognizer registry: every registered recognizer and series rule has an id, a summary,
// examples, and at least one fixture folder in which `--explain` shows it taking (or, for a rule,
// dropping) items. A new recognizer without a fixture fails here.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnalysis } from "@/lib/parser";
import { DOCUMENT_RECOGNIZERS, SECTION_RECOGNIZERS } from "@/lib/parser/registry";
import { SERIES_RULES } from "@/lib/parser/series-rules";

const fixtures = path.join(import.meta.dirname, "fixtures");

function explainFixture(name: string): { lines: string[]; failures: number } {
  const file = path.join(fixtures, name, "input.md");
  expect(existsSync(file), `fixture folder ${name} has an input.md`).toBe(true);
  const lines: string[] = [];
  const record = parseAnalysis(readFileSync(file, "utf8"), { explain: (line) => lines.push(line) });
  return { lines, failures: record.failures.length };
}

const ids = [...DOCUMENT_RECOGNIZERS, ...SECTION_RECOGNIZERS, ...SERIES_RULES].map((entry) => entry.id);

describe("recognizer registry", () => {
  it("ids are unique and kebab-case", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it.each(DOCUMENT_RECOGNIZERS.map((r) => [r.id, r] as const))(
    "document recognizer %s finds the items of its fixtures",
    (id, recognizer) => {
      expect(recognizer.summary.length).toBeGreaterThan(20);
      expect(recognizer.examples.length).toBeGreaterThan(0);
      expect(recognizer.fixtures.length, `${id} names a fixture`).toBeGreaterThan(0);
      for (const name of recognizer.fixtures) {
        const { lines, failures } = explainFixture(name);
        expect(failures, `${name} has failures`).toBeGreaterThan(0);
        expect(lines, `${name} is read by ${id}`).toContainEqual(expect.stringMatching(new RegExp(`^recognizer: "${id}" found`)));
      }
    },
  );

  it.each(SECTION_RECOGNIZERS.map((r) => [r.id, r] as const))("section recognizer %s takes items in its fixtures", (id, recognizer) => {
    expect(recognizer.summary.length).toBeGreaterThan(20);
    expect(recognizer.examples.length).toBeGreaterThan(0);
    expect(recognizer.fixtures.length, `${id} names a fixture`).toBeGreaterThan(0);
    for (const name of recognizer.fixtures) {
      const { lines } = explainFixture(name);
      expect(lines, `${name} has an item taken by ${id}`).toContainEqual(expect.stringMatching(new RegExp(`^${id}: .*taken`)));
    }
  });

  it.each(SERIES_RULES.map((r) => [r.id] as const))("series rule %s drops an item in its fixture folder", (id) => {
    const { lines } = explainFixture(id);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${id}: .*dropped`)));
  });
});
