// Fits the knowledge-gap classifier (lib/parser/gap-model.ts) on the labeled corpus and writes it
// beside the taxonomy as content/knowledge-gaps.model.json.
//
//   npx tsx scripts/fit-gaps.ts                 # fit, print whole-set and 5-fold CV accuracy, write the model
//   npx tsx scripts/fit-gaps.ts --dry-run       # the figures only
//   npx tsx scripts/fit-gaps.ts --shared DIR --taxonomy FILE --out FILE
//
// Training examples are the labeled failures of ../shared/seeds and ../shared/corpus (labels/ for the
// failure titles, gaps/ for their categories, GAPS.md), each joined to the failure the parser finds
// under the same title (as score-parser.mjs pairs them) so the classifier sees the fields it will see
// at run time; a labeled failure the parser misses contributes its title alone. Cross-validation
// splits by DOCUMENT: the vocabulary, the weights and the pruning are fitted on 4/5 of the documents
// and scored on the 5th, rotating, so a figure that only memorizes shows up as a gap between the two.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseAnalysis } from "../lib/parser/index";
import { compileGapModel, gapFeatures, type GapEvidence, type GapFeatures, type GapModelData } from "../lib/parser/gap-model";
import { classifyFailureGaps, createTaxonomy, keywordTexts, scoreGaps, withKeywordFeatures, type Taxonomy } from "../lib/parser/taxonomy";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? (args[at + 1] ?? fallback) : fallback;
};
const shared = path.resolve(option("--shared", "../shared"));
const taxonomyFile = path.resolve(option("--taxonomy", "content/knowledge-gaps.json"));
const outFile = path.resolve(option("--out", taxonomyFile.replace(/\.json$/, ".model.json")));
const dryRun = args.includes("--dry-run");

/**
 * Settings chosen by 5-fold CV on the corpus (gaps figure, 2025 corpus of 165 documents): L2 0.0003
 * beat 0.0001–0.01 (0.86 vs 0.82–0.86); ratio 0.2 shows 1.6 ids per failure (labels give 1.5) and
 * raises CV gaps 0.874 → 0.889 over 0.25; keeping 1,500 features (weights ≥ 0.1) costs nothing in CV
 * (0.890; 800 features: 0.886) and makes the file ~5× smaller. `--errors` lists every miss.
 */
const settings = {
  /** A feature must occur in this many training failures. */
  minCount: Number(option("--min-count", "2")),
  /** L2 penalty on feature weights. */
  l2: Number(option("--l2", "0.0003")),
  iterations: Number(option("--iterations", "400")),
  /** Share of the target given to the secondary label when there is one. */
  secondary: Number(option("--secondary", "0.25")),
  /** Features kept after pruning (largest weight rows), and weights below this dropped. */
  keep: Number(option("--keep", "1500")),
  minWeight: Number(option("--min-weight", "0.1")),
  /** Secondary ids shown at this share of the primary's probability (classifyFailureGaps's default). */
  ratio: Number(option("--ratio", "0.2")),
};
const cvOnly = args.includes("--cv-only");

interface Example {
  doc: string;
  evidence: GapEvidence;
  features: GapFeatures;
  keywords: Map<string, number>;
  labels: string[];
  /** The parser found this failure (only those count in score-parser's gaps figure). */
  matched: boolean;
}

// ---- data -------------------------------------------------------------------------------------

