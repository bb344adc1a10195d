// For the specs the "chromium" and "chromium-pg" projects share: which engine the server under test
// runs on, and the DATABASE_URL a spec gives the CLI it runs against that server's database
// (`npm run reviewers`, `npm run ingest`). Only callable inside a test or hook.
import { test } from "@playwright/test";
import { E2E_PG_SUITE_DATABASE, PG_SUITE_PROJECT, e2ePostgresUrl } from "./constants";

/** True when the running test belongs to the PostgreSQL project. */
export function onPostgres(): boolean {
  return test.info().project.name === PG_SUITE_PROJECT;
}

/** The server's database: the suite's throwaway PostgreSQL database, or the SQLite file (relative path) given. */
export function e2eDatabaseUrl(sqliteFile: string): string {
  return onPostgres() ? e2ePostgresUrl(E2E_PG_SUITE_DATABASE) : `file:./${sqliteFile}`;
}
