import { describe, expect, it } from "vitest";
import { blockLines } from "@/lib/diff/align";
import { CODE_LINE_BUDGET, clipText, PROSE_BUDGET } from "@/lib/render/clip";

describe("clipText", () => {
  it("keeps text within the budget whole and cuts longer text, counting what it left out", () => {
    expect(clipText("short", 10)).toEqual({ shown: "short", omitted: 0 });
    expect(clipText("A".repeat(300_000), PROSE_BUDGET)).toEqual({ shown: "A".repeat(PROSE_BUDGET), omitted: 300_000 - PROSE_BUDGET });
  });

  it("never splits a surrogate pair", () => {
    const { shown, omitted } = clipText(`abc😀def`, 4);
    expect(shown).toBe("abc");
    expect(omitted).toBe(5);
  });
});

describe("blockLines", () => {
  it("cuts a 200,000-character code line to the budget, escaped, with a note of what is left out", () => {
    const value = `x = 1\n${"<A>".repeat(70_000)}\ny = 2`;
    const { text, html } = blockLines(value, ["x = 1", "<b>never used for a long line</b>", "y = 2"]);
    expect(text[1]!.length).toBe(CODE_LINE_BUDGET);
    expect(html[1]!.startsWith("&lt;A&gt;")).toBe(true);
    expect(html[1]).toContain(`${(210_000 - CODE_LINE_BUDGET).toLocaleString("en-US")} more characters`);
    expect(html[1]!.length).toBeLessThan(CODE_LINE_BUDGET * 5);
    expect(html[0]).toBe("x = 1");
    expect(html[2]).toBe("y = 2");
  });
});
