// One set of models for both providers: prisma/postgres/schema.prisma is generated from
// prisma/schema.prisma (prisma/postgres-schema.mjs), both clients are generated from them, and the
// migrations of each provider build exactly the tables and columns the models name.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as SqliteNamespace from "@/lib/generated/prisma/internal/prismaNamespace";
import * as PostgresNamespace from "@/lib/generated/postgres/internal/prismaNamespace";
import { openSqlite } from "@/lib/data/sqlite";
import { pgMigrationNames } from "@/lib/data/pg-migrations";
import { expectedPostgresSchema, POSTGRES_SCHEMA } from "../../prisma/postgres-schema.mjs";
import { freshDatabase } from "../ingest/helpers";
import { createPostgresDatabase, dropPostgresDatabase, POSTGRES_TEST_URL } from "./pg-harness";

const FIX = "Run `npm run db:generate` (it writes prisma/postgres/schema.prisma from prisma/schema.prisma and generates both clients).";

/** model → its scalar columns, from a generated client's `<Model>ScalarFieldEnum` exports. */
function modelColumns(namespace: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(namespace)) {
    const model = /^(.+)ScalarFieldEnum$/.exec(name)?.[1];
    if (model && value && typeof value === "object") out[model] = Object.keys(value).sort();
  }
  return out;
}

const sqliteModels = modelColumns(SqliteNamespace as unknown as Record<string, unknown>);

describe("schema drift between SQLite and PostgreSQL", () => {
  it("prisma/postgres/schema.prisma is generated from prisma/schema.prisma and current", () => {
    const onDisk = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : "<missing>";
    expect(onDisk === expectedPostgresSchema(), `prisma/postgres/schema.prisma is stale. ${FIX}`).toBe(true);
  });

  it("both generated clients have the same models and fields", () => {
    expect(Object.keys(sqliteModels).length).toBeGreaterThan(10);
    expect(modelColumns(PostgresNamespace as unknown as Record<string, unknown>), `The two Prisma clients differ. ${FIX}`).toEqual(sqliteModels);
  });

  it("the SQLite migrations build every model's columns", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-drift-"));
    const db = openSqlite(freshDatabase(dir));
    try {
      for (const [model, columns] of Object.entries(sqliteModels)) {
        // table_xinfo: generated columns (Analysis.pickerText) too, which table_info leaves out.
        const have = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_xinfo('${model}')`).all().map((r) => r.name).sort();
        expect(have, `table "${model}" in prisma/migrations`).toEqual(columns);
      }
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!POSTGRES_TEST_URL)("PostgreSQL migrations", () => {
  let url = "";
  beforeAll(async () => {
    url = await createPostgresDatabase("faultline_drift");
  }, 120_000);
  afterAll(async () => {
    if (url) await dropPostgresDatabase(url);
  }, 60_000);

  it("every SQLite migration after the PostgreSQL baseline has a PostgreSQL translation of the same name", () => {
    const sqlite = fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const postgres = new Set(pgMigrationNames());
    const baseline = pgMigrationNames().find((n) => /^0001_schema_as_of_sqlite_(\d{4})$/.test(n));
    expect(baseline).toBeTruthy();
    const upTo = baseline!.slice(-4);
    const missing = sqlite.filter((name) => name.slice(0, 4) > upTo && !postgres.has(name));
    expect(missing, "SQLite migrations with no prisma/postgres/migrations counterpart").toEqual([]);
  });

  it("build every model's columns, and the full-text tables", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      const tables: Record<string, string[]> = {};
      for (const r of rows.rows) (tables[r.table_name] ??= []).push(r.column_name);
      for (const [model, columns] of Object.entries(sqliteModels)) expect((tables[model] ?? []).sort(), `table "${model}"`).toEqual(columns);
      expect(tables["failure_fts"]?.sort()).toEqual(["analysis_id", "document", "gaps", "id", "platform", "severity"]);
      expect(tables["analysis_fts"]?.sort()).toEqual(["document", "id"]);
    } finally {
      await client.end();
    }
  });
});
