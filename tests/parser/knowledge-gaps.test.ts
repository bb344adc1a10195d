// Which knowledge-gap categories a failure is filed under (content/knowledge-gaps.json), each on a
// small invented failure. These pin the vocabulary a user relies on when filtering by gap.
import { describe, expect, it } from "vitest";
import { classifyGaps, createTaxonomy, loadTaxonomy, parseAnalysis } from "@/lib/parser";
import { scoreGaps } from "@/lib/parser/taxonomy";

const taxonomy = loadTaxonomy();

/** Gaps of the only failure of a one-failure analysis. */
function gapsOf(title: string, fields: string): string[] {
  const record = parseAnalysis(`# Model Response Failures Analysis\n\n## Failures\n\n### 1. ${title}\n\n${fields}\n`);
  expect(record.failures).toHaveLength(1);
  return record.failures[0]?.gaps ?? [];
}

describe("shared terms", () => {
  it("scores a term for every category that lists it", () => {
    const shared = createTaxonomy([
      { id: "a", keywords: [{ term: "gadget", weight: 2 }] },
      { id: "b", keywords: [{ term: "gadget", weight: 1 }] },
    ]);
    expect(Object.fromEntries(scoreGaps([{ text: "broken gadget", weight: 1 }], shared))).toEqual({ a: 2, b: 1 });
    expect(classifyGaps("broken gadget", shared)).toEqual(["a", "b"]);
  });

  it("matches terms across case, spaces, underscores, hyphens and a short term's plural, and inside longer phrases", () => {
    const terms = createTaxonomy([
      { id: "storage", keywords: [{ term: "bucket policy", weight: 2 }, { term: "acl", weight: 1 }] },
      { id: "zones", keywords: [{ term: "multi-az", weight: 3 }, { term: "multi az", weight: 1 }, { term: "policy", weight: 1 }] },
    ]);
    const score = (text: string) => Object.fromEntries(scoreGaps([{ text, weight: 1 }], terms));
    // "policy" counts inside "bucket-policy" but not after an underscore (a term starts a word).
    expect(score("The Bucket_Policy and the bucket-policy")).toEqual({ storage: 2 * 1.25, zones: 1 });
    expect(score("Two ACLs")).toEqual({ storage: 1 });
    expect(score("oracle")).toEqual({});
    // Two terms spelled alike: the literal hyphen is the longer-listed one the alternation tries first.
    expect(score("Multi-AZ off")).toEqual({ zones: 3 });
    expect(score("multi az off")).toEqual({ zones: 1 });
  });

  it("files an open security group under both access control and networking", () => {
    const gaps = gapsOf(
      "Security Group Allows All Inbound Traffic",
      "**MODEL_RESPONSE Issue**: The group lets every address reach every port.\n\n**Root Cause**: The model copied an example rule.",
    );
    expect(gaps).toContain("access-control");
    expect(gaps).toContain("networking");
  });
});

describe("provider / API drift", () => {
  it("adds provider-api when a referenced managed policy no longer exists", () => {
    const gaps = gapsOf(
      "IAM Managed Policy Not Found",
      "**MODEL_RESPONSE Issue**: Attaching the policy failed during deployment.\n\n**Root Cause**: The vendor retired that managed policy; it is no longer available.",
    );
    expect(gaps[0]).toBe("access-control");
    expect(gaps).toContain("provider-api");
  });

  it("adds provider-api to a failure titled 'incorrect …'", () => {
    expect(classifyGaps("Incorrect Subnet Mask for Database Tier", taxonomy)).toEqual(["networking", "provider-api"]);
  });

  it("files a renamed argument under provider-api", () => {
    expect(gapsOf("Renamed Argument Still Used", "**Root Cause**: The argument changed its name in the latest major release.")[0]).toBe(
      "provider-api",
    );
  });
});

describe("category vocabulary", () => {
  it("files a configuration recorder failure under compliance", () => {
    expect(gapsOf("Config Recorder Never Started", "**MODEL_RESPONSE Issue**: The recorder is created but stays stopped.")[0]).toBe(
      "compliance",
    );
  });

  it("treats a key-policy encryption context condition as access control", () => {
    const gaps = gapsOf(
      "Log Group Key Lacks Encryption Context",
      "**Root Cause**: Any log group in the account may use the key because its use is not scoped.",
    );
    expect(gaps).toContain("access-control");
    expect(gaps).toContain("data-protection");
  });

  it("files missing error handling under code quality, not observability", () => {
    const gaps = gapsOf("No Error Handling Around Upload Calls", "**Root Cause**: Exceptions from the upload client escape the handler.");
    expect(gaps[0]).toBe("code-quality");
    expect(gaps).not.toContain("observability");
  });

  it.each([
    ["Bucket Versioning Disabled", "data-protection"],
    ["Wildcard Actions Granted to Function", "access-control"],
    ["No Alerting on Queue Depth", "observability"],
    ["Access Key Embedded in User Data", "secrets"],
    ["Transit Gateway Attachment Missing", "networking"],
    ["GDPR Data Residency Ignored", "compliance"],
    ["Handler Left as a Stub", "requirements"],
    ["Client Calls Only Mocked", "testing"],
  ])("%s → %s", (title, gap) => {
    expect(classifyGaps(title, taxonomy)[0]).toBe(gap);
  });
});

describe("how many ids", () => {
  it("keeps at most three ids, each scoring a meaningful share of the best one", () => {
    const texts = [
      { text: "Security group, subnet route and KMS encryption with IAM policy, CloudWatch alarm and cost", weight: 3 },
    ];
    const ids = classifyGaps(texts, taxonomy);
    expect(ids.length).toBeLessThanOrEqual(3);
    const scores = scoreGaps(texts, taxonomy);
    const best = scores.get(ids[0] ?? "") ?? 0;
    for (const id of ids) expect(scores.get(id) ?? 0).toBeGreaterThanOrEqual(best * 0.45);
  });
});
