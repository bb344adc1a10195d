import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { makeDirectory } from "./lib/data/sqlite";
import { databasePath } from "./lib/db-url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => {
    // The CLI cannot create the folder itself and fails with an opaque "External error".
    makeDirectory(path.dirname(databasePath()));
    return new PrismaBetterSQLite3({ url: "file:" + databasePath() });
  },
});
