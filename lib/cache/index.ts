// In-process cache of shared query results keyed by the data version (lib/data/version.ts, bumped by
// database triggers on every write) and the query's inputs. A write by any process changes the version,
// so the next request misses and recomputes: nothing served is older than the last committed write.
// Entries hold the computation's promise, so concurrent identical requests compute once; a failed
// computation is dropped. Bounded: least recently used entries go beyond FAULTLINE_CACHE_ENTRIES
// (default 500), and every entry of an older version goes as soon as a newer one is seen.
// Only shared data goes in: never a viewer's identity, sign-in state or a reviewer's own marks.
// FAULTLINE_CACHE=off turns it off (the bench's "before" column).
import { dataVersion } from "../data/version";
import { env } from "../env";

interface Store {
  version: string;
  entries: Map<string, Promise<unknown>>;
  hits: number;
  misses: number;
}

const globalForCache = globalThis as unknown as { faultlineQueryCache?: Store };

export function cacheEnabled(): boolean {
  return env().FAULTLINE_CACHE;
}

function maxEntries(): number {
  return env().FAULTLINE_CACHE_ENTRIES;
}

function storeFor(version: string): Store {
  let store = globalForCache.faultlineQueryCache;
  if (!store || store.version !== version) {
    // Entries of another version can never be served again (their key names that version).
    store = { version, entries: new Map(), hits: store?.hits ?? 0, misses: store?.misses ?? 0 };
    globalForCache.faultlineQueryCache = store;
  }
  return store;
}

/**
 * `compute()`'s result for `key` at the current data version: computed once per version and key in
 * this process. `key` names the query and every input it depends on (JSON-serialisable). Callers
 * must treat the result as read-only: it is shared between requests.
 */
export async function cached<T>(key: readonly unknown[], compute: () => Promise<T>): Promise<T> {
  if (!cacheEnabled()) return compute();
  const version = await dataVersion();
  if (version === null) return compute();
  const store = storeFor(version);
  const id = JSON.stringify(key);
  const hit = store.entries.get(id) as Promise<T> | undefined;
  if (hit) {
    store.hits++;
    store.entries.delete(id);
    store.entries.set(id, hit);
    return hit;
  }
  store.misses++;
  const promise = compute();
  store.entries.set(id, promise);
  promise.catch(() => {
    if (store.entries.get(id) === promise) store.entries.delete(id);
  });
  for (const oldest of store.entries.keys()) {
    if (store.entries.size <= maxEntries()) break;
    store.entries.delete(oldest);
  }
  return promise;
}

/** Hits, misses and entries of this process's cache (the bench and tests read them). */
export function cacheStats(): { version: string | null; entries: number; hits: number; misses: number } {
  const store = globalForCache.faultlineQueryCache;
  return { version: store?.version ?? null, entries: store?.entries.size ?? 0, hits: store?.hits ?? 0, misses: store?.misses ?? 0 };
}

/** Forgets every entry (tests). */
export function clearCache(): void {
  delete globalForCache.faultlineQueryCache;
}
