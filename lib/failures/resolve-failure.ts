// Where a failure link leads: `ref` is what the URL names (a key, or an old display number), resolved
// against the analysis's current failures and its alias table (every key and number ever used).
import type { Sqlite } from "../data/sqlite";

export type FailureTarget =
  /** A current failure: `key` is its canonical key (redirect there when the link named something else). */
  | { kind: "current"; key: string }
  /** The link named a failure this version of the document no longer has. */
  | { kind: "gone"; key: string; title: string };

export interface AliasRow {
  failureKey: string;
  title: string;
}

/**
 * `current`: the keys the analysis has now; `alias`: the alias row for a name, if any. Null when the
 * name never led anywhere in this analysis.
 */
export function resolveRef(ref: string, current: ReadonlySet<string>, alias: (name: string) => AliasRow | undefined): FailureTarget | null {
  if (current.has(ref)) return { kind: "current", key: ref };
  const row = alias(ref);
  if (!row) return null;
  if (current.has(row.failureKey)) return { kind: "current", key: row.failureKey };
  // The key's own row has its last known title (a number's row keeps the title it had then).
  return { kind: "gone", key: row.failureKey, title: alias(row.failureKey)?.title || row.title };
}

/** The same resolution read with SQLite directly (scripts and tests). */
export function resolveFailureIn(db: Sqlite, analysisId: number, ref: string): FailureTarget | null {
  const keys = db.prepare<[number], { key: string }>(`SELECT "key" AS key FROM "Failure" WHERE analysisId = ?`).all(analysisId);
  const alias = db.prepare<[number, string], AliasRow>(`SELECT failureKey, title FROM "FailureAlias" WHERE analysisId = ? AND alias = ?`);
  return resolveRef(ref, new Set(keys.map((k) => k.key)), (name) => alias.get(analysisId, name));
}
