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
