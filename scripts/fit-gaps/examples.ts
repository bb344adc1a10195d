// The labeled failures scripts/fit-gaps.ts trains on: each failure of ../shared/seeds and
// ../shared/corpus (labels/ for titles, gaps/ for categories) joined to the failure the parser finds
// under the same title, paired as score-parser.mjs pairs them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gapFeatures, type GapEvidence, type GapFeatures } from "../../lib/parser/gap-model";
import { parseAnalysis } from "../../lib/parser/index";
import { keywordTexts, scoreGaps, withKeywordFeatures, type Taxonomy } from "../../lib/parser/taxonomy";

export interface Example {
  doc: string;
  evidence: GapEvidence;
  features: GapFeatures;
  keywords: Map<string, number>;
  labels: string[];
  /** The parser found this failure (only those count in score-parser's gaps figure). */
  matched: boolean;
}

const words = (title: string) =>
  String(title ?? "")
    .toLowerCase()
    .replace(
      /^\s{0,20}(?:#{1,6}\s{0,20})?(?:\*\*)?\s{0,20}(?:(?:issue|fault|failure|error)\s{0,20})?(?:[a-z]?\d{1,9}[.):]|\d{1,9}\s{0,20}[-–:])\s{0,20}/u,
      "",
    )
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);

/** score-parser.mjs's title similarity (Jaccard, or 0.8 when one title contains the other's 3+ words). */
function similarity(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  const jaccard = common / (x.size + y.size - common);
  return Math.max(jaccard, common === Math.min(x.size, y.size) && common >= 3 ? 0.8 : 0);
}

/** Every labeled failure under `shared` (the ../shared folder) with at least one gap label. */
export function loadExamples(shared: string, taxonomy: Taxonomy): Example[] {
  const examples: Example[] = [];
  for (const folder of ["seeds", "corpus"]) {
    const labels = path.join(shared, folder, "labels");
    if (!existsSync(labels)) continue;
    for (const name of readdirSync(labels)
      .filter((n) => n.endsWith(".json"))
      .sort()) {
      const label = JSON.parse(readFileSync(path.join(labels, name), "utf8")) as { file?: string; failures: { title: string }[] };
      const gapFile = path.join(shared, folder, "gaps", name);
      const docFile = path.join(shared, folder, label.file ?? name.replace(/\.json$/, ".md"));
      if (!existsSync(gapFile) || !existsSync(docFile)) continue;
      const gaps = (JSON.parse(readFileSync(gapFile, "utf8")) as { failures: { title: string; gaps: string[] }[] }).failures;
      const parsed = parseAnalysis(readFileSync(docFile, "utf8"), { path: docFile }).failures;
      // Greedy best-first pairing, as score-parser.mjs does.
      const pairs: { li: number; pi: number; s: number }[] = [];
      label.failures.forEach((l, li) => parsed.forEach((p, pi) => pairs.push({ li, pi, s: similarity(l.title, p.title) })));
      pairs.sort((a, b) => b.s - a.s);
      const byLabel = new Map<number, number>();
      const usedP = new Set<number>();
      for (const { li, pi, s } of pairs) {
        if (s < 0.5 || byLabel.has(li) || usedP.has(pi)) continue;
        byLabel.set(li, pi);
        usedP.add(pi);
      }
      label.failures.forEach((l, li) => {
        const wanted = gaps[li]?.gaps ?? [];
        if (!wanted.length) return;
        const pi = byLabel.get(li);
        const found = pi === undefined ? undefined : parsed[pi];
        const evidence: GapEvidence = found ?? { title: l.title };
        const hits = new Map<string, number>();
        const keywords = scoreGaps(keywordTexts(evidence), taxonomy, hits);
        examples.push({
          doc: `${folder}/${name}`,
          evidence,
          features: withKeywordFeatures(gapFeatures(evidence), hits),
          keywords,
          labels: wanted,
          matched: found !== undefined,
        });
      });
    }
  }
  return examples;
}
