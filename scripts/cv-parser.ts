// Cross-validated parser figures: the labeled documents (../shared/seeds + ../shared/corpus, or
// --docs DIR [--labels DIR]) are split into 5 folds by a hash of the label file name, and the
// figures of ../shared/tools/score-parser.mjs (same matching: greedy title similarity >= 0.5) are
// printed per fold, their mean, and for the whole set. Knowledge gaps are left out (they need the
// taxonomy file, which the gap classifier's own fitting script cross-validates).
//
// The parser's rules are written by hand: a fold is "held out" when its mismatches were not read
// while writing rules. `--show 0,1,2,3` prints the mismatches of those folds only (error analysis on
// four folds, the fifth stays unseen); `--fold-of NNN.md` prints a document's fold.
//
//   npx tsx scripts/cv-parser.ts                  # per-fold, mean, whole set
//   npx tsx scripts/cv-parser.ts --show 0,1,2,3   # plus the mismatches of folds 0-3
//   npx tsx scripts/cv-parser.ts --speed [--corpus ../shared/wild] [--every 4] [--rounds 2]
//       # CPU time of parseAnalysis against the bare remark(+gfm) parse of the same documents
//   npx tsx scripts/cv-parser.ts --walk [--corpus ../shared/wild] [--every 4]
//       # the walk alone (readTree on a tree just parsed, untimed) against the parse: steadier than
//       # --speed on a loaded machine, where which call pays for the other's garbage varies
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Root } from "mdast";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { emptyAnalysis, parseAnalysis, readTree } from "../lib/parser/index";
import { normalizeSource } from "../lib/parser/text";
import { unfenceDocument } from "../lib/parser/fenced-document";
import { measureParseSpeed } from "../lib/bench/parse-speed";

const FOLDS = 5;

/** FNV-1a of the label file name: a fold that does not depend on the order of files. */
export function foldOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % FOLDS;
}

