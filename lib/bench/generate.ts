// Generates real-shaped failure analyses for the benchmark: failures harvested from sample reports
// (titles, code, root causes) recombined into new documents in several of the formats seen in the
// wild, with varied severities, scores and sizes (about 2 KB to 50 KB).
import { GRADED_SEVERITIES } from "../domain";
import type { ParsedAnalysis, ParsedFailure } from "../parser/types";

export interface HarvestedFailure {
  title: string;
  rootCause: string;
  modelCode: { lang: string; value: string }[];
  idealCode: { lang: string; value: string }[];
  impact: string;
}

export function harvest(records: ParsedAnalysis[]): HarvestedFailure[] {
  return records.flatMap((r) =>
    r.failures.map((f: ParsedFailure) => ({
      title: f.title,
      rootCause: f.rootCause ?? f.model.text ?? "The model did not follow the provider's documented behaviour.",
      modelCode: f.model.code.map((c) => ({ lang: c.lang ?? "", value: c.value })),
      idealCode: f.ideal.code.map((c) => ({ lang: c.lang ?? "", value: c.value })),
      impact: f.impacts[0]?.text ?? "Deployment fails until the configuration is corrected.",
    })),
  );
}

/** A small deterministic PRNG (mulberry32) so a given --seed always generates the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLATFORMS = ["Pulumi Python", "CDK TypeScript", "Terraform HCL", "CloudFormation YAML", "CDKTF TypeScript", "Pulumi Go"];
const QUALIFIERS = [
  "in the staging stack",
  "for the payments API",
  "across regions",
  "in the data pipeline",
  "for the audit bucket",
  "on rollback",
];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function generateDocument(index: number, pool: HarvestedFailure[], random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const taskId = String(100_000_000 + index * 7919);
  const targetBytes = 2_000 + Math.floor(Math.pow(random(), 2) * 48_000);
  const style = index % 3;
  const out: string[] = [
    `# Model Response Failures Analysis`,
    "",
    `This document analyzes the failures in the MODEL_RESPONSE for task ${taskId} (${pick(PLATFORMS)} infrastructure). ` +
      `It compares the model output with the corrected IDEAL_RESPONSE.`,
    "",
  ];
  const items: string[] = [];
  const counts = { critical: 0, high: 0, medium: 0, low: 0 };
  let size = out.join("\n").length;
  for (let n = 1; size < targetBytes || n <= 2; n++) {
    const f = pick(pool);
    const severity = pick(GRADED_SEVERITIES);
    counts[severity]++;
    const title = `${f.title} ${pick(QUALIFIERS)}`;
    const item = style === 2 ? boldItem(n, title, severity, f) : headingItem(n, title, severity, f);
    items.push(item);
    size += item.length;
  }
  out.push(
    "## Summary",
    "",
    `- Total failures: ${counts.critical} Critical, ${counts.high} High, ${counts.medium} Medium, ${counts.low} Low`,
    "",
  );
  out.push(style === 1 ? "## Failures" : "## Detailed Failures", "", ...items);
  const score = Math.max(1, Math.min(10, Math.round(10 - counts.critical * 1.5 - counts.high * 0.5 + random() * 3)));
  out.push("## Training Quality", "", `**Training Quality Score**: ${score}/10`, "");
  return out.join("\n");
}

function fences(code: { lang: string; value: string }[]): string {
  return code.map((c) => "```" + c.lang + "\n" + c.value + "\n```\n").join("\n");
}

function headingItem(n: number, title: string, severity: string, f: HarvestedFailure): string {
  return [
    `### ${n}. ${title}`,
    "",
    `**Impact Level**: ${cap(severity)}`,
    "",
    `**MODEL_RESPONSE Issue**:`,
    fences(f.modelCode),
    `**IDEAL_RESPONSE Fix**:`,
    fences(f.idealCode),
    `**Root Cause**: ${f.rootCause}`,
    "",
    `**Deployment Impact**: ${f.impact}`,
    "",
    "---",
    "",
  ].join("\n");
}

function boldItem(n: number, title: string, severity: string, f: HarvestedFailure): string {
  return [
    `${n}. **${title}**`,
    `   - **Severity**: ${cap(severity)}`,
    `   - **Root Cause**: ${f.rootCause.split("\n")[0]}`,
    "",
    "**Original Code**:",
    fences(f.modelCode),
    "**Fixed Code**:",
    fences(f.idealCode),
  ].join("\n");
}
