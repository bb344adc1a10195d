import { describe, expect, it } from "vitest";
import { indentOf } from "@/components/diff/diff-rows";
import { htmlText, markHtml } from "@/lib/diff/mark-html";
import { grammarFor, highlightLines } from "@/lib/render/highlight";
import { renderMarkdown } from "@/lib/render/markdown";
import { splitIndent } from "@/lib/render/indent";
import { lineRange, parseFragment, rangeAnchor } from "@/lib/render/pages";

describe("HCL / Terraform highlighting", () => {
  const code = [
    "# Wrong: public for everyone to read",
    "// also for and to",
    'resource "aws_s3_bucket" "logs" {',
    '  bucket = "logs-${var.env}" # trailing note for you',
    "  count  = 2",
    "  tags   = { for k, v in var.tags : k => v }",
    "}",
  ].join("\n");
  const lines = highlightLines(code, "terraform");

  it("is its own grammar under every fence name", () => {
    for (const name of ["hcl", "tf", "terraform", "HCL"]) expect(grammarFor(name)).toBe("hcl");
  });
  it("renders # and // comments as comments, with no keywords inside them", () => {
    expect(lines[0]).toBe('<span class="hljs-comment"># Wrong: public for everyone to read</span>');
    expect(lines[1]).toBe('<span class="hljs-comment">// also for and to</span>');
    expect(lines[3]).toContain('<span class="hljs-comment"># trailing note for you</span>');
  });
  it("marks block types, strings with templates, attributes, numbers and keywords in code", () => {
    expect(lines[2]).toMatch(/^<span class="hljs-keyword">resource<\/span> <span class="hljs-string">"aws_s3_bucket"<\/span>/);
    expect(lines[3]).toContain('<span class="hljs-attr">bucket</span>');
    expect(lines[3]).toContain('<span class="hljs-subst">${var.env}</span>');
    expect(lines[4]).toContain('<span class="hljs-number">2</span>');
    expect(lines[5]).toContain('<span class="hljs-keyword">for</span>');
    expect(lines).toHaveLength(7);
  });
});

describe("highlightLines (rehype-highlight, split per line)", () => {
  it("cuts a span running over lines into one per line, each line well-formed, its text exactly the source line", () => {
    const code = 'x = 1 < 2 and a & b\ns = """first\nsecond <b>\n"""\n# done';
    const lines = highlightLines(code, "py");
    expect(lines).toHaveLength(5);
    expect(lines.map(htmlText)).toEqual(code.split("\n"));
    expect(lines[1]).toBe('s = <span class="hljs-string">"""first</span>');
    expect(lines[2]).toBe('<span class="hljs-string">second &lt;b></span>');
    expect(lines[4]).toBe('<span class="hljs-comment"># done</span>');
    for (const line of lines) expect(line.match(/<span/g)?.length ?? 0).toBe(line.match(/<\/span>/g)?.length ?? 0);
  });

  it("escapes what it must with the entities the word marks read, so marks keep the colours", () => {
    const [line] = highlightLines('cmd = "a && b <c>"', "python");
    expect(line).toContain("&amp;&amp; b &lt;c>");
    const marked = markHtml(line!, 'cmd = "a && b <c>"', [[9, 11]], "m");
    expect(marked).toContain('<span class="hljs-string">"a <mark class="m">&amp;&amp;</mark> b &lt;c>"</span>');
  });

  it("gives escaped text for a fence name without a grammar", () => {
    expect(highlightLines('a < "b"', "no-such-language")).toEqual(["a &lt; &quot;b&quot;"]);
  });
});

