// Decides whether `next build` output is current: a fingerprint of every file the build reads.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env";

const INPUTS = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["generated", "node_modules"]);
const distDir = () => env().NEXT_DIST_DIR;

export function sourceFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) if (!SKIP.has(name)) visit(path.join(p, name));
    } else {
      hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

export function buildIsCurrent(root = process.cwd()): boolean {
  try {
    if (!fs.existsSync(path.join(root, distDir(), "BUILD_ID"))) return false;
    const stamp = JSON.parse(fs.readFileSync(path.join(root, distDir(), "faultline-build.json"), "utf8")) as { fingerprint?: string };
    return stamp.fingerprint === sourceFingerprint(root);
  } catch {
    return false;
  }
}

export function recordBuild(fingerprint: string, root = process.cwd()): void {
  fs.writeFileSync(path.join(root, distDir(), "faultline-build.json"), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}
