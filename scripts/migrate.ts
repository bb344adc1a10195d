// `npm run db:migrate`: creates the database named by DATABASE_URL (a SQLite file, or the tables in a
// PostgreSQL database) and applies pending migrations.
import { describeDatabase } from "../lib/db-url";
import { migrateDatabase, pendingDatabaseMigrations } from "../lib/data/migrations";
import { closePgPool } from "../lib/data/postgres";

try {
  await migrateDatabase();
  console.log((await pendingDatabaseMigrations()).length ? "Migrations still pending." : `Database is up to date: ${describeDatabase()}`);
  await closePgPool();
} catch (error) {
  console.error(`db:migrate: ${(error as Error).message}`);
  process.exit(1);
}
