// The parser reads GFM without e-mail autolink literals (lib/parser/markdown.ts). These pin the structure it
// still needs from GFM and that leaving them out changes no record: every fixture read from
// the full-GFM tree gives the same record as parseAnalysis.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { emptyAnalysis, parseAnalysis, readTree } from "@/lib/parser";
import { parseMarkdown } from "@/lib/parser/markdown";
import { normalizeSource } from "@/lib/parser/text";
import { unfenceDocument } from "@/lib/parser/fenced-document";

const types = (root: Root) => root.children.map((node) => node.type);

describe("the parser's Markdown grammar", () => {
  it("keeps GFM tables, task lists, strikethrough and footnotes", () => {
    const root = parseMarkdown("| Severity | Count |\n| --- | --- |\n| High | 2 |\n\n- [x] fixed\n\n~~old~~ text[^1]\n\n[^1]: A note.\n");
    expect(types(root)).toEqual(["table", "list", "paragraph", "footnoteDefinition"]);
    const list = root.children[1];
    expect(list?.type === "list" && list.children[0]?.checked).toBe(true);
    const paragraph = root.children[2];
    expect(paragraph?.type === "paragraph" && paragraph.children.map((c) => c.type)).toEqual(["delete", "text", "footnoteReference"]);
  });

  it("keeps a URL's `*` and `_` in its text and leaves an e-mail address as plain text", () => {
    const line = "See https://example.com/*_public_* or mail security@example.com.";
    const paragraph = parseMarkdown(`${line}\n`).children[0];
    expect(toString(paragraph)).toBe(line);
    expect(paragraph?.type === "paragraph" && paragraph.children.map((c) => c.type)).toEqual(["text", "link", "text"]);
  });

  const fixtures = path.join(import.meta.dirname, "fixtures");
  const cases = readdirSync(fixtures, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const fullGfm = unified().use(remarkParse).use(remarkGfm);

  it.each(cases)("gives fixture %s the record the full-GFM tree gives", (name) => {
    const input = readFileSync(path.join(fixtures, name, "input.md"), "utf8");
    const source = unfenceDocument(normalizeSource(input));
    const fromFullGfm = readTree(emptyAnalysis(null), source, fullGfm.parse(source) as Root, {});
    const record = parseAnalysis(input);
    // parseAnalysis adds the input warnings before the walk; the walk's own output must agree.
    expect({ ...record, warnings: undefined }).toEqual({ ...fromFullGfm, warnings: undefined });
    expect(record.warnings.slice(record.warnings.length - fromFullGfm.warnings.length)).toEqual(fromFullGfm.warnings);
  });

  it("reads a report full of bare URLs as the full-GFM tree does", () => {
    const input = [
      "# Model Response Failures Analysis",
      "",
      "Task: https://tracker.example.com/tasks/4471_b*x*",
      "",
      "## Critical Failures",
      "",
      "### 1. Bucket policy allows https://example.com/*_public_* reads",
      "",
      "**Impact Level**: Critical",
      "",
      "**MODEL_RESPONSE Issue**: www.example.com/a_b_c is trusted, see security@example.com.",
      "",
      "```hcl",
      'principal = "*" # https://registry.terraform.io/providers/hashicorp/aws',
      "```",
      "",
      "**IDEAL_RESPONSE Fix**:",
      "",
      "```hcl",
      'principal = "arn:aws:iam::123456789012:root"',
      "```",
      "",
      "**References**: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html, <https://aws.amazon.com/s3/>",
      "",
      "## Summary",
      "",
      "- Total failures: 1 Critical, 0 High, 0 Medium, 0 Low",
      "- Training Quality Score: 6/10 (https://wiki.example.com/scoring)",
      "",
    ].join("\n");
    const fromFullGfm = readTree(emptyAnalysis(null), input, fullGfm.parse(input) as Root, {});
    const record = parseAnalysis(input);
    expect(record.failures).toHaveLength(1);
    expect(record).toEqual(fromFullGfm);
  });
});