interface LabeledFailure {
  title: string;
  severity: string;
  modelCode: boolean;
  idealCode: boolean;
}
interface Case {
  name: string;
  doc: string;
  label: { taskId: string | null; score: { value: number; max: number } | null; failures: LabeledFailure[] };
}
interface Totals {
  docs: number;
  predicted: number;
  labeled: number;
  matched: number;
  severity: number;
  modelCode: number;
  idealCode: number;
  score: number;
  taskId: number;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function loadCases(): Case[] {
  const shared = resolve(process.cwd(), "../shared");
  const sets = option("--docs")
    ? [{ docs: option("--docs") as string, labels: option("--labels") ?? join(option("--docs") as string, "labels") }]
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

function similarity(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  const jaccard = shared / (x.size + y.size - shared);
  const contained = shared === Math.min(x.size, y.size) && shared >= 3 ? 0.8 : 0;
  return Math.max(jaccard, contained);
}

const sameScore = (a: { value: number; max: number } | null, b: { value: number; max: number } | null): boolean =>
  !a || !b ? !a && !b : Math.abs(a.value / a.max - b.value / b.max) < 1e-3;

function scoreCase(c: Case, total: Totals): string[] {
  const problems: string[] = [];
  const parsed = parseAnalysis(readFileSync(c.doc, "utf8"), { path: c.doc });
  const predicted = parsed.failures;
  const labeled = c.label.failures;
  total.docs++;
  total.predicted += predicted.length;
  total.labeled += labeled.length;
  const pairs: Array<{ li: number; pi: number; s: number }> = [];
  labeled.forEach((l, li) => predicted.forEach((p, pi) => pairs.push({ li, pi, s: similarity(l.title, p.title) })));
  pairs.sort((a, b) => b.s - a.s);
  const usedL = new Set<number>();
  const usedP = new Set<number>();
  for (const { li, pi, s } of pairs) {
    if (s < 0.5 || usedL.has(li) || usedP.has(pi)) continue;
    usedL.add(li);
    usedP.add(pi);
    const l = labeled[li] as LabeledFailure;
    const p = predicted[pi] as (typeof predicted)[number];
    total.matched++;
    if (p.severity === l.severity) total.severity++;
    else problems.push(`severity "${l.title}": got ${p.severity}, want ${l.severity}`);
    const model = p.model.code.length > 0;
    const ideal = p.ideal.code.length > 0;
    if (model === l.modelCode) total.modelCode++;
    else problems.push(`model code "${l.title}": got ${model}, want ${l.modelCode}`);
    if (ideal === l.idealCode) total.idealCode++;
    else problems.push(`ideal code "${l.title}": got ${ideal}, want ${l.idealCode}`);
  }
  labeled.forEach((l, li) => usedL.has(li) || problems.push(`missed "${l.title}"`));
  predicted.forEach((p, pi) => usedP.has(pi) || problems.push(`extra "${p.title}" (line ${p.line})`));
  if (sameScore(parsed.score, c.label.score)) total.score++;
  else problems.push(`score: got ${JSON.stringify(parsed.score)}, want ${JSON.stringify(c.label.score)}`);
  if ((parsed.taskId ?? null) === c.label.taskId) total.taskId++;
  else problems.push(`taskId: got ${JSON.stringify(parsed.taskId)}, want ${JSON.stringify(c.label.taskId)}`);
  return problems;
}

const empty = (): Totals => ({
  docs: 0,
  predicted: 0,
  labeled: 0,
  matched: 0,
  severity: 0,
  modelCode: 0,
  idealCode: 0,
  score: 0,
  taskId: 0,
});

function figures(t: Totals): Record<string, number> {
  const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
  const p = ratio(t.matched, t.predicted);
  const r = ratio(t.matched, t.labeled);
  return {
    P: p,
    R: r,
    F1: p + r === 0 ? 0 : (2 * p * r) / (p + r),
    severity: ratio(t.severity, t.matched),
    modelCode: ratio(t.modelCode, t.matched),
    idealCode: ratio(t.idealCode, t.matched),
    score: ratio(t.score, t.docs),
    taskId: ratio(t.taskId, t.docs),
  };
}

const line = (name: string, f: Record<string, number>, extra = ""): string =>
  `${name.padEnd(7)} ${Object.entries(f)
    .map(([k, v]) => `${k}=${v.toFixed(3)}`)
    .join(" ")}${extra}`;

/**
 * `--speed`: CPU time of parseAnalysis against the bare unified().use(remarkParse).use(remarkGfm)
 * parse on every Nth document of a corpus (lib/bench/parse-speed.ts: per document, interleaved,
 * alternated, repeated, after a warm-up).
 */
function speed(): void {
  const dir = resolve(option("--corpus") ?? join(process.cwd(), "../shared/wild"));
  const every = Math.max(1, Number(option("--every") ?? 4) || 4);
  const rounds = Math.max(1, Number(option("--rounds") ?? 2) || 2);
  const files = readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .filter((_, i) => i % every === 0);
  const result = measureParseSpeed(
    files.map((name) => readFileSync(join(dir, name), "utf8")),
    { rounds },
  );
  console.log(
    `speed: docs=${result.docs} MB=${(result.bytes / 1e6).toFixed(1)} rounds=${result.rounds} remark=${(result.remarkMs / 1000).toFixed(2)}s ` +
      `parseAnalysis=${(result.parserMs / 1000).toFixed(2)}s ratio=${result.ratio.toFixed(3)}`,
  );
}

/** `--walk`: CPU time of the walk over a freshly parsed tree against the parse that built it. */
function walk(): void {
  const dir = resolve(option("--corpus") ?? join(process.cwd(), "../shared/wild"));
  const every = Math.max(1, Number(option("--every") ?? 4) || 4);
  const files = readdirSync(dir)
    .filter((n) => n.endsWith(".md"))
    .sort()
    .filter((_, i) => i % every === 0);
  const processor = unified().use(remarkParse).use(remarkGfm);
  const cpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let parseMs = 0;
  let walkMs = 0;
  files.forEach((name, i) => {
    const source = unfenceDocument(normalizeSource(readFileSync(join(dir, name), "utf8")));
    let t = cpuMs();
    const root = processor.parse(source) as Root;
    if (i >= 20) parseMs += cpuMs() - t; // the first 20 warm both up
    t = cpuMs();
    readTree(emptyAnalysis(name), source, root, {});
    if (i >= 20) walkMs += cpuMs() - t;
  });
  console.log(
    `walk: docs=${files.length - 20} parse=${(parseMs / 1000).toFixed(2)}s walk=${(walkMs / 1000).toFixed(2)}s walk/parse=${(walkMs / parseMs).toFixed(3)}`,
  );
}

function main(): void {
  if (args.includes("--walk")) {
    walk();
    return;
  }
  if (args.includes("--speed")) {
    speed();
    return;
  }
  const cases = loadCases();
  const foldArg = option("--fold-of");
  if (foldArg) {
    console.log(foldOf(foldArg.replace(/\.md$/, ".json")));
    return;
  }
  const show = new Set((option("--show") ?? "").split(",").filter(Boolean).map(Number));
  const whole = empty();
  const perFold = Array.from({ length: FOLDS }, empty);
  for (const c of cases) {
    const fold = foldOf(c.name);
    const foldTotals = perFold[fold] as Totals;
    const before = { ...foldTotals };
    const problems = scoreCase(c, foldTotals);
    for (const key of Object.keys(whole) as Array<keyof Totals>) whole[key] += foldTotals[key] - before[key];
    if (show.has(fold) && problems.length) console.log(`${basename(c.doc)} [fold ${fold}]\n  ${problems.join("\n  ")}`);
  }
  const rows = perFold.map((t) => figures(t));
  rows.forEach((f, i) => console.log(line(`fold ${i}`, f, ` docs=${perFold[i]?.docs}`)));
  const mean: Record<string, number> = {};
  for (const key of Object.keys(rows[0] ?? {})) mean[key] = rows.reduce((sum, f) => sum + (f[key] ?? 0), 0) / rows.length;
  console.log(line("mean", mean));
  console.log(line("whole", figures(whole), ` docs=${whole.docs} failures=${whole.labeled} found=${whole.predicted}`));
}

main();
