// Reads the knowledge-gap categories (id, label, description) from the editable taxonomy file.
import fs from "node:fs";
import path from "node:path";
import type { GapDefinition } from "../data/store";

export function taxonomyPath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.FAULTLINE_GAPS_FILE || "content/knowledge-gaps.json");
}

export function readGapDefinitions(file = taxonomyPath()): GapDefinition[] {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
    const list = Array.isArray(data) ? data : (data as { categories?: unknown[] })?.categories ?? [];
    return list.flatMap((item) => {
      const gap = item as Partial<GapDefinition>;
      return typeof gap.id === "string" ? [{ id: gap.id, label: String(gap.label ?? gap.id), description: String(gap.description ?? "") }] : [];
    });
  } catch {
    return [];
  }
}
