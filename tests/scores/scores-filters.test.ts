// /scores filters on a real (migrated) database: several knowledge gaps and several platforms mean
// any of them, an old single-value URL keeps its meaning, links stay canonical, the facet counts
// match what ticking a box shows, and the export holds exactly the filtered rows.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSqlite } from "@/lib/data/sqlite";
import { toQueryString } from "@/lib/filters/search-params";
import { parseScoreFilters, scoreFilterParams } from "@/lib/filters/trainer-params";
import { parseCsv } from "@/lib/export/to-csv";
import { freshDatabase, tempDir } from "../ingest/helpers";
import { REFILL_FACETS } from "../data/facet-recount";

vi.mock("server-only", () => ({}));

let restore: string | undefined;

function seed(file: string) {
  const db = openSqlite(file);
  for (const [id, label] of [
    ["secrets", "Secrets management"],
    ["iam", "IAM"],
    ["networking", "Networking"],
    ["cost", "Cost"],
  ]) {
    db.prepare(`INSERT OR IGNORE INTO "KnowledgeGap" (id, label) VALUES (?, ?)`).run(id, label);
  }
  const analysis = (slug: string, platform: string, score: number | null, failureGaps: string[], ownGaps: string[] = []) => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO "Analysis" (slug, sourcePath, contentHash, title, platform, scoreValue, scoreMax, scoreNorm, failureCount, highCount, failureLoad, updatedAt)
           VALUES (?, ?, 'x', ?, ?, ?, 10, ?, ?, ?, ?, CURRENT_TIMESTAMP)`,
        )
        .run(slug, `${slug}.md`, `Analysis ${slug}`, platform, score, score, failureGaps.length, failureGaps.length, failureGaps.length * 4)
        .lastInsertRowid,
    );
    for (const gap of ownGaps) db.prepare(`INSERT INTO "AnalysisGap" (analysisId, gapId) VALUES (?, ?)`).run(id, gap);
    failureGaps.forEach((gap, i) => {
      const failureId = Number(
        db
          .prepare(
            `INSERT INTO "Failure" (analysisId, number, title, severity, severityRank, line, key, platform, modelText, idealText)
             VALUES (?, ?, ?, 'high', 1, ?, ?, ?, '', '')`,
          )
          .run(id, i + 1, `Failure ${i + 1}`, i + 1, `${slug}-f${i + 1}`, platform).lastInsertRowid,
      );
      db.prepare(`INSERT INTO "FailureGap" (failureId, gapId, rank, severity, platform, analysisId) VALUES (?, ?, 0, 'high', ?, ?)`).run(
        failureId,
        gap,
        platform,
        id,
      );
    });
  };
  analysis("tf-secrets", "terraform", 8, ["secrets"]);
  analysis("tf-iam", "terraform", 6, ["iam", "networking"]);
  analysis("pulumi-secrets-named", "pulumi", 9, ["networking"], ["secrets"]);
  analysis("cdk-iam", "cdk", 4, ["iam"]);
  analysis("cdk-cost", "cdk", null, ["cost"]);
  analysis("cfn-none", "cloudformation", 7, []);
  db.exec(REFILL_FACETS);
  db.close();
}

beforeAll(() => {
  const file = freshDatabase(tempDir());
  seed(file);
  restore = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
}, 120_000);
afterAll(() => {
  if (restore === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = restore;
});

/** Search params as Next passes them to a page: a repeated name becomes an array. */
function paramsOf(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const seen = out[key];
    out[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return out;
}

const scores = async (query: string) => {
  const { listScores } = await import("@/lib/scores/list-scores");
  return listScores(parseScoreFilters(paramsOf(query)));
};
/** Every row the view shows (the fixtures fit on one page: the total says so). */
const slugs = (view: { rows: { slug: string }[]; total: number }) => {
  expect(view.rows).toHaveLength(view.total);
  return view.rows.map((r) => r.slug).sort();
};
const facet = (values: { value: string; count: number; selected: boolean }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));
const canonical = (query: string) => "/scores" + toQueryString(scoreFilterParams(parseScoreFilters(paramsOf(query))));

describe("/scores gap and platform filters", () => {
  it("takes two gaps as any of them: the union of what each shows alone", async () => {
    const secrets = slugs(await scores("gap=secrets"));
    const iam = slugs(await scores("gap=iam"));
    expect(secrets).toEqual(["pulumi-secrets-named", "tf-secrets"]);
    expect(iam).toEqual(["cdk-iam", "tf-iam"]);
    expect(slugs(await scores("gap=secrets,iam"))).toEqual([...secrets, ...iam].sort());
    // Repeated params mean the same.
    expect(slugs(await scores("gap=secrets&gap=iam"))).toEqual([...secrets, ...iam].sort());
  });

  it("takes two platforms as any of them, and a gap narrows them (platform AND gap)", async () => {
    expect(slugs(await scores("platform=terraform,cdk"))).toEqual(["cdk-cost", "cdk-iam", "tf-iam", "tf-secrets"]);
    expect(slugs(await scores("platform=terraform,cdk&gap=iam,cost"))).toEqual(["cdk-cost", "cdk-iam", "tf-iam"]);
  });

  it("reads an old single-value URL as it was read before", async () => {
    expect(parseScoreFilters({ platform: "Terraform", gap: "secrets" })).toMatchObject({ platforms: ["terraform"], gaps: ["secrets"] });
    expect(slugs(await scores("platform=terraform&gap=secrets"))).toEqual(["tf-secrets"]);
    expect(canonical("platform=terraform&gap=secrets")).toBe("/scores?platform=terraform&gap=secrets");
  });

  it("writes one canonical URL: no empty params, several values comma-joined, defaults left out", () => {
    expect(canonical("platform=&gap=&min=&max=&sort=score&dir=desc&page=1")).toBe("/scores");
    expect(decodeURIComponent(canonical("gap=secrets&gap=iam&platform=cdk,terraform"))).toBe(
      "/scores?platform=cdk,terraform&gap=secrets,iam",
    );
    expect(canonical("gap=not a gap!&platform=<script>")).toBe("/scores");
  });

  it("counts each gap and platform with the other filters applied, selected values marked", async () => {
    const view = await scores("gap=secrets,iam&platform=terraform");
    expect(slugs(view)).toEqual(["tf-iam", "tf-secrets"]);
    // Gap counts are within terraform; platform counts within secrets-or-iam.
    expect(facet(view.facets.gap)).toEqual({ secrets: 1, iam: 1, networking: 1 });
    expect(facet(view.facets.platform)).toEqual({ terraform: 2, pulumi: 1, cdk: 1 });
    expect(
      view.facets.gap
        .filter((g) => g.selected)
        .map((g) => g.value)
        .sort(),
    ).toEqual(["iam", "secrets"]);
    expect(view.facets.platform.filter((p) => p.selected).map((p) => p.value)).toEqual(["terraform"]);
  });

  it("charts and stats describe the filtered rows only", async () => {
    const view = await scores("gap=secrets,iam");
    expect(view.total).toBe(4);
    expect(view.scatter.flatMap((p) => Array<number>(p.count).fill(p.scoreNorm)).sort()).toEqual([4, 6, 8, 9]);
    expect(view.scoredCount).toBe(4);
    expect(view.histogram.reduce((a, b) => a + b, 0)).toBe(4);
    expect(view.stats.median).toBe(7);
  });

  it("exports exactly the rows the page shows for two gaps and two platforms", async () => {
    const { getScores } = await import("@/lib/api/get-scores");
    const query = "gap=secrets,iam,cost&platform=cdk,pulumi";
    const response = await getScores(new Request(`http://localhost/api/scores?${query}&format=csv`));
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    const slugColumn = header!.indexOf("slug");
    expect(rows.map((r) => r[slugColumn]).sort()).toEqual(slugs(await scores(query)));
    expect(slugs(await scores(query))).toEqual(["cdk-cost", "cdk-iam", "pulumi-secrets-named"]);
  });
});
