// The one Prisma client, on the better-sqlite3 driver adapter; cached on globalThis outside production
// so dev-server reloads do not open a new connection each time.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { databasePath } from "./db-url";

const globalForPrisma = globalThis as unknown as { faultlinePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: "file:" + databasePath(), timeout: 5000 });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = globalForPrisma.faultlinePrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.faultlinePrisma = prisma;
