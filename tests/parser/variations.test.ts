// Wordings and layouts that real analyses use for the same content: each test is one variation
// that must read the same as the house format.
import { describe, expect, it } from "vitest";
import { parseAnalysis } from "@/lib/parser";

const analysis = (body: string) => `# Model Response Failures Analysis\n\n${body}`;
const hasCode = (side: { code: unknown[] } | undefined) => (side?.code.length ?? 0) > 0;

describe("parseAnalysis on fences without a language", () => {
  it("counts code and configuration for their side, logs for neither", () => {
    const record = parseAnalysis(
      analysis(
        [
          "## Critical Failures",
          "",
          "### 1. Queue Without Encryption",
          "",
          "**MODEL_RESPONSE Issue**:",
          "```",
          "queue = sqs.Queue(self, 'Orders')",
          "```",
          "",
          "**IDEAL_RESPONSE Fix**:",
          "```",
          "Orders:",
          "  Type: AWS::SQS::Queue",
          "  Properties:",
          "    KmsMasterKeyId: alias/aws/sqs",
          "```",
          "",
          "### 2. Stale Comment",
          "",
          "**MODEL_RESPONSE Issue**:",
          "```",
          "# TODO: remove before production",
          "```",
          "",
          "### 3. Deploy Fails",
          "",
          "**MODEL_RESPONSE Issue**:",
          "```",
          "Error: creating SQS Queue: AccessDenied",
          "  status code: 403, request id: 1f2e",
          "```",
          "",
          "**IDEAL_RESPONSE Fix**:",
          "```",
          "Requirement: grant sqs:CreateQueue to the deploy role before the first run",
          "```",
        ].join("\n"),
      ),
    );
    expect(record.failures.map((f) => [hasCode(f.model), hasCode(f.ideal)])).toEqual([
      [true, true],
      [true, false],
      [false, false],
    ]);
  });
});

