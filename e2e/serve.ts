// The e2e servers: each refuses anything but a throwaway data/e2e*.db database, recreates it from
// content/ and e2e/fixtures/, then runs the same prepare-and-serve path as `npm start`. With
// E2E_AFTER set (the private server), it first waits for the server at that URL to answer, so only one
// of them runs `next build`, and then serves the build that one made.
import fs from "node:fs";
import { databasePath } from "../lib/db-url";
import { prepareApp, serve } from "../scripts/start";

const file = databasePath();
if (!/[\\/]data[\\/]e2e[^\\/]*\.db$/.test(file)) {
  console.error(`e2e/serve.ts only runs on a throwaway data/e2e*.db database, not ${file}`);
  process.exit(1);
}

async function answered(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`the server at ${url} did not answer in time`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

async function main(): Promise<void> {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  const after = process.env.E2E_AFTER;
  if (after) await answered(after, Date.now() + 900_000);
  await prepareApp({ content: "content,e2e/fixtures", build: !after });
}

main().then(serve, (error: Error) => {
  console.error(`e2e server: ${error.message}`);
  process.exit(1);
});
