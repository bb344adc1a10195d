// Folds of unchanged lines expand 20 lines at a time from either side (as on GitHub) or all at once,
// and every folded line is in the page from the start, so a link to one of them can land.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SplitDiff, UnifiedDiff } from "@/components/diff/diff-rows";
import { alignLines } from "@/lib/diff/align";
import { foldRows, lineAnchor } from "@/lib/diff/layout";
import { EXPAND_STEP, foldPlace, foldView } from "@/lib/diff/fold";

describe("foldView", () => {
  it("offers ↓ and ↑ between two changes, each revealing 20 lines from its side", () => {
    expect(foldView(53, "middle", { down: 0, up: 0 })).toEqual({ top: 0, bottom: 0, hidden: 53, down: true, up: true });
    expect(foldView(53, "middle", { down: 1, up: 0 })).toEqual({ top: 20, bottom: 0, hidden: 33, down: true, up: true });
    // 13 left: no more arrows, the bar's "show all" shows them.
    expect(foldView(53, "middle", { down: 1, up: 1 })).toEqual({ top: 20, bottom: 20, hidden: 13, down: false, up: false });
  });

  it("before the first change only ↑ (over the change), after the last only ↓ (under it)", () => {
    expect(foldView(45, "start", { down: 0, up: 0 })).toMatchObject({ down: false, up: true });
    expect(foldView(45, "end", { down: 0, up: 0 })).toMatchObject({ down: true, up: false });
    expect(foldView(45, "end", { down: 2, up: 0 })).toMatchObject({ top: 40, hidden: 5, down: false });
  });

  it("never reveals more rows than the fold has, and short folds have no arrows", () => {
    expect(foldView(30, "middle", { down: 5, up: 5 })).toMatchObject({ top: 30, bottom: 0, hidden: 0 });
    expect(foldView(EXPAND_STEP, "middle", { down: 0, up: 0 })).toMatchObject({ down: false, up: false });
    expect(foldPlace(0, 3)).toBe("start");
    expect(foldPlace(1, 3)).toBe("middle");
    expect(foldPlace(2, 3)).toBe("end");
    expect(foldPlace(0, 1)).toBe("end");
  });
});

describe("diff folds as rendered", () => {
  // 80 lines, lines 10 and 70 changed: folds of 6 (start), 53 (between) and 7 (end) unchanged lines.
  const model = Array.from({ length: 80 }, (_, i) => `line ${i + 1}`);
  const ideal = model.map((line, i) => (i === 9 || i === 69 ? `${line} changed` : line));
  const rows = alignLines({ text: model }, { text: ideal });

  it("folds as expected", () => {
    expect(foldRows(rows).map((s) => `${s.type}:${s.rows.length}`)).toEqual(["folded:6", "rows:7", "folded:53", "rows:7", "folded:7"]);
  });

  for (const [name, Diff] of [
    ["split", SplitDiff],
    ["unified", UnifiedDiff],
  ] as const) {
    it(`${name}: every folded line and its anchor is in the page, inside a closed fold with arrows only on the long one`, () => {
      const html = renderToStaticMarkup(createElement(Diff, { failureNumber: "long", pairIndex: 0, rows }));
      for (const line of [1, 14, 40, 66, 80]) expect(html).toContain(`data-line-anchor="${lineAnchor("long", 0, "R", line)}"`);
      expect(html.match(/<details/g)).toHaveLength(3);
      expect(html).not.toMatch(/<details[^>]* open/);
      expect(html).toContain("Show 53 unchanged lines");
      expect(html.match(/aria-label="Show 20 more unchanged lines under the change above"/g)).toHaveLength(1);
      expect(html.match(/aria-label="Show 20 more unchanged lines over the change below"/g)).toHaveLength(1);
      // Line 40 sits inside the middle fold's <details>, after its summary.
      const middle = html.slice(html.indexOf("Show 53 unchanged lines"));
      expect(middle.indexOf(lineAnchor("long", 0, "R", 40))).toBeLessThan(middle.indexOf("</details>"));
    });
  }
});
