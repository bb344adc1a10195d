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
// The examples are loaded in scripts/fit-gaps/examples.ts, the model fitted in scripts/fit-gaps/logistic.ts.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compileGapModel } from "../lib/parser/gap-model";
import { classifyFailureGaps, createTaxonomy, type Taxonomy } from "../lib/parser/taxonomy";
import { loadExamples, type Example } from "./fit-gaps/examples";
import { fit, round } from "./fit-gaps/logistic";

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
    const data = fit(train, classes, settings);
    if (args.includes("--errors"))
      console.log(
        `fold ${k}: ${Object.keys(data.weights).length} features, keyword weight ${data.keywordWeight}, bias ${data.bias.join(" ")}`,
      );
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
  const examples = loadExamples(shared, keywordsOnly);
  const docs = new Set(examples.map((e) => e.doc)).size;
  const show = (name: string, f: Figures) =>
    console.log(
      `${name.padEnd(24)} gaps=${f.gaps.toFixed(3)} top1=${f.top1.toFixed(3)} ids/failure=${f.ids.toFixed(2)} (${f.failures} failures the parser finds)`,
    );
  console.log(`fit-gaps: ${examples.length} labeled failures in ${docs} documents; settings ${JSON.stringify(settings)}`);
  show("keywords only (whole)", evaluate(examples, keywordsOnly));
  if (cvOnly) {
    show("model (5-fold CV)", crossValidate(examples, taxonomyData, classes));
    return;
  }
  const data = fit(examples, classes, settings);
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
  console.log(
    `features kept: ${Object.keys(data.weights).length}, keyword weight ${data.keywordWeight}; ${Math.round(performance.now() - started)} ms`,
  );
  if (!dryRun) {
    writeFileSync(outFile, `${JSON.stringify(data)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), outFile)} (${readFileSync(outFile).length} bytes)`);
  }
}

main();
