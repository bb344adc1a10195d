import { describe, expect, it } from "vitest";
import { alignLines, blockLines, splitLines, wordRanges, type DiffRow } from "@/lib/diff/align";
import { foldRows, lineAnchor, pairBlocks, parseLineAnchor, unifiedLines } from "@/lib/diff/layout";
import { htmlText, markHtml } from "@/lib/diff/mark-html";

const kinds = (rows: DiffRow[]) => rows.map((r) => r.kind).join(",");
const side = (text: string) => ({ text: splitLines(text) });

describe("splitLines", () => {
  it("drops one trailing newline and carriage returns", () => {
    expect(splitLines("a\r\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([""]);
  });
});

describe("alignLines", () => {
  it("pairs equal lines and numbers both sides", () => {
    const rows = alignLines(side("a\nb\nc"), side("a\nb\nc"));
    expect(kinds(rows)).toBe("same,same,same");
    expect(rows[2]).toMatchObject({ left: { no: 3 }, right: { no: 3 } });
  });

  it("pairs a replaced line as a change with word marks on both sides", () => {
    const rows = alignLines(side('x = 1\nengine_version="15.3"\ny = 2'), side('x = 1\nengine_version="15.4"\ny = 2'));
    expect(kinds(rows)).toBe("same,change,same");
    const change = rows[1]!;
    if (change.kind !== "change") throw new Error("expected a change");
    expect(change.left.html).toContain('<mark class="diff-word-removed">');
    expect(change.right.html).toContain('<mark class="diff-word-added">');
    expect(htmlText(change.right.html)).toBe('engine_version="15.4"');
  });

  it("keeps line numbers right across insertions and deletions", () => {
    const rows = alignLines(side("a\nold\nb"), side("a\nb\nnew1\nnew2"));
    expect(kinds(rows)).toBe("same,removed,same,added,added");
    const last = rows[4]!;
    expect(last.kind === "added" && last.right.no).toBe(4);
    const b = rows[2]!;
    expect(b.kind === "same" && [b.left.no, b.right.no]).toEqual([3, 2]);
  });

  it("pairs the first lines of unequal replacement runs and leaves the rest alone", () => {
    const rows = alignLines(side("a\nb"), side("a2\nb2\nc2"));
    expect(kinds(rows)).toBe("change,change,added");
  });

  it("uses the highlighted HTML when it spells the line", () => {
    const rows = alignLines(
      { text: ["if x:"], html: ['<span class="hljs-keyword">if</span> x:'] },
      { text: ["if y:"], html: ['<span class="hljs-keyword">if</span> y:'] },
    );
    const row = rows[0]!;
    if (row.kind !== "change") throw new Error("expected a change");
    expect(row.left.html).toBe('<span class="hljs-keyword">if</span> <mark class="diff-word-removed">x</mark>:');
  });

  it("escapes lines when highlighted HTML is missing", () => {
    const rows = alignLines(side("<b>&</b>"), side("<b>&</b>"));
    expect(rows[0]!.kind === "same" && rows[0]!.left.html).toBe("&lt;b&gt;&amp;&lt;/b&gt;");
  });
});

describe("wordRanges", () => {
  it("skips word marks when the lines share almost nothing", () => {
    expect(wordRanges("completely different", "nothing alike here at all")).toEqual([[], []]);
  });
});

describe("markHtml", () => {
  it("counts an entity as one character and keeps tags well nested", () => {
    const html = '<span class="hljs-string">&quot;a&amp;b&quot;</span> c';
    const marked = markHtml(html, '"a&b" c', [[2, 6]], "m");
    expect(marked).toBe('<span class="hljs-string">&quot;a<mark class="m">&amp;b&quot;</mark></span><mark class="m"> </mark>c');
    expect(htmlText(marked)).toBe('"a&b" c');
  });

  it("falls back to escaped text when the HTML does not match the line", () => {
    expect(markHtml("<span>zzz</span>", "a<b", [[1, 2]], "m")).toBe('a<mark class="m">&lt;</mark>b');
  });
});

describe("foldRows", () => {
  const same = (n: number): DiffRow[] =>
    Array.from({ length: n }, (_, i) => ({ kind: "same", left: { no: i + 1, html: "" }, right: { no: i + 1, html: "" } }));
  const change: DiffRow = { kind: "added", right: { no: 1, html: "+" } };

  it("folds a long unchanged run between changes but keeps three lines of context", () => {
    const segments = foldRows([change, ...same(20), change]);
    expect(segments.map((s) => `${s.type}:${s.rows.length}`)).toEqual(["rows:4", "folded:14", "rows:4"]);
  });

  it("leaves short runs alone", () => {
    expect(foldRows([change, ...same(8), change]).map((s) => s.type)).toEqual(["rows"]);
  });

  it("keeps the first lines of an identical block visible", () => {
    expect(foldRows(same(30)).map((s) => `${s.type}:${s.rows.length}`)).toEqual(["rows:3", "folded:27"]);
  });

  it("never loses a row", () => {
    const rows = [...same(7), change, ...same(12), change, ...same(9)];
    expect(foldRows(rows).flatMap((s) => s.rows)).toEqual(rows);
  });
});

describe("unifiedLines", () => {
  it("lists a run's MODEL lines before its IDEAL lines", () => {
    const rows = alignLines(side("k\na\nb"), side("k\nA\nB"));
    expect(unifiedLines(rows).map((l) => `${l.sign}${l.left ?? ""}/${l.right ?? ""}`)).toEqual([" 1/1", "-2/", "-3/", "+/2", "+/3"]);
  });
});

describe("pairBlocks", () => {
  const block = (position: number) => ({ position, lang: "python", value: "", linesHtml: [] });
  it("pairs by position and labels the extra blocks", () => {
    expect(pairBlocks([block(0)], [block(0), block(1)]).map((p) => p.kind)).toEqual(["pair", "ideal-only"]);
    expect(pairBlocks([block(1), block(0)], []).map((p) => p.kind)).toEqual(["model-only", "model-only"]);
  });
});

describe("lineAnchor", () => {
  it("round-trips through parseLineAnchor", () => {
    expect(lineAnchor(3, 0, "R", 12)).toBe("failure-3-R12");
    expect(lineAnchor(3, 1, "L", 4)).toBe("failure-3-b2-L4");
    expect(parseLineAnchor("#failure-3-b2-L4")).toEqual({ failure: 3, pair: 1, side: "L", line: 4 });
    expect(parseLineAnchor("#failure-3")).toBeNull();
  });
});

describe("blockLines", () => {
  it("drops the empty last line a trailing newline leaves, on both text and HTML", () => {
    expect(blockLines("a\nb\n", ["a", "<span>b</span>", ""])).toEqual({ text: ["a", "b"], html: ["a", "<span>b</span>"] });
  });
  it("escapes the text when the stored HTML does not have one entry per line", () => {
    expect(blockLines("<a>", [])).toEqual({ text: ["<a>"], html: ["&lt;a&gt;"] });
  });
});