describe("renderMarkdown", () => {
  it("keeps lists as lists, ordered ones ordered, inline code as code, tables as tables", () => {
    const { html, inline } = renderMarkdown(
      "Impact:\n- **CRITICAL**: the `bucket` is public\n- second\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(inline).toBe(false);
    expect(html).toContain("<ul>\n<li><strong>CRITICAL</strong>: the <code>bucket</code> is public</li>");
    expect(html).toContain("<ol>\n<li>one</li>");
    expect(html).toContain("<td>1</td>");
  });
  it("gives one paragraph back as inline content", () => {
    expect(renderMarkdown("just `code` and *em*")).toEqual({ html: "just <code>code</code> and <em>em</em>", inline: true });
  });
  it("highlights fenced code, HCL included", () => {
    expect(renderMarkdown("```hcl\n# for you\nx = 1\n```").html).toContain('<span class="hljs-comment"># for you</span>');
  });
  it("never renders raw HTML from the document: it is shown as text", () => {
    const { html } = renderMarkdown(
      'Use <your-bucket> here. <img src=x onerror="alert(1)"> <script>alert(1)</script>\n\n<iframe src="https://evil.test"></iframe>',
    );
    expect(html).not.toMatch(/<(img|script|iframe)\b/i);
    expect(html).toContain("&#x3C;your-bucket>");
    expect(html).not.toMatch(/<[a-z][^>]*\sonerror=/i); // the text "onerror=" stays, as text
  });
  it("keeps http(s) links only, opened without referrer, and never loads images", () => {
    const { html } = renderMarkdown(
      "[a](javascript:alert(1)) [b](https://example.com/x) [c](mailto:x@y.z) [d](data:text/html,x) ![pic](https://evil.test/p.png)",
    );
    expect(html).not.toMatch(/javascript:|mailto:|data:/);
    expect(html).toContain('<a href="https://example.com/x" rel="nofollow noopener noreferrer" target="_blank">b</a>');
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://evil.test/p.png" rel="nofollow noopener noreferrer" target="_blank">[pic]</a>');
  });
  it("puts headings below the card's own (h4 and deeper)", () => {
    expect(renderMarkdown("# Top\n\n## Next").html).toBe("<h4>Top</h4>\n<h5>Next</h5>");
  });
});

describe("line ranges in fragments", () => {
  it("reads a line and a range, either order, and the failure they belong to", () => {
    expect(lineRange("failure-open-port-L12")).toMatchObject({
      first: "failure-open-port-L12",
      last: "failure-open-port-L12",
      from: 12,
      to: 12,
    });
    expect(lineRange("#failure-open-port-b2-R7-R3")).toMatchObject({
      base: "failure-open-port-b2",
      side: "R",
      from: 3,
      to: 7,
      first: "failure-open-port-b2-R3",
    });
    expect(lineRange("failure-open-port-L3-R7")).toMatchObject({ from: 7, to: 7 }); // sides differ: no range
    expect(lineRange("raw-L3")).toBeNull();
    expect(parseFragment("failure-open-port-L3-L7")).toEqual({ kind: "failure", ref: "open-port" });
    expect(parseFragment("failure-7-b2-L3")).toEqual({ kind: "failure", ref: "7" });
  });
  it("shift-click makes a range on the same side of the same block, else the clicked line", () => {
    expect(rangeAnchor("failure-x-L7", "failure-x-L3")).toBe("failure-x-L3-L7");
    expect(rangeAnchor("failure-x-L3-L9", "failure-x-L5")).toBe("failure-x-L3-L5");
    expect(rangeAnchor("failure-x-L3", "failure-x-R5")).toBe("failure-x-R5");
    expect(rangeAnchor("failure-x-b2-L3", "failure-x-L5")).toBe("failure-x-L5");
    expect(rangeAnchor("", "failure-x-L5")).toBe("failure-x-L5");
  });
});

describe("hanging indent of wrapped diff lines", () => {
  it("counts leading spaces and tabs of the line's text, capped", () => {
    expect(indentOf('    <span class="hljs-attr">a</span>')).toBe(4);
    expect(indentOf("\t\tx")).toBe(8);
    expect(indentOf(" ".repeat(40) + "x")).toBe(40);
    expect(indentOf('<span class="hljs-string">  a</span>')).toBe(2); // inside a token (a multi-line string)
    expect(indentOf("   ")).toBe(0); // nothing but spaces: left as text
    expect(indentOf("x")).toBe(0);
  });
});

describe("splitIndent", () => {
  it("takes leading whitespace out of the markup, across tags, and keeps the rest intact", () => {
    expect(splitIndent('  <span class="a">  b</span> c')).toEqual({ indent: "    ", columns: 4, rest: '<span class="a">b</span> c' });
    expect(splitIndent("\tx")).toEqual({ indent: "\t", columns: 4, rest: "x" });
    expect(splitIndent("x  y")).toEqual({ indent: "", columns: 0, rest: "x  y" });
    expect(splitIndent("")).toEqual({ indent: "", columns: 0, rest: "" });
  });
});
