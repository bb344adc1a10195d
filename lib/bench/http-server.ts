// The bench's material and server: copies of a corpus (each copy's bytes differ, so each is a new
// document) and `npm start` on the bench database, up once `/` answers.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childEnv } from "../env";
import { listMarkdownFiles } from "../ingest/files";
import type { HttpBenchOptions } from "./http";

/** Copies the corpus `copies` times; each copy gets a trailing HTML comment so hashes differ. */
export function copyCorpus(corpus: string, into: string, copies: number, limit?: number, firstCopy = 1): { files: number; bytes: number } {
  const root = path.resolve(corpus);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new Error(`--corpus ${corpus}: no such folder`);
  const all = listMarkdownFiles([root]).files;
  if (!all.length) throw new Error(`--corpus ${corpus}: no .md files in it`);
  let files = 0;
  let bytes = 0;
  for (let copy = firstCopy; copy < firstCopy + copies; copy++) {
    for (const file of all) {
      if (limit !== undefined && files >= limit) return { files, bytes };
      const target = path.join(into, `copy-${copy}`, path.relative(root, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const text = fs.readFileSync(file);
      const marked = copy === 1 ? text : Buffer.concat([text, Buffer.from(`\n<!-- bench copy ${copy} -->\n`)]);
      fs.writeFileSync(target, marked);
      files++;
      bytes += marked.length;
    }
  }
  return { files, bytes };
}

export interface Server {
  child: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

/** `npm start` (scripts/start.ts) on the bench database; resolves once `/` answers 200. */
export async function startServer(
  opts: Pick<HttpBenchOptions, "dir" | "port">,
  serverEnv: Record<string, string>,
  log: (line: string) => void,
): Promise<Server> {
  const logFile = path.join(opts.dir, `server-${Date.now()}.log`);
  const out = fs.openSync(logFile, "a");
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
    env: childEnv({ PORT: String(opts.port), HOST: "127.0.0.1", ...serverEnv }),
    stdio: ["ignore", out, out],
    detached: false,
  });
  const base = `http://127.0.0.1:${opts.port}`;
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`the server stopped (exit ${exited}) before answering; its log: ${logFile}\n${tail(logFile)}`);
    try {
      const res = await fetch(base + "/", { signal: AbortSignal.timeout(10_000) });
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer within 30 minutes; its log: ${logFile}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  log(
    `server up at ${base} (${
      Object.entries(serverEnv)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ") || "defaults"
    }; log ${logFile})`,
  );
  return {
    child,
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
      }),
  };
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "";
  }
}
