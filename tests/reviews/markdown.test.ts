// Reviewer comments render through the reports' sanitizing pipeline (lib/render/markdown.ts): every payload of the hostile corpus
// (e2e/hostile), posted as a comment, comes out with no element or attribute that can run script.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderComment } from "@/lib/reviews/markdown";

const HOSTILE = path.resolve("e2e/hostile");
const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](vbscript:msgbox(1))",
  "![x](javascript:alert(1))",
  '<a href="javascript:alert(1)">x</a>',
  "<svg onload=alert(1)>",
  '<iframe src="https://evil.test"></iframe>',
  "[x]: javascript:alert(1)\n\n[link][x]",
  "<javascript:alert(1)>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
];

/** Every start tag in the output with its attributes; escaped text (&#x3C;) is not a tag. */
function tags(html: string): { name: string; attrs: string }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2]! }));
}

function assertInert(html: string, label: string) {
  for (const tag of tags(html)) {
    expect(
      ["script", "iframe", "img", "svg", "object", "embed", "form", "style", "meta", "link", "base", "input", "math", "body"],
      `${label}: <${tag.name}>`,
    ).not.toContain(tag.name);
    expect(tag.attrs, `${label}: event attribute`).not.toMatch(/\son\w+\s*=/i);
    expect(tag.attrs, `${label}: style attribute`).not.toMatch(/\sstyle\s*=/i);
    for (const m of tag.attrs.matchAll(/\s(href|src|action|formaction|xlink:href)\s*=\s*"([^"]*)"/gi)) {
      expect(m[2]!, `${label}: ${m[1]}`).toMatch(/^(https?:|mailto:|#|\/(?!\/)|[^:]*$)/i);
    }
  }
}

describe("renderComment", () => {
  it("keeps ordinary Markdown: emphasis, code, lists, tables, web links", () => {
    const html = renderComment(
      "**bold** and `code`\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://example.com/x?y=1)",
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<table>");
    expect(html).toMatch(/<a href="https:\/\/example\.com\/x\?y=1"[^>]*>docs<\/a>/);
  });

  it("shows raw HTML as the text it is, never as elements", () => {
    const html = renderComment("<b>bold?</b> <img src=x onerror=alert(1)>");
    expect(html).toContain("&#x3C;b>bold?&#x3C;/b>");
    expect(html).toContain("&#x3C;img src=x onerror=alert(1)>");
    expect(tags(html).map((t) => t.name)).toEqual(["p"]);
  });

  it("makes every hostile payload inert", () => {
    for (const payload of PAYLOADS) assertInert(renderComment(payload), payload);
    expect(renderComment("[click](javascript:alert(1))")).not.toContain("javascript:");
  });

  it("makes every document of the hostile corpus inert when posted as a comment", () => {
    const files = fs.readdirSync(HOSTILE).filter((f) => f.endsWith(".md") && fs.statSync(path.join(HOSTILE, f)).size < 200_000);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) assertInert(renderComment(fs.readFileSync(path.join(HOSTILE, file), "utf8")), file);
  });

  it("renders nothing for an empty comment", () => {
    expect(renderComment("  \n ")).toBe("");
  });
});
