// The one loader of the knowledge-gap taxonomy (FAULTLINE_GAPS_FILE, default content/knowledge-gaps.json)
// and of the fitted model beside it (same name with .model.json, optional). Ingest, uploads and the
// `parse` command call it; the parser only receives the result. Both files are checked with zod, and
// a problem names the file and the place in it.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { GapDefinition } from "../data/store";
import { gapModelSchema } from "../parser/gap-model";
import { createTaxonomy, type Taxonomy } from "../parser/taxonomy";
import { env } from "../env";

const DEFAULT_FILE = "content/knowledge-gaps.json";

const keywordSchema = z.union([z.string(), z.object({ term: z.string(), weight: z.number().finite().optional() })], {
  error: "a keyword is a string or { term: string, weight?: number }",
});
const categorySchema = z.object({
  id: z.string().trim().min(1, "a category needs an id"),
  label: z.string().optional(),
  description: z.string().optional(),
  keywords: z.array(keywordSchema).optional(),
});
/** A list of categories, or `{ categories: [...] }`. */
export const taxonomyFileSchema = z.preprocess(
  (data) => (data && typeof data === "object" && !Array.isArray(data) && "categories" in data ? data.categories : data),
  z.array(categorySchema),
);

export interface GapsFile {
  /** Absolute path of the taxonomy file. */
  path: string;
  /** Path of the model file used, or null when there is none beside the taxonomy. */
  modelPath: string | null;
  definitions: GapDefinition[];
  taxonomy: Taxonomy;
}

export function taxonomyPath(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().FAULTLINE_GAPS_FILE ?? DEFAULT_FILE);
}

/** content/knowledge-gaps.json → content/knowledge-gaps.model.json */
export function modelPathFor(file: string): string {
  return file.endsWith(".json") ? `${file.slice(0, -".json".length)}.model.json` : `${file}.model.json`;
}

const cache = new Map<string, { stamp: string; loaded: GapsFile }>();

/**
 * Reads and validates the taxonomy and its model; throws an Error naming the file and the problem.
 * Cached per path until either file changes (a long-running server picks up an edited taxonomy).
 */
export function loadGapsFile(file: string = taxonomyPath()): GapsFile {
  const modelFile = modelPathFor(file);
  const stamp = `${statStamp(file)}|${statStamp(modelFile)}`;
  const cached = cache.get(file);
  if (cached && cached.stamp === stamp) return cached.loaded;
  const categories = readJson(file, taxonomyFileSchema);
  const duplicate = categories.find((c, i) => categories.findIndex((d) => d.id === c.id) !== i);
  if (duplicate) throw new Error(`knowledge-gap taxonomy ${file}: category id "${duplicate.id}" appears twice`);
  const model = fs.existsSync(/*turbopackIgnore: true*/ modelFile) ? readJson(modelFile, gapModelSchema) : null;
  let taxonomy: Taxonomy;
  try {
    taxonomy = createTaxonomy(categories, model);
  } catch (error) {
    throw new Error(`knowledge-gap taxonomy ${model ? modelFile : file}: ${(error as Error).message}`);
  }
  const loaded: GapsFile = {
    path: file,
    modelPath: model ? modelFile : null,
    definitions: taxonomy.categories.map(({ id, label, description }) => ({ id, label, description })),
    taxonomy,
  };
  cache.set(file, { stamp, loaded });
  return loaded;
}

/**
 * The taxonomy to classify with: from FAULTLINE_GAPS_FILE when set (a problem with it throws), else
 * content/knowledge-gaps.json when present, else null (failures stay unclassified).
 */
export function gapTaxonomy(): Taxonomy | null {
  if (!env().FAULTLINE_GAPS_FILE && !fs.existsSync(/*turbopackIgnore: true*/ taxonomyPath())) return null;
  return loadGapsFile().taxonomy;
}

/** The categories (id, label, description) for the database; [] when there is no taxonomy at all. */
export function readGapDefinitions(file?: string): GapDefinition[] {
  if (file === undefined && !env().FAULTLINE_GAPS_FILE && !fs.existsSync(/*turbopackIgnore: true*/ taxonomyPath())) return [];
  return loadGapsFile(file).definitions;
}

function statStamp(file: string): string {
  try {
    const stat = fs.statSync(/*turbopackIgnore: true*/ file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return "none";
  }
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    throw new Error(`knowledge-gap taxonomy ${file}: ${reason}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new Error(`knowledge-gap taxonomy ${file}${where}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}
