// The one Prisma client, on the better-sqlite3 driver adapter. Exposed through a thin proxy that
// reconnects when the database file is replaced (deleted and recreated, restored from a backup), so a
// running server recovers without a restart; cached on globalThis so dev reloads share it.
import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { databasePath } from "./db-url";

type Holder = { client: PrismaClient; inode: number | null };
const globalForPrisma = globalThis as unknown as { faultlinePrismaHolder?: Holder };

function inodeOf(file: string): number | null {
  try {
    return fs.statSync(file).ino;
  } catch {
    return null;
  }
}

function currentClient(): PrismaClient {
  const file = databasePath();
  const inode = inodeOf(file);
  const holder = globalForPrisma.faultlinePrismaHolder;
  if (holder && holder.inode === inode) return holder.client;
  // Never let a read create an empty database file where the real one is missing.
  if (inode === null) throw new Error(`The database file ${file} does not exist (DATABASE_URL). Run \`npm run db:migrate\`.`);
  if (holder) void holder.client.$disconnect().catch(() => {});
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: "file:" + file, timeout: 5000 }) });
  globalForPrisma.faultlinePrismaHolder = { client, inode };
  return client;
}

export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = currentClient();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
