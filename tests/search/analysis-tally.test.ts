// The /analyses counts in one grouped pass (lib/analyses/analysis-criteria.ts, countAndTallyAnalyses):
// for every combination of text, severity, platform, warning and score filters the page offers, the
// total and the severity, gap and platform facets must equal those counted one query per facet
// (countAnalyses, tallyAnalyses), on SQLite, and on PostgreSQL when FAULTLINE_TEST_POSTGRES_URL is set.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingest } from "@/lib/ingest/ingest";
import type { AnalysisCriteria } from "@/lib/analyses/analysis-criteria";
import type { Severity } from "@/lib/domain";
import { freshDatabase, report, tempDir } from "../ingest/helpers";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "../data/pg-harness";

vi.mock("server-only", () => ({}));

let dir = "";
let content = "";

beforeAll(() => {
  dir = tempDir("faultline-analysis-tally-");
  content = path.join(dir, "content");
  fs.mkdirSync(content);
  for (const name of fs.readdirSync("content").filter((n) => n.endsWith(".md")))
    fs.copyFileSync(path.join("content", name), path.join(content, name));
  // More platforms (and none) with severities spread over them, so a severity filter changes the platform facet.
  const withPlatform = (platform: string, text: string) => (platform ? text.replace("\n\n", `\n\n**Platform**: ${platform}\n\n`) : text);
  const docs: [string, string, { title: string; severity: string }[]][] = [
    [
      "tf-a.md",
      "Terraform",
      [
        { title: "Bucket encryption missing", severity: "critical" },
        { title: "Tags missing", severity: "low" },
      ],
    ],
    ["tf-b.md", "Terraform", [{ title: "Open security group", severity: "high" }]],
    [
      "cdk-a.md",
      "AWS CDK",
      [
        { title: "Hardcoded password in the encryption key", severity: "high" },
        { title: "Odd naming", severity: "unknown" },
      ],
    ],
    ["none.md", "", [{ title: "Timeout too short", severity: "critical" }]],
  ];
  for (const [name, platform, failures] of docs) fs.writeFileSync(path.join(content, name), withPlatform(platform, report(name, failures)));
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every combination checked; returns how many narrowed the platform facet by a severity filter. */
async function checkCombinations(): Promise<number> {
  const { countAnalyses, countAndTallyAnalyses, tallyAnalyses, withTextMatches } = await import("@/lib/analyses/analysis-criteria");
  const everything = await tallyAnalyses({ severities: [], gaps: [] });
  const platforms = [...everything.platform.keys()];
  expect(platforms.length, "the sample reports name more than one platform").toBeGreaterThan(1);
  const severityChoices: Severity[][] = [[], ["critical"], ["high", "low"], ["unknown"]];
  const platformChoices = [[], [platforms[0]!], platforms];
  const extras: Partial<AnalysisCriteria>[] = [
    {},
    { q: "encryption" },
    { q: "the" },
    { q: "!!!" },
    { warnings: "yes" },
    { warnings: "no" },
    { minScore: 5, maxScore: 9 },
  ];
  let narrowed = 0;
  for (const severities of severityChoices) {
    for (const chosen of platformChoices) {
      for (const extra of extras) {
        for (const matched of [false, true]) {
          const plain: AnalysisCriteria = { severities, gaps: [], platforms: chosen, ...extra };
          const criteria = matched ? await withTextMatches(plain) : plain;
          const [folded, total, facets] = await Promise.all([
            countAndTallyAnalyses(criteria),
            countAnalyses(criteria),
            tallyAnalyses(criteria),
          ]);
          expect(folded, JSON.stringify({ severities, chosen, extra, matched })).toEqual({ total, facets });
          const unfiltered = await tallyAnalyses({ ...criteria, severities: [] });
          if (severities.length && [...facets.platform].some(([k, n]) => n !== unfiltered.platform.get(k))) narrowed++;
        }
      }
    }
  }
  return narrowed;
}

describe("the /analyses counts in one pass", () => {
  it("equal the counts one query per facet, on SQLite", async () => {
    vi.stubEnv("DATABASE_URL", `file:${freshDatabase(dir)}`);
    await ingest({ paths: [content], workers: 0 });
    expect(await checkCombinations()).toBeGreaterThan(0);
  }, 120_000);

  it.skipIf(!POSTGRES_TEST_URL)(
    "equal the counts one query per facet, on PostgreSQL",
    async () => {
      const url = await createPostgresDatabase("faultline_analysis_tally");
      try {
        vi.stubEnv("DATABASE_URL", url);
        await ingest({ paths: [content], workers: 0 });
        expect(await checkCombinations()).toBeGreaterThan(0);
      } finally {
        await dropPostgresDatabase(url);
      }
    },
    120_000,
  );
});
