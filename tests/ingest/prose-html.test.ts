// Report prose is rendered at ingest and stored as HTML (migration 0016, lib/render/prose.ts): the
// stored HTML is sanitized (the hostile corpus comes out inert), it is what the page shows, and rows
// stored before it (HTML null) still render from their Markdown.
import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClippedMarkdown } from "@/components/clipped-text";
import { openSqlite, type Sqlite } from "@/lib/data/sqlite";
import { ingest } from "@/lib/ingest/ingest";
import { clipText, PROSE_BUDGET } from "@/lib/render/clip";
import { markdownToHtml, renderMarkdown } from "@/lib/render/markdown";
import { proseHtml } from "@/lib/render/prose";
import { freshDatabase, report, tempDir, write } from "./helpers";

let dir: string;
let db: Sqlite;

const HOSTILE = `# Model Response Failures Analysis

This document analyzes the MODEL_RESPONSE for task 555000111. <script>alert('summary')</script> [s](javascript:alert('summary'))

## Failures

### 1. Hostile prose everywhere

**Impact Level**: Critical

**MODEL_RESPONSE Issue**: The model wrote <img src=x onerror="alert('model')"> and [click](javascript:alert('model')).

\`\`\`python
x = 1
\`\`\`

**IDEAL_RESPONSE Fix**: <svg onload="alert('ideal')"><script>alert('ideal')</script></svg> see [docs](https://example.com/docs).

\`\`\`python
x = 2
\`\`\`

**Root Cause**: The \`inline code\` ran <script>alert('root')</script> <iframe src="javascript:alert('root')"></iframe> [data](data:text/html;base64,PHNjcmlwdD4=)

**Security Impact**: <a href="javascript:alert('impact')" onclick="alert('impact')">raw</a> - **CRITICAL**: <body onload=alert(1)>

**Training Value**: <img src="https://evil.test/p.png" onerror="alert('field')"> [x](vbscript:msgbox)

## Training Quality Score: 7/10
`;

/** Every stored prose HTML of the database, with where it came from. */
function storedHtml(): { where: string; html: string }[] {
  const out: { where: string; html: string }[] = [];
  for (const a of db.prepare<[], { slug: string; summaryHtml: string | null }>(`SELECT slug, summaryHtml FROM "Analysis"`).all()) {
    if (a.summaryHtml) out.push({ where: `${a.slug} summary`, html: a.summaryHtml });
  }
  const failures = db
    .prepare<
      [],
      { key: string; modelHtml: string | null; idealHtml: string | null; rootCauseHtml: string | null; fieldsHtml: string | null }
    >(`SELECT "key", modelHtml, idealHtml, rootCauseHtml, fieldsHtml FROM "Failure"`)
    .all();
  for (const f of failures) {
    for (const column of ["modelHtml", "idealHtml", "rootCauseHtml"] as const)
      if (f[column]) out.push({ where: `${f.key} ${column}`, html: f[column]! });
    for (const html of JSON.parse(f.fieldsHtml ?? "[]") as string[]) if (html) out.push({ where: `${f.key} field`, html });
  }
  for (const i of db.prepare<[], { html: string | null }>(`SELECT html FROM "Impact"`).all())
    if (i.html) out.push({ where: "impact", html: i.html });
  return out;
}

function expectInert(where: string, html: string): void {
  expect(html, where).not.toMatch(/<(script|iframe|img|svg|body|object|embed|form|meta|style|link|base)\b/i);
  // No event handler on any element (the text "onerror=" may stay, escaped, as text).
  expect(html, where).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  // Links are http(s) only (raw HTML in the text is escaped, so every "<" here opens a real element).
  for (const tag of html.matchAll(/<[a-z][^>]*>/gi)) {
    for (const m of tag[0].matchAll(/\s(?:href|src|action|formaction)="([^"]*)"/gi)) expect(m[1], where).toMatch(/^https?:\/\//);
  }
}

