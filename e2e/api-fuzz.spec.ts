// Fuzzing the HTTP surface: random and SQL-looking parameters on every page and API endpoint, random
// upload bodies with and without the token. Nothing may answer 5xx, and the data must be untouched.
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { ApiErrorBody } from "../lib/domain/api-error";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN } from "./constants";

/** Seeded PRNG (mulberry32) so a failure reproduces. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261122);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const HOSTILE_VALUES = [
  "' OR 1=1 --",
  '"; DROP TABLE "Analysis"; --',
  "critical' UNION SELECT * FROM sqlite_master --",
  "%27%20OR%201%3D1",
  "NEAR(a b)",
  "title:*",
  '"unbalanced',
  "a* OR b*",
  "-1",
  "0",
  "1e309",
  "NaN",
  "999999999999999999999",
  "",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\u202e",
  "😀".repeat(50),
  "x".repeat(5000),
  "critical,high,bogus",
  "secrets",
  "CRITICAL",
  "pulumi",
  "desc",
  "asc",
  "score",
  "title",
  "true",
  "1",
  "[]",
  "{}",
];
const KEYS = [
  "q",
  "severity",
  "gap",
  "platform",
  "sort",
  "dir",
  "page",
  "pageSize",
  "min",
  "max",
  "score",
  "warnings",
  "format",
  "a",
  "b",
  "audit",
  "mode",
  "view",
  "diff",
  "download",
];

function randomQuery(): string {
  const params = new URLSearchParams();
  const count = 1 + Math.floor(random() * 5);
  for (let i = 0; i < count; i++) params.append(pick(KEYS), pick(HOSTILE_VALUES));
  return params.toString();
}

const PAGES = ["/", "/analyses", "/failures", "/scores", "/gaps", "/compare", "/upload"];
const APIS = ["/api/analyses", "/api/failures", "/api/scores", "/api/compare", "/api/gaps"];

async function analysisCount(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/analyses?pageSize=1");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

test("random and SQL-looking parameters never cause a server error or change data", async ({ request }) => {
  test.setTimeout(240_000);
  const before = await analysisCount(request);
  const failures: string[] = [];
  const targets = [
    ...PAGES,
    ...APIS,
    "/api/analyses/%27%20OR%201%3D1",
    "/analyses/%3Cscript%3E",
    "/analyses/nope/failures/abc",
    "/api/analyses/unknown-slug",
  ];
  let sent = 0;
  for (let round = 0; round < 12; round++) {
    for (const target of targets) {
      const url = `${target}?${randomQuery()}`;
      const response = await request.get(url, { maxRedirects: 0 });
      sent++;
      if (response.status() >= 500) failures.push(`${response.status()} ${url}`);
      if (target.startsWith("/api/") && response.status() === 400) {
        const body = (await response.json()) as Partial<ApiErrorBody>;
        if (body.error?.code !== "bad_request" || !body.error.message) failures.push(`400 without a bad_request message: ${url}`);
      }
    }
  }
  expect(failures, `${failures.length} of ${sent} requests failed`).toEqual([]);
  expect(await analysisCount(request)).toBe(before);
});

test("upload rejects missing or wrong tokens with a bare 401 and survives random bodies", async ({ request }) => {
  const before = await analysisCount(request);
  for (const authorization of [undefined, "Bearer wrong", "Basic Zm9vOmJhcg==", `Bearer ${E2E_ADMIN_TOKEN}x`]) {
    const response = await request.post("/api/analyses?name=x.md", { data: "# x", headers: authorization ? { authorization } : {} });
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Unauthorized." } });
  }
  expect(await analysisCount(request)).toBe(before);

  const statuses: number[] = [];
  const created: string[] = [];
  for (let i = 0; i < 40; i++) {
    const size = Math.floor(random() * 4000);
    const bytes = Buffer.from(Array.from({ length: size }, () => Math.floor(random() * 256)));
    const type = pick([
      "text/markdown",
      "application/octet-stream",
      "multipart/form-data; boundary=zzz",
      "application/json",
      "text/plain; charset=latin1",
    ]);
    const response = await request.post(`/api/analyses?name=${encodeURIComponent(pick(HOSTILE_VALUES))}`, {
      data: bytes,
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": type },
    });
    statuses.push(response.status());
    const body = (await response.json().catch(() => ({}))) as { items?: { slug?: string }[] };
    for (const item of body.items ?? []) if (item.slug) created.push(item.slug);
  }
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  await deleteAnalyses(request, created);
  expect(await analysisCount(request)).toBe(before);
});

test("an upload over the size limit gets 413 with the limit in the message", async ({ request }) => {
  const response = await request.post("/api/analyses?name=big.md", {
    data: Buffer.alloc(2 * 1024 * 1024 + 10, 0x61),
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
  });
  expect(response.status()).toBe(413);
  expect(((await response.json()) as ApiErrorBody).error).toMatchObject({
    code: "payload_too_large",
    message: expect.stringMatching(/2 MB/),
  });
});
