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
//   npx tsx scripts/cv-parser.ts --refit          # the series model refitted on the other 4 folds for each fold
//   npx tsx scripts/cv-parser.ts --speed [--corpus ../shared/wild] [--every 4] [--rounds 2]
//       # CPU time of parseAnalysis against the bare remark(+gfm) parse of the same documents
//   npx tsx scripts/cv-parser.ts --walk [--corpus ../shared/wild] [--every 4]
//       # the walk alone (readTree on a tree just parsed, untimed) against the parse: steadier than
//       # --speed on a loaded machine, where which call pays for the other's garbage varies
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { emptyAnalysis, parseAnalysis, readTree } from "../lib/parser/index";
import { normalizeSource } from "../lib/parser/text";
import { unfenceDocument } from "../lib/parser/fenced-document";
import { parseMarkdown } from "../lib/parser/markdown";
import { measureParseSpeed } from "../lib/bench/parse-speed";
import { documentsWithSeries, fitSeries } from "./fit-series";
import type { SeriesModel } from "../lib/parser/series-model";
import { FOLDS, foldOf, loadCases, similarity, type Case, type LabeledFailure } from "./parser-cases";

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

const sameScore = (a: { value: number; max: number } | null, b: { value: number; max: number } | null): boolean =>
  !a || !b ? !a && !b : Math.abs(a.value / a.max - b.value / b.max) < 1e-3;

function scoreCase(c: Case, total: Totals, model?: SeriesModel): string[] {
  const problems: string[] = [];
  const parsed = parseAnalysis(readFileSync(c.doc, "utf8"), { path: c.doc, series: model ? { model } : undefined });
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
  const cpuMs = (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let parseMs = 0;
  let walkMs = 0;
  files.forEach((name, i) => {
    const source = unfenceDocument(normalizeSource(readFileSync(join(dir, name), "utf8")));
    let t = cpuMs();
    const root = parseMarkdown(source);
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
  const cases = loadCases(option("--docs"), option("--labels"));
  const foldArg = option("--fold-of");
  if (foldArg) {
    console.log(foldOf(foldArg.replace(/\.md$/, ".json")));
    return;
  }
  // --refit: the series model (lib/parser/series-model.json) is fitted again on the other four folds
  // for each fold, so the fold's figures come from weights that never saw its documents.
  const models: Array<SeriesModel | undefined> = [];
  if (args.includes("--refit")) {
    const withSeries = documentsWithSeries(cases);
    for (let fold = 0; fold < FOLDS; fold++) {
      const { model } = fitSeries(
        cases.filter((c) => foldOf(c.name) !== fold),
        withSeries,
      );
      models.push(model);
      console.log(`series model without fold ${fold}: ${model.note}`);
    }
  }
  const show = new Set((option("--show") ?? "").split(",").filter(Boolean).map(Number));
  const whole = empty();
  const perFold = Array.from({ length: FOLDS }, empty);
  for (const c of cases) {
    const fold = foldOf(c.name);
    const foldTotals = perFold[fold] as Totals;
    const before = { ...foldTotals };
    const problems = scoreCase(c, foldTotals, models[fold]);
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
