// The JSON/CSV API for scripts: records, pagination, filters, downloads, and clear 400/404 errors.
import { expect, test } from "@playwright/test";
import { parseCsv } from "../lib/export/to-csv";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN } from "./constants";

test.describe("GET /api/analyses", () => {
  test("returns parse records with id, slug and url, paginated", async ({ request }) => {
    const response = await request.get("/api/analyses?pageSize=2&sort=title");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ page: 1, pageSize: 2 });
    expect(body.total).toBeGreaterThanOrEqual(5);
    expect(body.items).toHaveLength(2);
    const [first] = body.items;
    expect(first).toEqual(expect.objectContaining({ id: expect.any(Number), slug: expect.any(String), title: expect.any(String) }));
    expect(first.url).toBe(`/analyses/${first.slug}`);
    expect(Array.isArray(first.failures)).toBe(true);
    expect(Array.isArray(first.warnings)).toBe(true);
    expect(body.next).toBe("/api/analyses?pageSize=2&sort=title&page=2");

    const second = await (await request.get(body.next)).json();
    expect(second.page).toBe(2);
    expect(second.items[0].slug).not.toBe(first.slug);
  });

  test("severity and gap together select analyses with one failure having both", async ({ request }) => {
    // A critical failure that is not about secrets, and a low one that is: no critical *secrets* failure.
    const doc = [
      "# Model Response Failures Analysis",
      "",
      "Task ID: 101888001",
      "",
      "## Failures",
      "",
      "### 1. Security group allows SSH from 0.0.0.0/0",
      "",
      "**Severity**: Critical",
      "",
      "The ingress rule opens port 22 on the VPC subnet and firewall to the whole internet.",
      "",
      "### 2. Database password hardcoded in source",
      "",
      "**Severity**: Low",
      "",
      "The secret password is a plaintext string literal instead of coming from Secrets Manager or Vault.",
      "",
    ].join("\n");
    const upload = await request.post("/api/analyses?name=conjunction.md", {
      data: doc,
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
    });
    expect(upload.status()).toBe(201);
    try {
      const slugs = async (query: string) =>
        ((await (await request.get(`/api/analyses?${query}&pageSize=200`)).json()).items as { slug: string }[]).map((i) => i.slug);
      const failures = (await (await request.get("/api/analyses/101888001")).json()).failures as { severity: string; gaps: string[] }[];
      // The premise: the parser graded and classified the two failures as written.
      expect(failures.map((f) => f.severity)).toEqual(["critical", "low"]);
      expect(failures[0]!.gaps).not.toContain("secrets");
      expect(failures[1]!.gaps).toContain("secrets");
      expect(await slugs("severity=critical")).toContain("101888001");
      expect(await slugs("gap=secrets")).toContain("101888001");
      expect(await slugs("severity=critical&gap=secrets")).not.toContain("101888001");
      expect(await slugs("severity=low&gap=secrets")).toContain("101888001");
    } finally {
      await deleteAnalyses(request, ["101888001"]);
    }
  });

  test("filters like the /analyses page", async ({ request }) => {
    const body = await (await request.get("/api/analyses?min=9&max=10&pageSize=200")).json();
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) expect((item.score.value / item.score.max) * 10).toBeGreaterThanOrEqual(9);
  });

  test("downloads the filtered list as CSV with a header row", async ({ request }) => {
    const response = await request.get("/api/analyses?format=csv&severity=critical");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="faultline-analyses-critical-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header?.slice(0, 3)).toEqual(["slug", "title", "task_id"]);
    expect(rows.length).toBeGreaterThan(0);
    const critical = header!.indexOf("critical");
    expect(rows.every((r) => Number(r[critical]) > 0)).toBe(true);
  });

  test("downloads every matching record as a JSON attachment", async ({ request }) => {
    const response = await request.get("/api/analyses?download=1");
    expect(response.headers()["content-disposition"]).toMatch(/attachment; filename="faultline-analyses-.*\.json"/);
    const body = await response.json();
    expect(body.items).toHaveLength(body.total);
    expect(body.next).toBeNull();
  });

  for (const [query, message] of [
    ["severity=bogus", /severity.*bogus/],
    ["page=0", /page.*at least 1/],
    ["page=abc", /page.*whole number/],
    ["pageSize=201", /pageSize.*at most 200/],
    ["min=11", /min.*at most 10/],
    ["format=xml", /format/],
    ["sort=size", /sort/],
    ["colour=red", /Unknown parameter "colour"/],
  ] as const) {
    test(`rejects ${query} with a 400 and a message`, async ({ request }) => {
      const response = await request.get(`/api/analyses?${query}`);
      expect(response.status()).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: "bad_request", message: expect.stringMatching(message) });
    });
  }
});

