// One test per fixture folder: parseAnalysis(input.md) must equal expected.json.
// `UPDATE=1 npx vitest run tests/parser/fixtures.test.ts` rewrites the expectations (review the diff).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAnalysis } from "@/lib/parser";

const root = path.join(import.meta.dirname, "fixtures");
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("parseAnalysis fixtures", () => {
  it.each(cases)("%s", (name) => {
    const input = readFileSync(path.join(root, name, "input.md"), "utf8");
    const record = parseAnalysis(input, { path: `${name}/input.md` });
    const expectedFile = path.join(root, name, "expected.json");
    if (process.env.UPDATE === "1" || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, `${JSON.stringify(record, null, 2)}\n`);
    }
    expect(record).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
  });
});