beforeAll(async () => {
  dir = tempDir();
  db = openSqlite(freshDatabase(dir));
  const content = path.join(dir, "content");
  write(content, "hostile.md", HOSTILE);
  write(content, "plain.md", report("555000222", [{ title: "Plain", severity: "High" }]));
  // The e2e hostile corpus too (the documents the browser journeys load).
  for (const name of fs.readdirSync("e2e/hostile"))
    if (name.endsWith(".md"))
      write(path.join(content, "corpus"), name, fs.readFileSync(path.join("e2e/hostile", name)) as unknown as string);
  await ingest({ paths: [content], db, workers: 0 });
}, 120_000);

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("prose stored as HTML at ingest", () => {
  it("stores the summary, MODEL/IDEAL prose, root cause, impacts and fields as HTML beside the Markdown", () => {
    const a = db
      .prepare<[], { summary: string; summaryHtml: string }>(`SELECT summary, summaryHtml FROM "Analysis" WHERE slug = '555000111'`)
      .get()!;
    expect(a.summary).toContain("<script>"); // the Markdown is kept as written
    expect(a.summaryHtml).toContain("&#x3C;script>"); // shown as text
    const f = db
      .prepare<
        [],
        {
          modelText: string;
          modelHtml: string;
          idealHtml: string;
          rootCause: string;
          rootCauseHtml: string;
          fieldsJson: string;
          fieldsHtml: string;
        }
      >(`SELECT f.* FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId WHERE a.slug = '555000111'`)
      .get()!;
    expect(f.rootCauseHtml).toContain("<code>inline code</code>");
    expect(f.idealHtml).toContain('<a href="https://example.com/docs" rel="nofollow noopener noreferrer" target="_blank">docs</a>');
    expect(JSON.parse(f.fieldsHtml)).toHaveLength(JSON.parse(f.fieldsJson).length);
    const impacts = db.prepare<[], { text: string; html: string }>(`SELECT text, html FROM "Impact"`).all();
    expect(impacts.length).toBeGreaterThan(0);
    for (const i of impacts) expect(i.html).toBe(proseHtml(i.text));
  });

  it("keeps <script>, javascript: links and onerror inert in every stored HTML (hostile corpus included)", () => {
    const all = storedHtml();
    expect(all.length).toBeGreaterThan(40);
    for (const { where, html } of all) expectInert(where, html);
    const text = all.map((h) => h.html).join("\n");
    expect(text).toContain("&#x3C;script>alert('root')&#x3C;/script>");
    expect(text).not.toContain("javascript:alert('model')"); // the link's target is dropped, its text kept
  });

  it("is what the page shows: the component prints the stored HTML, and it equals rendering the Markdown now", () => {
    const rows = db
      .prepare<[], { rootCause: string; rootCauseHtml: string }>(
        `SELECT rootCause, rootCauseHtml FROM "Failure" WHERE rootCauseHtml IS NOT NULL`,
      )
      .all();
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const stored = renderToStaticMarkup(createElement(ClippedMarkdown, { text: row.rootCause, html: row.rootCauseHtml }));
      const fresh = renderToStaticMarkup(createElement(ClippedMarkdown, { text: row.rootCause }));
      expect(stored).toBe(fresh);
      expect(row.rootCauseHtml).toBe(proseHtml(row.rootCause));
    }
    // The stored HTML is used as it is, not rendered again from the Markdown.
    const shown = renderToStaticMarkup(createElement(ClippedMarkdown, { text: "*markdown*", html: "<p>stored <strong>html</strong></p>" }));
    expect(shown).toContain("stored <strong>html</strong>");
    expect(shown).not.toContain("<em>markdown</em>");
  });

  it("renders a plain sentence without the pipeline, exactly as the pipeline would", () => {
    for (const text of ["Anyone can list and read the logs.", "Cost (high): 3 buckets, 2 queues; see 'ops' or \"x\"."])
      expect(markdownToHtml(text)).toBe(`<p>${text}</p>`);
    // Anything with syntax goes through the pipeline.
    expect(markdownToHtml("see www.example.com")).toContain("<a href=");
    expect(markdownToHtml("Read https://example.com now")).toContain('<a href="https://example.com"');
    expect(markdownToHtml("An *emphasis* here")).toBe("<p>An <em>emphasis</em> here</p>");
    expect(markdownToHtml("a\u0000b")).toBe("<p>a\uFFFDb</p>");
  });

  it("renders a row stored before migration 0016 (HTML null) from its Markdown, clipped as before", () => {
    const long = `**bold** ${"word ".repeat(1_200)}`;
    const shown = renderToStaticMarkup(createElement(ClippedMarkdown, { text: long, html: null }));
    expect(shown).toContain("<strong>bold</strong>");
    expect(shown).toContain(`${(long.length - PROSE_BUDGET).toLocaleString("en-US")} more characters`);
    expect(proseHtml(long)).toBe(`<p>${renderMarkdown(clipText(long, PROSE_BUDGET).shown).html}</p>`);
  });
});