const words = (title: string) =>
  String(title ?? "")
    .toLowerCase()
    .replace(/^\s{0,20}(?:#{1,6}\s{0,20})?(?:\*\*)?\s{0,20}(?:(?:issue|fault|failure|error)\s{0,20})?(?:[a-z]?\d{1,9}[.):]|\d{1,9}\s{0,20}[-–:])\s{0,20}/u, "")
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

function loadExamples(taxonomy: Taxonomy): Example[] {
  const examples: Example[] = [];
  for (const folder of ["seeds", "corpus"]) {
    const labels = path.join(shared, folder, "labels");
    if (!existsSync(labels)) continue;
    for (const name of readdirSync(labels).filter((n) => n.endsWith(".json")).sort()) {
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

// ---- fitting ----------------------------------------------------------------------------------

/** Multinomial logistic regression by full-batch Adam: feature weights, class biases, one keyword weight. */
function fit(train: Example[], classes: string[]): GapModelData {
  const counts = new Map<string, number>();
  for (const e of train) for (const f of e.features.keys()) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= settings.minCount).map(([f]) => f).sort();
  let model = train_(train, classes, vocabulary);
  // Prune: keep the features whose weight rows matter most, drop tiny weights, then refit on them.
  const strength = vocabulary.map((f, i) => ({ f, s: model.W.slice(i * classes.length, (i + 1) * classes.length).reduce((a, w) => a + Math.abs(w), 0) }));
  const kept = strength.sort((a, b) => b.s - a.s).slice(0, settings.keep).map((x) => x.f).sort();
  model = train_(train, classes, kept);
  const weights: GapModelData["weights"] = {};
  kept.forEach((f, i) => {
    const row: Array<[number, number]> = [];
    for (let c = 0; c < classes.length; c++) {
      const w = model.W[i * classes.length + c] ?? 0;
      if (Math.abs(w) >= settings.minWeight) row.push([c, Math.round(w * 100) / 100]);
    }
    if (row.length) weights[f] = row;
  });
  // A category the model never saw starts at the lowest bias, so only its keywords can raise it.
  const bias = [...model.b].map(round);
  return { version: 1, classes, bias, keywordWeight: round(model.beta), unknownBias: Math.min(...bias), weights };
}

function train_(train: Example[], classes: string[], vocabulary: string[]) {
  const C = classes.length;
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const rows = train.map((e) => {
    const feats: Array<[number, number]> = [];
    for (const [f, v] of e.features) {
      const i = index.get(f);
      if (i !== undefined) feats.push([i, v]);
    }
    const kw = classes.map((c) => Math.log1p(e.keywords.get(c) ?? 0));
    const target = new Float64Array(C);
    const [primary, ...rest] = e.labels.map((l) => classIndex.get(l)).filter((i): i is number => i !== undefined);
    if (primary !== undefined) {
      const second = rest.length && settings.secondary > 0 ? settings.secondary : 0;
      target[primary] = 1 - second;
      for (const r of rest) target[r] = (target[r] ?? 0) + second / rest.length;
    }
    return { feats, kw, target };
  });
  // Rows as flat typed arrays: the loop below runs iterations × nonzeros × classes times.
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (starts[r + 1] = (starts[r] ?? 0) + row.feats.length));
  const at = new Int32Array(starts[rows.length] ?? 0);
  const val = new Float64Array(at.length);
  rows.forEach((row, r) => row.feats.forEach(([i, v], k) => ((at[(starts[r] ?? 0) + k] = i * C), (val[(starts[r] ?? 0) + k] = v))));
  const kw = Float64Array.from(rows.flatMap((row) => row.kw));
  const target = Float64Array.from(rows.flatMap((row) => [...row.target]));
  const W = new Float64Array(vocabulary.length * C);
  const b = new Float64Array(C);
  const params = { beta: 0.5 };
  const adam = (n: number) => ({ m: new Float64Array(n), v: new Float64Array(n) });
  const aW = adam(W.length);
  const aB = adam(C);
  const aBeta = adam(1);
  const rate = 0.05;
  const step = (values: Float64Array, grads: Float64Array, state: { m: Float64Array; v: Float64Array }, t: number) => {
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let i = 0; i < grads.length; i++) {
      const g = grads[i]!;
      const m = (state.m[i] = 0.9 * state.m[i]! + 0.1 * g);
      const v = (state.v[i] = 0.999 * state.v[i]! + 0.001 * g * g);
      values[i] = values[i]! - (rate * (m / c1)) / (Math.sqrt(v / c2) + 1e-8);
    }
  };
  const logits = new Float64Array(C);
  const gW = new Float64Array(W.length);
  const gB = new Float64Array(C);
  const gBeta = new Float64Array(1);
  const n = rows.length;
  for (let t = 1; t <= settings.iterations; t++) {
    gW.fill(0);
    gB.fill(0);
    gBeta[0] = 0;
    const beta = params.beta;
    for (let r = 0; r < n; r++) {
      const from = starts[r]!;
      const to = starts[r + 1]!;
      for (let c = 0; c < C; c++) logits[c] = b[c]! + beta * kw[r * C + c]!;
      for (let k = from; k < to; k++) {
        const base = at[k]!;
        const v = val[k]!;
        for (let c = 0; c < C; c++) logits[c] = logits[c]! + W[base + c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, logits[c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += logits[c] = Math.exp(logits[c]! - max);
      for (let c = 0; c < C; c++) logits[c] = logits[c]! / sum - target[r * C + c]!;
      for (let c = 0; c < C; c++) {
        gB[c] = gB[c]! + logits[c]!;
        gBeta[0] = gBeta[0]! + logits[c]! * kw[r * C + c]!;
      }
      for (let k = from; k < to; k++) {
        const base = at[k]!;
        const v = val[k]!;
        for (let c = 0; c < C; c++) gW[base + c] = gW[base + c]! + logits[c]! * v;
      }
    }
    for (let i = 0; i < gW.length; i++) gW[i] = gW[i]! / n + settings.l2 * W[i]!;
    for (let c = 0; c < C; c++) gB[c] = gB[c]! / n;
    gBeta[0] = gBeta[0]! / n;
    step(W, gW, aW, t);
    step(b, gB, aB, t);
    const box = Float64Array.of(params.beta);
    step(box, gBeta, aBeta, t);
    params.beta = Math.max(0, box[0]!);
  }
  const beta = params.beta;
  return { W, b, beta };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// ---- scoring ----------------------------------------------------------------------------------

interface Figures {
  /** score-parser's measure: the primary label is among the ids shown (failures the parser finds). */
  gaps: number;
  /** The first id shown is the primary label. */
  top1: number;
  /** Mean number of ids shown per failure. */
  ids: number;
  failures: number;
}

function evaluate(test: Example[], taxonomy: Taxonomy): Figures {
  let hit = 0;
  let top = 0;
  let shown = 0;
  const scored = test.filter((e) => e.matched);
  for (const e of scored) {
    const ids = classifyFailureGaps(e.evidence, taxonomy, { ratio: settings.ratio });
    if (ids.includes(e.labels[0] ?? "")) hit++;
    else if (args.includes("--errors")) console.log(`MISS ${e.labels.join("+")} <- ${ids.join(",")} | ${e.evidence.title}`);
    if (ids[0] === e.labels[0]) top++;
    shown += ids.length;
  }
  const n = scored.length || 1;
  return { gaps: hit / n, top1: top / n, ids: shown / n, failures: scored.length };
}

function crossValidate(examples: Example[], taxonomyData: unknown, classes: string[], folds = 5): Figures {
  // Documents dealt round-robin in name order, so each fold mixes old and new corpus documents.
  const docs = [...new Set(examples.map((e) => e.doc))].sort();
  const foldOf = new Map(docs.map((d, i) => [d, i % folds]));
  const total = { hit: 0, top: 0, ids: 0, n: 0 };
  for (let k = 0; k < folds; k++) {
    const train = examples.filter((e) => foldOf.get(e.doc) !== k);
    const test = examples.filter((e) => foldOf.get(e.doc) === k);
    const data = fit(train, classes);
    if (args.includes("--errors")) console.log(`fold ${k}: ${Object.keys(data.weights).length} features, keyword weight ${data.keywordWeight}, bias ${data.bias.join(" ")}`);
    const taxonomy = createTaxonomy(taxonomyData, compileGapModel(data));
    const f = evaluate(test, taxonomy);
    total.hit += f.gaps * f.failures;
    total.top += f.top1 * f.failures;
    total.ids += f.ids * f.failures;
    total.n += f.failures;
  }
  const n = total.n || 1;
  return { gaps: total.hit / n, top1: total.top / n, ids: total.ids / n, failures: total.n };
}

// ---- main -------------------------------------------------------------------------------------

function main(): void {
  const taxonomyData = JSON.parse(readFileSync(taxonomyFile, "utf8")) as unknown;
  const keywordsOnly = createTaxonomy(taxonomyData);
  const classes = keywordsOnly.categories.map((c) => c.id);
  const started = performance.now();
  const examples = loadExamples(keywordsOnly);
  const docs = new Set(examples.map((e) => e.doc)).size;
  const show = (name: string, f: Figures) =>
    console.log(`${name.padEnd(24)} gaps=${f.gaps.toFixed(3)} top1=${f.top1.toFixed(3)} ids/failure=${f.ids.toFixed(2)} (${f.failures} failures the parser finds)`);
  console.log(`fit-gaps: ${examples.length} labeled failures in ${docs} documents; settings ${JSON.stringify(settings)}`);
  show("keywords only (whole)", evaluate(examples, keywordsOnly));
  if (cvOnly) {
    show("model (5-fold CV)", crossValidate(examples, taxonomyData, classes));
    return;
  }
  const data = fit(examples, classes);
  const whole = evaluate(examples, createTaxonomy(taxonomyData, compileGapModel(data)));
  show("model (whole set)", whole);
  const cv = crossValidate(examples, taxonomyData, classes);
  show("model (5-fold CV)", cv);
  data.fit = {
    command: "npx tsx scripts/fit-gaps.ts",
    examples: examples.length,
    documents: docs,
    settings,
    wholeSet: { gaps: round(whole.gaps), top1: round(whole.top1) },
    crossValidated5: { gaps: round(cv.gaps), top1: round(cv.top1) },
  };
  console.log(`features kept: ${Object.keys(data.weights).length}, keyword weight ${data.keywordWeight}; ${Math.round(performance.now() - started)} ms`);
  if (!dryRun) {
    writeFileSync(outFile, `${JSON.stringify(data)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), outFile)} (${readFileSync(outFile).length} bytes)`);
  }
}

main();
