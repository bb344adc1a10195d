// Which knowledge-gap categories a failure is filed under (content/knowledge-gaps.json with its fitted
// model, content/knowledge-gaps.model.json), each on a small invented failure. These pin the
// vocabulary a user relies on when filtering by gap, and that a user's own taxonomy file is used.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { prepareAnalysis } from "@/lib/ingest/prepare";
import { classifyGaps, createTaxonomy, parseAnalysis } from "@/lib/parser";
import { classifyFailureGaps, scoreGaps } from "@/lib/parser/taxonomy";
import { loadGapsFile } from "@/lib/ingest/taxonomy-file";

const { taxonomy } = loadGapsFile("content/knowledge-gaps.json");

/** Gaps of the only failure of a one-failure analysis. */
function gapsOf(title: string, fields: string): string[] {
  const record = parseAnalysis(`# Model Response Failures Analysis\n\n## Failures\n\n### 1. ${title}\n\n${fields}\n`, { taxonomy });
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
      {
        id: "storage",
        keywords: [
          { term: "bucket policy", weight: 2 },
          { term: "acl", weight: 1 },
        ],
      },
      {
        id: "zones",
        keywords: [
          { term: "multi-az", weight: 3 },
          { term: "multi az", weight: 1 },
          { term: "policy", weight: 1 },
        ],
      },
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
    // Among the ids shown is what a user filtering by the gap relies on.
    expect(classifyGaps(title, taxonomy)).toContain(gap);
  });
});

describe("how many ids", () => {
  it("keeps at most three ids, each scoring a meaningful share of the best one", () => {
    const texts = [{ text: "Security group, subnet route and KMS encryption with IAM policy, CloudWatch alarm and cost", weight: 3 }];
    const ids = classifyGaps(texts, taxonomy);
    expect(ids.length).toBeLessThanOrEqual(3);
    const scores = scoreGaps(texts, taxonomy);
    const best = scores.get(ids[0] ?? "") ?? 0;
    for (const id of ids) expect(scores.get(id) ?? 0).toBeGreaterThanOrEqual(best * 0.45);
  });
});

const project = path.resolve(import.meta.dirname, "../..");
const shipped = JSON.parse(readFileSync(path.join(project, "content/knowledge-gaps.json"), "utf8")) as Array<{
  id: string;
  keywords: unknown[];
}>;
const report = (title: string) =>
  `# Model Response Failures Analysis\n\n## Failures\n\n### 1. ${title}\n\n**MODEL_RESPONSE Issue**: The model got it wrong.\n\n### 2. Hardcoded Database Password\n\n**Root Cause**: The password is in the source.\n`;

function tempFile(name: string, data: unknown): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "gaps-")), name);
  writeFileSync(file, typeof data === "string" ? data : JSON.stringify(data));
  return file;
}

