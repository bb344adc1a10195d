// The raw view's rows (lib/render/raw.ts): highlighted as Markdown, one well-formed row per line,
// linkable, and a page that starts inside a fenced block highlighted as code.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RawMarkdown } from "@/components/raw-markdown";
import { fenceAt, highlightMarkdownLines, rawRowsHtml, splitHighlighted } from "@/lib/render/raw";

describe("raw view rows", () => {
  it("cuts highlighted HTML at newlines, closing and reopening spans", () => {
    expect(splitHighlighted('a<span class="x">b\nc<span class="y">d\ne</span></span>f')).toEqual([
      'a<span class="x">b</span>',
      '<span class="x">c<span class="y">d</span></span>',
      '<span class="x"><span class="y">e</span></span>f',
    ]);
  });

  it("gives one row per line, numbered and linkable, escaped (never rendered)", () => {
    const text = "# Title\n\n<script>alert(1)</script>\n```hcl\n# comment\n```";
    expect(highlightMarkdownLines(text)).toHaveLength(6);
    const html = rawRowsHtml(text, 41);
    expect(html.match(/<div id="raw-L\d+" class="rl">/g)).toHaveLength(6);
    expect(html).toContain('<a href="#raw-L41" tabindex="-1" aria-label="Line 41">41</a>');
    expect(html).toContain('id="raw-L46"');
    expect(html).toContain('<span class="hljs-section"># Title</span>');
    expect(html).not.toContain("<script>");
  });

  it("highlights a page that starts inside a fenced block as code", () => {
    const lines = ["intro", "```python", "x = 1", "# not a heading", "```", "# Heading"];
    expect(fenceAt(lines, 3)).toBe("```");
    expect(fenceAt(lines, 5)).toBeNull();
    const page = highlightMarkdownLines(lines.slice(3).join("\n"), fenceAt(lines, 3));
    expect(page).toHaveLength(3);
    expect(page[0]).toContain('class="hljs-code"');
    expect(page[2]).toContain('class="hljs-section"');
  });

  it("carries the page's text, not its rows, to the browser (the rows are built from it)", () => {
    const raw = Array.from({ length: 30 }, (_, i) => `- item **${i}**`).join("\n");
    const html = renderToStaticMarkup(createElement(RawMarkdown, { raw, slug: "x", query: { view: "raw" } }));
    expect(html.match(/id="raw-L/g)).toHaveLength(30);
    expect(html).toContain('<span class="hljs-bullet">-</span>');
  });
});
