// One test per fixture folder: parseAnalysis(input.md) must equal expected.json.
// `UPDATE=1 npx vitest run tests/parser/fixtures.test.ts` rewrites the expectations (review the diff).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTaxonomy, parseAnalysis } from "@/lib/parser";

const root = path.join(import.meta.dirname, "fixtures");
// The shipped categories with keywords alone (no fitted model), so a refit of the model does not
// rewrite every fixture; the model's filing is pinned in knowledge-gaps.test.ts.
const taxonomy = createTaxonomy(JSON.parse(readFileSync(path.join(import.meta.dirname, "../../content/knowledge-gaps.json"), "utf8")));
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("parseAnalysis fixtures", () => {
  it.each(cases)("%s", (name) => {
    const input = readFileSync(path.join(root, name, "input.md"), "utf8");
    const record = parseAnalysis(input, { path: `${name}/input.md`, taxonomy });
    const expectedFile = path.join(root, name, "expected.json");
    if (process.env.UPDATE === "1" || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, `${JSON.stringify(record, null, 2)}\n`);
    }
    expect(record).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
  });
});