describe("a user's own taxonomy (FAULTLINE_GAPS_FILE)", () => {
  const saved = process.env.FAULTLINE_GAPS_FILE;
  afterEach(() => {
    if (saved === undefined) delete process.env.FAULTLINE_GAPS_FILE;
    else process.env.FAULTLINE_GAPS_FILE = saved;
  });

  it("files failures under a category that only the custom file has, in the parse command", { timeout: 60_000 }, () => {
    const file = tempFile("gaps.json", [
      { id: "flux", label: "Flux capacitors", keywords: [{ term: "flux capacitor", weight: 3 }] },
      { id: "secrets", label: "Secrets", keywords: ["password"] },
    ]);
    const doc = tempFile("report.md", report("Flux Capacitor Left Uncalibrated"));
    const run = spawnSync("npx", ["tsx", "scripts/parse.ts", doc], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, FAULTLINE_GAPS_FILE: file },
    });
    expect(run.status).toBe(0);
    const record = JSON.parse(run.stdout.trim()) as { failures: Array<{ gaps: string[] }> };
    expect(record.failures.map((f) => f.gaps)).toEqual([["flux"], ["secrets"]]);
  });

  it("is what ingest and uploads classify with (prepareAnalysis)", () => {
    process.env.FAULTLINE_GAPS_FILE = tempFile("gaps.json", [{ id: "flux", keywords: ["flux capacitor"] }]);
    const prepared = prepareAnalysis({
      sourcePath: "x.md",
      contentHash: "h",
      bytes: new TextEncoder().encode(report("Flux Capacitor Drift")),
    });
    expect(prepared.record.failures[0]?.gaps).toEqual(["flux"]);
    // A category the file does not list never appears, even though the shipped model knows it.
    expect(prepared.record.failures[1]?.gaps).toEqual(["unclassified"]);
  });

  it("keeps a category a user adds to the shipped taxonomy working beside the fitted model", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gaps-"));
    const file = path.join(dir, "knowledge-gaps.json");
    writeFileSync(file, JSON.stringify([...shipped, { id: "flux", label: "Flux", keywords: [{ term: "flux capacitor", weight: 3 }] }]));
    writeFileSync(path.join(dir, "knowledge-gaps.model.json"), readFileSync(path.join(project, "content/knowledge-gaps.model.json")));
    const loaded = loadGapsFile(file);
    expect(loaded.modelPath).toBe(path.join(dir, "knowledge-gaps.model.json"));
    const record = parseAnalysis(report("Flux Capacitor Left Uncalibrated"), { taxonomy: loaded.taxonomy });
    expect(record.failures[0]?.gaps[0]).toBe("flux");
    expect(record.failures[1]?.gaps[0]).toBe("secrets");
  });

  it("lets a keyword a user adds to an existing category move failures into it", () => {
    const title = "Quasar Widget Misaligned";
    const before = classifyGaps(title, taxonomy);
    expect(before).not.toContain("cost");
    const edited = shipped.map((c) => (c.id === "cost" ? { ...c, keywords: [...c.keywords, { term: "quasar widget", weight: 4 }] } : c));
    expect(classifyGaps(title, createTaxonomy(edited, taxonomy.model))[0]).toBe("cost");
  });

  it("names the file and the place of a problem in it", () => {
    expect(() => loadGapsFile(tempFile("bad.json", [{ id: "a", keywords: [{ term: 3 }] }]))).toThrow(/bad\.json at 0\.keywords\.0/);
    expect(() => loadGapsFile(tempFile("broken.json", "[{"))).toThrow(/broken\.json/);
    expect(() => loadGapsFile(path.join(os.tmpdir(), "no-such-gaps.json"))).toThrow(/no-such-gaps\.json: file not found/);
    expect(() => loadGapsFile(tempFile("twice.json", [{ id: "a" }, { id: "a" }]))).toThrow(/"a" appears twice/);
  });

  it("parses with no taxonomy as unclassified instead of reading files itself", () => {
    expect(parseAnalysis(report("Flux Capacitor Drift")).failures.map((f) => f.gaps)).toEqual([["unclassified"], ["unclassified"]]);
  });
});

describe("the fitted model", () => {
  it("is small and classifies fast", () => {
    expect(readFileSync(path.join(project, "content/knowledge-gaps.model.json")).length).toBeLessThan(200_000);
    const evidence = {
      title: "Security Group Allows All Inbound Traffic on Port 22",
      rootCause: "The model copied an example rule that opens SSH to 0.0.0.0/0. ".repeat(10),
      model: { text: "ingress from anywhere", code: [{ value: 'ingress { from_port = 22 cidr_blocks = ["0.0.0.0/0"] }\n'.repeat(20) }] },
      ideal: { text: "restricted ingress", code: [] },
    };
    const started = performance.now();
    for (let i = 0; i < 500; i++) classifyFailureGaps(evidence, taxonomy);
    // Measured ~0.1 ms each; 4 ms each allows a loaded machine and still catches a quadratic step.
    expect((performance.now() - started) / 500).toBeLessThan(4);
    expect(classifyFailureGaps(evidence, taxonomy)[0]).toBe("access-control");
  });
});
