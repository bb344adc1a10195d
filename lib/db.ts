// The one Prisma client, chosen by DATABASE_URL: SQLite (`file:`, the better-sqlite3 driver adapter) or
// PostgreSQL (`postgres://`, `postgresql://`, the pg driver adapter). Both clients are generated from
// the same models (prisma/schema.prisma, and prisma/postgres/schema.prisma made from it), so the
// PostgreSQL one is typed as the SQLite one. Exposed through a thin proxy that picks the client per
// call: on SQLite it reconnects when the database file is replaced (deleted and recreated, restored from
// a backup), so a running server recovers without a restart; on PostgreSQL the pool reconnects by
// itself after a server restart. Cached on globalThis so dev reloads share it.
import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgres/client";
import { databasePath, databaseProvider, databaseUrl } from "./db-url";
import { pgConnectionConfig } from "./data/postgres";

type Holder = { url: string; client: PrismaClient; inode: number | null };
const globalForPrisma = globalThis as unknown as { faultlinePrismaHolder?: Holder; faultlinePostgresClients?: Map<string, PrismaClient> };

function inodeOf(file: string): number | null {
  try {
    return fs.statSync(file).ino;
  } catch {
    return null;
  }
}

function postgresClient(url: string): PrismaClient {
  const clients = (globalForPrisma.faultlinePostgresClients ??= new Map());
  let client = clients.get(url);
  if (!client) {
    // The app's connection settings (lib/data/postgres.ts). Idle connections are kept 10 minutes, not
    // pg's 10 s: a new connection's first reads are slow (its server process maps the shared buffers page
    // by page: a text search took 0.4-0.7 s on a fresh connection and 45 ms on a used one), so a reader
    // pausing between pages should not meet new ones.
    const adapter = new PrismaPg({ ...pgConnectionConfig(url), max: 10, idleTimeoutMillis: 600_000 });
    // Same models, other provider: only the transaction isolation levels' types differ.
    client = new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
    clients.set(url, client);
  }
  return client;
}

function currentClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseProvider(url) === "postgres") return postgresClient(url);
  const file = databasePath(url);
  const inode = inodeOf(file);
  const holder = globalForPrisma.faultlinePrismaHolder;
  if (holder && holder.url === url && holder.inode === inode) return holder.client;
  // Never let a read create an empty database file where the real one is missing.
  if (inode === null) throw new Error(`The database file ${file} does not exist (DATABASE_URL). Run \`npm run db:migrate\`.`);
  if (holder) void holder.client.$disconnect().catch(() => {});
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: "file:" + file, timeout: 5000 }) });
  globalForPrisma.faultlinePrismaHolder = { url, client, inode };
  return client;
}

export const prisma = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = currentClient();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
