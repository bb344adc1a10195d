// Hostile input: every document in e2e/hostile/ is uploaded, then every page that shows it is opened.
// Nothing from the content may run: no dialog, no injected script or frame, no navigation away.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { ApiErrorBody } from "../lib/domain/api-error";
import { deleteAnalyses } from "./cleanup";
import { E2E_ADMIN_TOKEN } from "./constants";

const HOSTILE_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "hostile");
const files = fs
  .readdirSync(HOSTILE_DIR)
  .filter((f) => f.endsWith(".md"))
  .sort();

interface Uploaded {
  name: string;
  slug: string;
  failures: number;
}

/** Records anything content could make the browser do. */
async function watch(page: Page) {
  const events: string[] = [];
  page.on("dialog", async (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on("popup", (popup) => events.push(`popup: ${popup.url()}`));
  page.on("framenavigated", (frame) => {
    const url = new URL(frame.url());
    if (frame === page.mainFrame() && url.host && url.host !== new URL(page.url() || "http://127.0.0.1").host)
      events.push(`navigated: ${frame.url()}`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:") events.push(`request: ${request.url()}`);
  });
  await page.addInitScript(() => {
    for (const name of ["alert", "confirm", "prompt"] as const) {
      (window as unknown as Record<string, unknown>)[name] = () => {
        document.documentElement.dataset.pwned = name;
      };
    }
  });
  return events;
}

async function assertInert(page: Page, events: string[]) {
  expect(events, "dialogs, popups, foreign requests or navigations").toEqual([]);
  const findings = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.dataset.pwned) out.push(`called ${document.documentElement.dataset.pwned}`);
    // Next.js's own scripts carry the request's CSP nonce or come from /_next/; anything else was injected.
    for (const s of Array.from(document.querySelectorAll("script"))) {
      const ours =
        s.nonce !== "" || (s.src !== "" && new URL(s.src).origin === location.origin && new URL(s.src).pathname.startsWith("/_next/"));
      if (!ours) out.push(`injected <script>: ${(s.src || s.textContent || "").slice(0, 80)}`);
    }
    if (document.querySelector("iframe, object, embed, svg script, meta[http-equiv], base[href*=evil], form[action*=evil]"))
      out.push("injected element");
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) out.push(`event handler attribute ${attr.name}`);
        const dangerous = /^\s*(javascript|vbscript):/i.test(attr.value) || (/^\s*data:/i.test(attr.value) && attr.name !== "src");
        if (dangerous && ["href", "src", "action", "xlink:href", "formaction"].includes(attr.name)) {
          out.push(`dangerous URL in ${attr.name}`);
        }
      }
    }
    return out;
  });
  expect(findings).toEqual([]);
}

test.describe.configure({ mode: "serial" });

const NOT_UTF8_TEXT = new Set(["09-null-bytes.md", "10-invalid-utf8.md", "26-binary.md"]);

test.describe("hostile documents", () => {
  const uploaded: Uploaded[] = [];
  test.afterAll(async ({ request }) =>
    deleteAnalyses(
      request,
      uploaded.map((u) => u.slug),
    ),
  );

  test("are all accepted by the upload API (except non-UTF-8 ones: 415), each with its raw text kept", async ({ request }) => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const name of files) {
      const bytes = fs.readFileSync(path.join(HOSTILE_DIR, name));
      const response = await request.post(`/api/analyses?name=${encodeURIComponent(name)}`, {
        data: bytes,
        headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, "content-type": "text/markdown" },
      });
      // Uploads take UTF-8 text only: NUL bytes, invalid UTF-8 and binary files are refused, naming the file.
      if (NOT_UTF8_TEXT.has(name)) {
        expect(response.status(), name).toBe(415);
        expect(((await response.json()) as ApiErrorBody).error, name).toMatchObject({
          code: "unsupported_media_type",
          message: expect.stringContaining(name),
        });
        continue;
      }
      const body = (await response.json()) as { items: { slug: string; status: string; record: { failures: unknown[] } }[] };
      const item = body.items[0]!;
      // A document the parser cannot finish within FAULTLINE_PARSE_TIMEOUT_MS (the deep lists: remark
      // alone needs seconds for them, more on a loaded machine) is still stored with its raw text, as
      // failed with a reason, and the request answers 422; every other document is taken.
      if (item.status === "failed") {
        expect(response.status(), name).toBe(422);
        expect((item as { error?: string }).error, name).toMatch(/^parse-timeout: /);
      } else {
        expect(response.status(), name).toBeLessThan(300);
      }
      expect(item.slug, name).toBeTruthy();
      uploaded.push({ name, slug: item.slug, failures: item.record.failures.length });
    }
  });

  test("render every page that shows them without running anything", async ({ page }) => {
    test.setTimeout(300_000);
    const events = await watch(page);
    const visit = async (url: string) => {
      const response = await page.goto(url);
      expect(response?.status(), url).toBeLessThan(500);
      await assertInert(page, events);
    };
    for (const doc of uploaded) {
      await visit(`/analyses/${doc.slug}`);
      for (let n = 1; n <= Math.min(doc.failures, 2); n++) await visit(`/analyses/${doc.slug}/failures/${n}`);
    }
    for (const url of [
      "/",
      "/analyses",
      "/analyses?q=script",
      "/failures",
      "/failures?q=alert",
      "/failures?q=DROP%20TABLE",
      "/scores",
      "/gaps",
      "/compare",
    ]) {
      await visit(url);
    }
  });

  test("pages carry a CSP without unsafe-eval and the other security headers", async ({ request }) => {
    const response = await request.get("/analyses");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src [^;]*'nonce-/);
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
  });
});