test.describe("GET /api/analyses/[slug]", () => {
  test("returns one parse record with id and url", async ({ request }) => {
    const response = await request.get("/api/analyses/101000875");
    expect(response.status()).toBe(200);
    const record = await response.json();
    expect(record).toMatchObject({ slug: "101000875", taskId: "101000875", url: "/analyses/101000875" });
    expect(record.id).toEqual(expect.any(Number));
    expect(record.failures.length).toBeGreaterThan(0);
    expect(record.failures[0]).toEqual(
      expect.objectContaining({ number: 1, severity: expect.any(String), model: expect.any(Object), ideal: expect.any(Object) }),
    );
  });

  test("answers 404 JSON for an unknown slug", async ({ request }) => {
    const response = await request.get("/api/analyses/no-such-analysis");
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: 'No analysis with slug "no-such-analysis".' } });
  });

  test("rejects unknown parameters", async ({ request }) => {
    const response = await request.get("/api/analyses/101000875?format=csv");
    expect(response.status()).toBe(400);
  });
});

test.describe("GET /api/failures", () => {
  test("returns failures as parse records with their analysis and urls", async ({ request }) => {
    const body = await (await request.get("/api/failures?severity=critical&pageSize=5")).json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.length).toBeLessThanOrEqual(5);
    for (const f of body.items) {
      expect(f.severity).toBe("critical");
      expect(f.url).toBe(`/analyses/${f.analysis.slug}/failures/${f.key}`);
      expect(f.analysis.url).toBe(`/analyses/${f.analysis.slug}`);
      expect(f).toEqual(
        expect.objectContaining({ id: expect.any(Number), model: expect.any(Object), ideal: expect.any(Object), gaps: expect.any(Array) }),
      );
    }
  });

  test("filters by gap and analysis, and the CSV holds the same rows as the JSON", async ({ request }) => {
    const json = await (await request.get("/api/failures?gap=access-control&pageSize=200")).json();
    expect(json.items.every((f: { gaps: string[] }) => f.gaps.includes("access-control"))).toBe(true);
    const csv = parseCsv(await (await request.get("/api/failures?gap=access-control&format=csv")).text());
    const [header, ...rows] = csv;
    // The CSV's links are absolute (clickable in a spreadsheet); the same addresses as the JSON's.
    const csvUrls = rows.map((r) => r[header!.indexOf("url")]!);
    expect(csvUrls.every((u) => /^https?:\/\//.test(u))).toBe(true);
    expect(csvUrls.map((u) => new URL(u).pathname)).toEqual(json.items.map((f: { url: string }) => new URL(f.url, "http://x").pathname));

    const one = await (await request.get("/api/failures?analysis=101000875")).json();
    expect(one.items.every((f: { analysis: { slug: string } }) => f.analysis.slug === "101000875")).toBe(true);
    expect(one.items.map((f: { number: number }) => f.number).sort((a: number, b: number) => a - b)[0]).toBe(1);
  });

  for (const [query, message] of [
    ["severity=urgent", /severity.*urgent/],
    ["gap=Not A Gap", /knowledge-gap id/],
    ["pageSize=1000", /pageSize/],
    ["sort=score", /sort/],
    ["analysis=../etc", /slug/],
  ] as const) {
    test(`rejects ${query} with a 400 and a message`, async ({ request }) => {
      const response = await request.get(`/api/failures?${query}`);
      expect(response.status()).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: "bad_request", message: expect.stringMatching(message) });
    });
  }
});

