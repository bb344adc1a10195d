// Finds the Markdown files ingest should read: only the paths it is given, folders recursively.
import fs from "node:fs";
import path from "node:path";

const MARKDOWN = /\.(md|markdown)$/i;
const SKIP_DIRS = new Set(["node_modules", ".git", ".next"]);

export interface FileListing {
  files: string[];
  /** Paths given that do not exist or cannot be read, with the reason. */
  missing: { path: string; reason: string }[];
}

/** Files given directly are taken whatever their extension; folders contribute their .md files. */
export function listMarkdownFiles(paths: string[]): FileListing {
  const files = new Set<string>();
  const missing: FileListing["missing"] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      missing.push({
        path: given,
        reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (error as Error).message,
      });
      continue;
    }
    if (stat.isDirectory()) walk(given, files);
    else if (stat.isFile()) files.add(path.resolve(given));
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, out: Set<string>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (MARKDOWN.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(full)))) out.add(path.resolve(full));
  }
}

/** A symbolic link to a Markdown file counts as the file (links to folders are not followed: no loops). */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false; // a dangling link
  }
}
