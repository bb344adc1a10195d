import http from "node:http";
import https from "node:https";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { drawableText } from "@/components/og/font-coverage";
import { previewImage } from "@/components/og/preview-card";

// Link-preview images must never call out (next/og fetches Google fonts for glyphs its font lacks:
// a private title in the URL, boxes when offline).
const TITLES = [
  "Model Response Failures Analysis",
  "数据库密码硬编码在源代码中",
  "تحليل إخفاقات استجابة النموذج",
  "मॉडल प्रतिक्रिया विफलता विश्लेषण",
  "Анализ ошибок ответа модели",
  "Ελληνικά και 日本語のテキスト mixed with Latin",
  "Emoji 🚨🔥 in a title ✅ — and “quotes”",
  "한국어 제목 🚀",
];

describe("previewImage", () => {
  const requests: string[] = [];
  beforeEach(() => {
    requests.length = 0;
    const realFetch = globalThis.fetch;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: unknown, init?: RequestInit) => {
        // next/og loads its own WebAssembly from data: URLs; anything else would leave the machine.
        if (String(url).startsWith("data:")) return realFetch(url as string, init);
        requests.push(String(url));
        throw new Error("offline");
      }),
    );
    for (const mod of [http, https]) {
      vi.spyOn(mod, "request").mockImplementation(((url: unknown) => {
        requests.push(String(url));
        throw new Error("offline");
      }) as typeof http.request);
    }
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("renders titles in any script to a PNG without a single outbound request", async () => {
    for (const title of TITLES) {
      const image = previewImage({
        eyebrow: "Failure analysis",
        title,
        meta: ["Task 101000875", "pulumi"],
        chips: [["critical", "3 critical"]],
        footer: title,
      });
      const png = Buffer.from(await image.arrayBuffer());
      expect(png.subarray(1, 4).toString(), title).toBe("PNG");
      expect(png.length, title).toBeGreaterThan(5_000);
    }
    expect(requests).toEqual([]);
  }, 60_000);
});

describe("drawableText", () => {
  it("keeps text the bundled font draws and marks each gap once", () => {
    expect(drawableText("Hardcoded DB password — “café” Ünïcödé")).toEqual({ text: "Hardcoded DB password — “café” Ünïcödé", lost: 0 });
    expect(drawableText("Fix 🚨🔥 now").text).toBe("Fix … now");
    expect(drawableText("数据库密码").lost).toBe(1);
  });
});
