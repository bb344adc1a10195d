// `npm run db:migrate`: creates the database named by DATABASE_URL and applies pending migrations.
import { databasePath } from "../lib/db-url";
import { migrateIfNeeded, pendingMigrations } from "../lib/data/migrations";

try {
  migrateIfNeeded();
  console.log(pendingMigrations().length ? "Migrations still pending." : `Database is up to date: ${databasePath()}`);
} catch (error) {
  console.error(`db:migrate: ${(error as Error).message}`);
  process.exit(1);
}
