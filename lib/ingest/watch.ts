// Watches folders for changes to re-ingest. One non-recursive watcher per folder, set up
// synchronously, so a change made right after "Watching…" is never missed (Node 20's recursive
// fs.watch on Linux sets its watchers up asynchronously); new sub-folders are watched as they appear.
import fs from "node:fs";
import path from "node:path";

const SKIP = new Set(["node_modules", ".git", ".next"]);

export function watchTree(roots: string[], onChange: () => void): () => void {
  const watchers = new Map<string, fs.FSWatcher>();
  const watchDir = (dir: string) => {
    if (watchers.has(dir)) return;
    try {
      watchers.set(
        dir,
        fs.watch(dir, (_event, name) => {
          if (name) {
            const full = path.join(dir, name.toString());
            if (!name.toString().startsWith(".") && fs.statSync(full, { throwIfNoEntry: false })?.isDirectory()) walk(full);
          }
          onChange();
        }),
      );
    } catch {
      // A folder that vanished between listing and watching: nothing to watch.
    }
  };
  const walk = (dir: string) => {
    watchDir(dir);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith(".") && !SKIP.has(entry.name)) walk(path.join(dir, entry.name));
    }
  };
  for (const root of roots) {
    const stat = fs.statSync(root, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(root);
    else if (stat?.isFile()) watchDir(path.dirname(root));
  }
  return () => watchers.forEach((w) => w.close());
}
