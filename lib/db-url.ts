// Resolves where the SQLite database lives: DATABASE_URL (file:...) or the default data/faultline.db.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/faultline.db";

/** Absolute path of the SQLite file named by DATABASE_URL (relative paths are taken from the cwd). */
export function databasePath(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL like "file:./data/faultline.db" (got "${url}")`);
  }
  const file = url.slice("file:".length).replace(/^\/\//, "").split("?")[0] ?? "";
  if (!file) throw new Error(`DATABASE_URL has no file path (got "${url}")`);
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}
