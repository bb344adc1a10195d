// The PostgreSQL write store's one query helper (lib/data/pg-store.ts and its parts).
import type { PgClient } from "./postgres";

// PostgreSQL text cannot hold NUL characters (SQLite can): they are dropped from stored text. The raw
// document keeps its exact bytes in rawBytes when that changes it (lib/data/store.ts's contract).
export const NUL = /\u0000/g;
export const clean = (value: unknown) => (typeof value === "string" ? value.replace(NUL, "") : value);

export async function q<T extends object = Record<string, unknown>>(client: PgClient, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, params.map(clean))).rows as T[];
}