describe("parseAnalysis on heading levels", () => {
  const body = (h: (depth: number) => string) =>
    [
      `${h(1)} Model Response Failures Analysis`,
      "",
      `${h(2)} Critical Failures`,
      "",
      `${h(3)} 1. Public Bucket`,
      "",
      "**MODEL_RESPONSE Issue**: The bucket allows public reads.",
      "",
      `${h(2)} Medium Failures`,
      "",
      `${h(3)} 2. Missing Tags`,
      "",
      "**MODEL_RESPONSE Issue**: No cost tags.",
    ].join("\n");

  it("reads a document whose title is an H2 above H3 groups like one with an H1", () => {
    const record = parseAnalysis(body((depth) => "#".repeat(depth + 1)));
    expect(record.title).toBe("Model Response Failures Analysis");
    expect(record.failures.map((f) => [f.title, f.severity])).toEqual([
      ["Public Bucket", "critical"],
      ["Missing Tags", "medium"],
    ]);
  });

  it("reads a first H1 that names a level or is numbered as a group or item, not the title", () => {
    const record = parseAnalysis(body((depth) => "#".repeat(Math.max(1, depth - 1))).replace(/^# Model.*\n\n/, ""));
    expect(record.failures.map((f) => [f.title, f.severity])).toEqual([
      ["Public Bucket", "critical"],
      ["Missing Tags", "medium"],
    ]);
    const items = parseAnalysis("# 1. Public Bucket\n\n**MODEL_RESPONSE Issue**: x\n\n# 2. Missing Tags\n\n**MODEL_RESPONSE Issue**: y\n");
    expect(items.failures.map((f) => f.title)).toEqual(["Public Bucket", "Missing Tags"]);
  });
});

describe("parseAnalysis on severity wordings", () => {
  const item = (title: string, lines: string) => `### ${title}\n\n${lines}\n\n**MODEL_RESPONSE Issue**: Something is wrong.\n`;
  const severities = (items: string[]) =>
    parseAnalysis(analysis(`## Failures Found\n\n${items.join("\n")}`)).failures.map((f) => f.severity);

  it("reads a level field written with a dash, in a quote, or with a Risk label", () => {
    expect(
      severities([
        item("1. A", "Severity - High"),
        item("2. B", "**Impact Level** — Critical"),
        item("3. C", "> **Severity**: Low"),
        item("4. D", "**Risk**: Medium"),
        item("5. E", "**Risk**: Attackers can gain high privileges."),
      ]),
    ).toEqual(["high", "critical", "low", "medium", "unknown"]);
  });

  it("reads the level row of a key/value table, and code after the table still counts", () => {
    const record = parseAnalysis(
      analysis(
        "## Failures Found\n\n### 1. A\n\n| Field | Value |\n| --- | --- |\n| **Severity** | Critical |\n| Category | Security |\n\nThe model wrote:\n\n```ts\nconst open = true;\n```\n",
      ),
    );
    expect(record.failures[0]?.severity).toBe("critical");
    expect(record.failures[0]?.model.code).toHaveLength(1);
  });

  it("reads a level marked in the title as (Severity: X), or after a trailing dash or bar", () => {
    expect(severities([item("1. A (Severity: High)", "x"), item("2. B — Critical", "x"), item("3. C | Low", "x")])).toEqual([
      "high",
      "critical",
      "low",
    ]);
  });
});

describe("parseAnalysis on side labels", () => {
  it.each([
    ["Generated code", "Corrected code"],
    ["What the model did", "What it should have done"],
    ["Actual", "Expected"],
    ["Model's code", "Reference implementation"],
  ])("reads **%s** / **%s** as the model and ideal sides", (model, ideal) => {
    const record = parseAnalysis(
      analysis(
        `## Failures Found\n\n### 1. Wrong Runtime\n\n**${model}**: The function should run on a supported runtime, but:\n\n\`\`\`ts\nruntime: "nodejs14.x",\n\`\`\`\n\n**${ideal}**:\n\n\`\`\`ts\nruntime: "nodejs20.x",\n\`\`\`\n`,
      ),
    );
    expect(record.failures[0]?.model.code.map((c) => c.value)).toEqual(['runtime: "nodejs14.x",']);
    expect(record.failures[0]?.ideal.code.map((c) => c.value)).toEqual(['runtime: "nodejs20.x",']);
  });
});

describe("parseAnalysis on score wordings", () => {
  const scoreOf = (tail: string) =>
    parseAnalysis(analysis(`## Failures Found\n\n### 1. A\n\n**MODEL_RESPONSE Issue**: x\n\n${tail}\n`)).score;

  it.each([
    ["Training quality score — 7", { value: 7, max: 10 }],
    ["Training Quality Score (0-10): 6", { value: 6, max: 10 }],
    ["## Training Quality Score\n\n**8/10** - solid example", { value: 8, max: 10 }],
    ["| Metric | Value |\n| --- | --- |\n| Training Quality Score | 9/10 |", { value: 9, max: 10 }],
    ["**Score**: 5 / 10", { value: 5, max: 10 }],
  ])("reads %j", (tail, score) => {
    expect(scoreOf(tail)).toEqual(score);
  });

  it("prefers a training-quality score over a bare Score line and ignores qualified ones", () => {
    expect(scoreOf("**Score**: 3/10\n\n**Training Quality Score**: 8/10")).toEqual({ value: 8, max: 10 });
    expect(scoreOf("**Lint Score**: 9.5/10\n\n## Training Quality Score Justification\n\n10 points minus 2")).toBeNull();
  });
});

describe("parseAnalysis on task id wordings", () => {
  it.each([
    ["Task ID - 4417203", "4417203"],
    ["| Field | Value |\n| --- | --- |\n| **Task ID** | 4417203 |\n| Platform | CDK |", "4417203"],
    ["| Field | Value |\n| --- | --- |\n| Task | task-specific |", null],
  ])("reads %j", (line, id) => {
    expect(parseAnalysis(analysis(`${line}\n\n## Failures Found\n\n### 1. A\n\n**Issue**: x\n`)).taskId).toBe(id);
  });
});
