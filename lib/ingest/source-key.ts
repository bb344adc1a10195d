// The path a file has inside the folder it was ingested from: what its slug derives from, so the same
// content folder ingested from two checkouts (or after a move) gives the same slugs.
import fs from "node:fs";
import path from "node:path";

/** file (absolute) → path relative to the given folder that contains it; a file given directly → its name. */
export function sourceKeys(given: string[], files: string[]): Map<string, string> {
  const roots = given
    .map((p) => path.resolve(p))
    .filter((p) => {
      try {
        return fs.statSync(p).isDirectory();
      } catch {
        return false;
      }
    })
    // The deepest root wins when folders nest ("content" and "content/extra").
    .sort((a, b) => b.length - a.length);
  const out = new Map<string, string>();
  for (const file of files) {
    const absolute = path.resolve(file);
    const root = roots.find((r) => absolute.startsWith(r + path.sep));
    out.set(file, (root ? path.relative(root, absolute) : path.basename(absolute)).split(path.sep).join("/"));
  }
  return out;
}

/** The key of a document stored without one (before identities existed): its path without the folder. */
export function defaultSourceKey(sourcePath: string): string {
  if (sourcePath.startsWith("upload:")) return sourcePath;
  // content/ is the default ingest root; anything else was most likely a folder given on its own.
  if (sourcePath.startsWith("content/")) return sourcePath.slice("content/".length);
  return sourcePath.split("/").pop() ?? sourcePath;
}