test.describe("GET /api/scores and /api/compare", () => {
  test("scores: the /scores rows with counts, load and audit findings", async ({ request }) => {
    const body = await (await request.get("/api/scores?audit=count-mismatch&pageSize=200")).json();
    const harsh = body.items.find((i: { slug: string }) => i.slug === "trainer-harsh-score");
    expect(harsh).toMatchObject({ score: { value: 2, max: 10, outOf10: 2 }, counts: { low: 1 }, failureLoad: 1 });
    expect(harsh.countDifferences).toContainEqual({ severity: "high", declared: 2, found: 0 });

    const csv = await request.get("/api/scores?format=csv&sort=score&dir=asc");
    expect(csv.headers()["content-disposition"]).toMatch(/faultline-scores-/);
    const [header, ...rows] = parseCsv(await csv.text());
    const scores = rows
      .map((r) => r[header!.indexOf("score_out_of_10")])
      .filter(Boolean)
      .map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  test("scores: bad parameters are a 400", async ({ request }) => {
    const response = await request.get("/api/scores?audit=everything");
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/audit/) });
  });

  test("compare: two analyses side by side, CSV of the aligned failures", async ({ request }) => {
    const body = await (await request.get("/api/compare?a=101000875&b=101000953")).json();
    expect(body.a.slug).toBe("101000875");
    expect(body.b.slug).toBe("101000953");
    expect(body.gaps).toEqual({ shared: expect.any(Array), onlyA: expect.any(Array), onlyB: expect.any(Array) });
    const matches = new Set(body.failures.map((r: { match: string }) => r.match));
    expect([...matches].every((m) => ["shared", "only-a", "only-b"].includes(m as string))).toBe(true);
    expect(body.failures.length).toBeGreaterThanOrEqual(Math.max(body.a.failures.length, body.b.failures.length));

    const csv = parseCsv(await (await request.get("/api/compare?a=101000875&b=101000953&format=csv")).text());
    expect(csv[0]?.[0]).toBe("match");
    expect(csv.length - 1).toBe(body.failures.length);
  });

  test("compare: a missing side is a 400, an unknown slug a 404", async ({ request }) => {
    const missing = await request.get("/api/compare?a=101000875");
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/"b".*required/) });
    const unknown = await request.get("/api/compare?a=101000875&b=no-such-analysis");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: "not_found", message: expect.stringMatching(/no-such-analysis/) });
  });
});

test.describe("GET /api/gaps", () => {
  test("lists each gap with counts, severity mix and mean score, as JSON and CSV", async ({ request }) => {
    const body = await (await request.get("/api/gaps")).json();
    const access = body.items.find((g: { id: string }) => g.id === "access-control");
    expect(access).toMatchObject({ label: "Access control", url: "/failures?gap=access-control" });
    expect(access.failureCount).toBe(Object.values(access.severity as Record<string, number>).reduce((a, b) => a + b, 0));
    const failures = await (await request.get("/api/failures?gap=access-control&pageSize=1")).json();
    expect(access.failureCount).toBe(failures.total);

    const csv = await request.get("/api/gaps?format=csv&sort=label");
    expect(csv.headers()["content-disposition"]).toMatch(/faultline-gaps-/);
    const [header, ...rows] = parseCsv(await csv.text());
    const labels = rows.map((r) => r[header!.indexOf("label")]!);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
  });

  test("rejects a bad sort with a 400", async ({ request }) => {
    const response = await request.get("/api/gaps?sort=size");
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "bad_request", message: expect.stringMatching(/"sort"/) });
  });
});
