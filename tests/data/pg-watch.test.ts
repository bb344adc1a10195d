// Watch mode on PostgreSQL (issue 18): `npm run ingest -- --watch` against a PostgreSQL URL ingests at
// start, then again whenever a file changes (a change, a new file), and keeps working after the server
// dropped its connections (a restart): the next change reconnects. Runs only with
// FAULTLINE_TEST_POSTGRES_URL (tests/data/pg-harness.ts), in a throwaway database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { report, tempDir, write } from "../ingest/helpers";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "./pg-harness";

let url = "";
let dir = "";
let client: pg.Client;

async function titles(): Promise<string[]> {
  const { rows } = await client.query<{ title: string }>(`SELECT f."title" FROM "Failure" f JOIN "Analysis" a ON a."id" = f."analysisId" ORDER BY a."slug", f."number"`);
  return rows.map((r) => r.title);
}

describe.skipIf(!POSTGRES_TEST_URL)("ingest --watch on PostgreSQL", () => {
  beforeAll(async () => {
    url = await createPostgresDatabase("faultline_watch");
    dir = tempDir("faultline-pg-watch-");
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (url) await dropPostgresDatabase(url);
  });

  it("re-ingests a changed or new file at once, also after the server dropped its connections", async () => {
    const content = path.join(dir, "content");
    fs.mkdirSync(content);
    write(content, "a.md", report("101050001", [{ title: "First version", severity: "High" }]));
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", content, "--watch", "--workers", "0"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("Watching") && resolve());
        child.on("exit", (code) => reject(new Error(`watch exited early (${code})`)));
      });
      expect(await titles()).toEqual(["First version"]);
      write(content, "a.md", report("101050001", [{ title: "Second version", severity: "High" }]));
      write(content, "b.md", report("101050002", [{ title: "A new file", severity: "Low" }]));
      await expect.poll(titles, { timeout: 20_000, interval: 200 }).toEqual(["Second version", "A new file"]);

      // The server ends every other connection to the database (as a restart would).
      await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      write(content, "b.md", report("101050002", [{ title: "After the restart", severity: "Low" }]));
      await expect.poll(titles, { timeout: 20_000, interval: 200 }).toEqual(["Second version", "After the restart"]);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill("SIGTERM");
    }
  }, 90_000);
});
