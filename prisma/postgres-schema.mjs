// The PostgreSQL schema is generated from the SQLite one (prisma/schema.prisma, the one source of the
// models): the same models and fields; only the generator output and the datasource differ. Run by
// `npm run db:generate` (and postinstall) before `prisma generate`, so the two never drift;
// prisma/postgres/schema.prisma is not committed. tests/data/schema-drift.test.ts checks that the file
// and both generated clients match prisma/schema.prisma. Plain Node (no tsx): postinstall runs it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA = path.join(HERE, "schema.prisma");
export const POSTGRES_SCHEMA = path.join(HERE, "postgres", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by prisma/postgres-schema.mjs (npm run db:generate): edit the
// models there, never here. The PostgreSQL client (lib/generated/postgres) is generated from this file;
// its migrations are prisma/postgres/migrations, applied by lib/data/pg-migrations.ts.
`;

/**
 * The PostgreSQL schema text for a SQLite schema text. Throws when the expected blocks are missing.
 * @param {string} sqlite
 * @returns {string}
 */
export function postgresSchemaFrom(sqlite) {
  const generator = /generator client \{[^}]*\}/;
  const datasource = /datasource db \{[^}]*\}/;
  if (!generator.test(sqlite) || !datasource.test(sqlite))
    throw new Error("prisma/schema.prisma: no `generator client` or `datasource db` block");
  if (/@db\.|Unsupported\(/.test(sqlite))
    throw new Error("prisma/schema.prisma: native types (@db.*, Unsupported) cannot be shared by both providers");
  const body = sqlite
    .replace(/^(\/\/[^\n]*\n)+\n*/, "")
    .replace(
      generator,
      `generator client {\n  provider   = "prisma-client"\n  output     = "../../lib/generated/postgres"\n  engineType = "client"\n}`,
    )
    .replace(
      datasource,
      `datasource db {\n  provider = "postgresql"\n  // A literal, never env(): \`prisma generate\` must work offline on a fresh clone (lib/db.ts connects).\n  url      = "postgresql://ignored@localhost/ignored"\n}`,
    );
  return `${HEADER}\n${body}`;
}

/** @returns {string} */
export function expectedPostgresSchema() {
  return postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());
}
