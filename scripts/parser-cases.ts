// The labeled documents and score-parser.mjs's title matching, shared by scripts/cv-parser.ts and
// scripts/fit-series.ts: ../shared/seeds + ../shared/corpus (or DIR and its labels/), 5 folds by a
// hash of the label file name, greedy title similarity >= 0.5.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const FOLDS = 5;

/** FNV-1a of the label file name: a fold that does not depend on the order of files. */
export function foldOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % FOLDS;
}

export interface LabeledFailure {
  title: string;
  severity: string;
  modelCode: boolean;
  idealCode: boolean;
}
export interface Case {
  name: string;
  doc: string;
  label: { taskId: string | null; score: { value: number; max: number } | null; failures: LabeledFailure[] };
}
export function loadCases(docs?: string, labels?: string): Case[] {
  const shared = resolve(process.cwd(), "../shared");
  const sets = docs
    ? [{ docs, labels: labels ?? join(docs, "labels") }]
    : ["seeds", "corpus"].map((folder) => ({ docs: join(shared, folder), labels: join(shared, folder, "labels") }));
  const cases: Case[] = [];
  for (const set of sets) {
    if (!existsSync(set.labels)) continue;
    for (const name of readdirSync(set.labels)
      .filter((n) => n.endsWith(".json"))
      .sort()) {
      const label = JSON.parse(readFileSync(join(set.labels, name), "utf8"));
      const doc = join(set.docs, label.file ?? name.replace(/\.json$/, ".md"));
      if (existsSync(doc)) cases.push({ name, doc, label });
    }
  }
  return cases;
}

// ---- score-parser's matching, reproduced -------------------------------------------------------

const words = (title: unknown): string[] =>
  String(title ?? "")
    .toLowerCase()
    .replace(/^\s*(?:#+\s*)?(?:\*\*)?\s*(?:(?:issue|fault|failure|error)\s*)?(?:[a-z]?\d+[.):]|\d+\s*[-–:])\s*/u, "")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);

export function similarity(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const jaccard = shared / (x.size + y.size - shared);
  const contained = shared === Math.min(x.size, y.size) && shared >= 3 ? 0.8 : 0;
  return Math.max(jaccard, contained);
}

/** Greedy one-to-one pairing of labeled and predicted titles (similarity >= 0.5), best pairs first. */
export function matchTitles(labeled: readonly string[], predicted: readonly string[]): Array<{ li: number; pi: number }> {
  const pairs: Array<{ li: number; pi: number; s: number }> = [];
  labeled.forEach((l, li) => predicted.forEach((p, pi) => pairs.push({ li, pi, s: similarity(l, p) })));
  pairs.sort((a, b) => b.s - a.s);
  const usedL = new Set<number>();
  const usedP = new Set<number>();
  const matched: Array<{ li: number; pi: number }> = [];
  for (const { li, pi, s } of pairs) {
    if (s < 0.5 || usedL.has(li) || usedP.has(pi)) continue;
    usedL.add(li);
    usedP.add(pi);
    matched.push({ li, pi });
  }
  return matched;
}
