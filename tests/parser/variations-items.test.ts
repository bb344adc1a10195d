// Wordings and layouts that real analyses use for the same content (items: recaps, bold paragraph
// items, numbering, pasted text, numbered bold lists): each must read the same as the house format.
import { describe, expect, it } from "vitest";
import { parseAnalysis } from "@/lib/parser";

const analysis = (body: string) => `# Model Response Failures Analysis\n\n${body}`;
const hasCode = (side: { code: unknown[] } | undefined) => (side?.code.length ?? 0) > 0;

describe("parseAnalysis on recaps", () => {
  it("does not count a later list that names the failures again", () => {
    const record = parseAnalysis(
      analysis(
        "## Critical Failures\n\n### 1. Open Security Group\n\n**MODEL_RESPONSE Issue**: Port 22 is open to the world.\n\n### 2. Missing Backups\n\n**MODEL_RESPONSE Issue**: No backup plan.\n\n## Issues Fixed\n\n- **Open Security Group**: restricted\n- **Missing Backups**: added\n\n## All Failures\n\n1. **Open Security Group**\n2. **Missing Backups**\n",
      ),
    );
    expect(record.failures.map((f) => f.title)).toEqual(["Open Security Group", "Missing Backups"]);
  });
});

describe("parseAnalysis on bold paragraph items", () => {
  it("reads '**1. Title**' lines under a failure section as items, their sub-labels as fields", () => {
    const record = parseAnalysis(
      analysis(
        [
          "## High Failures",
          "",
          "**1. Open Security Group**",
          "",
          "**Impact Level**: Critical",
          "",
          "**MODEL_RESPONSE Issue**:",
          "```ts",
          "sg.addIngressRule(Peer.anyIpv4(), Port.tcp(22));",
          "```",
          "",
          "**Note:**",
          "",
          "Seen in two stacks.",
          "",
          "**2. A1: Missing Backups**",
          "**MODEL_RESPONSE Issue**: No backup plan.",
          "",
          "## Security Improvements",
          "",
          "**3. Rotated Keys**",
          "",
          "Keys now rotate yearly.",
        ].join("\n"),
      ),
    );
    expect(record.failures.map((f) => [f.title, f.severity, f.model.code.length])).toEqual([
      ["Open Security Group", "critical", 1],
      ["Missing Backups", "high", 0],
    ]);
  });

  it("keeps numbered bold sub-points inside one failure heading's body", () => {
    const record = parseAnalysis(
      analysis(
        "## Critical Failures\n\n### 1. Broken Pipeline\n\n**1. Source stage**\n\nWrong branch.\n\n**2. Build stage**\n\nNo cache.\n",
      ),
    );
    expect(record.failures.map((f) => f.title)).toEqual(["Broken Pipeline"]);
  });
});

describe("parseAnalysis on item numbering and title words", () => {
  it("reads '[1]' numbering and keeps unnumbered failure titles that end in Reference or say Passed", () => {
    const record = parseAnalysis(
      analysis(
        "## Critical Failures\n\n### [1] Open Port\n\n**Issue**: x\n\n### Wrong Bucket Attribute Reference\n\n**MODEL_RESPONSE Issue**: y\n\n### Secret Passed in Plain Text\n\n**MODEL_RESPONSE Issue**: z\n\n## AWS Documentation References\n\n### Security Groups\n\nSee the guide.\n\n## Validation Points - All Passed\n\n### Encryption\n\nOK.\n",
      ),
    );
    expect(record.failures.map((f) => f.title)).toEqual(["Open Port", "Wrong Bucket Attribute Reference", "Secret Passed in Plain Text"]);
  });
});

describe("parseAnalysis on pasted plain text", () => {
  it("still reads the plain-text failures when a markdown tail was added after them", () => {
    const plain = [
      "Open Security Group",
      "The group allowed port 22 from anywhere.",
      "",
      "Missing Backup Plan",
      "No backups were configured for the database.",
      "",
      "Unpinned Runtime",
      "The function runtime was left to the default.",
    ].join("\n");
    const titles = (text: string) => parseAnalysis(text).failures.map((f) => f.title);
    expect(titles(plain)).toEqual(["Open Security Group", "Missing Backup Plan", "Unpinned Runtime"]);
    expect(titles(`${plain}\n\n## Summary\n\n- Three problems, all fixed.\n`)).toEqual(titles(plain));
  });
});

describe("parseAnalysis on numbered bold list items with their code after the list", () => {
  const item = (n: number, title: string, level: string, indent: string) =>
    [
      `${n}. **${title}**`,
      `${indent}- **Severity**: ${level}`,
      `${indent}- **Root Cause**: The model guessed the ${title.toLowerCase()} default.`,
      "",
      "**Original Code**:",
      "```python",
      `value_${n} = "guess"`,
      "```",
      "",
      "**Fixed Code**:",
      "```python",
      `value_${n} = config.require("value_${n}")`,
      "```",
      "",
    ].join("\n");

  it("reads each item with the sub-bullets under it and the code blocks up to the next item", () => {
    // Items 1–9 indent their sub-bullets under the marker; from 10 on the same three spaces leave them
    // outside the item, as a list of their own: they are still that item's fields.
    const items = Array.from({ length: 11 }, (_, i) =>
      item(i + 1, `Widget Setting ${i + 1} Hardcoded`, i % 2 ? "High" : "Critical", "   "),
    );
    const record = parseAnalysis(
      analysis(["## Summary", "", "- Total failures: 6 Critical, 5 High", "", "## Detailed Failures", "", ...items].join("\n")),
    );
    expect(record.failures.map((f) => f.title)).toEqual(Array.from({ length: 11 }, (_, i) => `Widget Setting ${i + 1} Hardcoded`));
    expect(record.failures.map((f) => f.severity)).toEqual(Array.from({ length: 11 }, (_, i) => (i % 2 ? "high" : "critical")));
    for (const f of record.failures) {
      expect(hasCode(f.model) && hasCode(f.ideal)).toBe(true);
      expect(f.rootCause).toMatch(/^The model guessed/);
    }
    expect(record.failures[9]?.model.code[0]?.value).toBe('value_10 = "guess"');
    expect(record.warnings.filter((w) => w.code === "count-mismatch")).toEqual([]);
  });

  it("leaves a recap list of bold names followed by prose alone", () => {
    const record = parseAnalysis(
      analysis(
        [
          "## Failures",
          "",
          "### 1. Open Security Group",
          "",
          "**Severity**: High",
          "",
          "**MODEL_RESPONSE Issue**:",
          "```python",
          "ingress = '0.0.0.0/0'",
          "```",
          "",
          "## Failure Recap",
          "",
          "1. **Open Security Group**",
          "2. **Missing Backups**",
          "",
          "Both came from copying an example stack.",
          "",
        ].join("\n"),
      ),
    );
    expect(record.failures.map((f) => f.title)).toEqual(["Open Security Group"]);
  });
});
