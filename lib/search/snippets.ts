// Snippets for search results: the few words around what matched, with the matched words marked.
// The search index is contentless (it cannot give text back), so the texts of the one page of hits
// on screen are put into a small in-memory FTS5 table with the index's own tokenizer and asked for
// snippet(): the marked words are exactly the ones the query matched (stems, prefixes, phrases).
// The result is plain text segments; components render them (escaped by React) with <mark>.
import Database from "better-sqlite3";
import { ftsTerms, toFtsQuery } from "../data/search-index";

/** The index's tokenizer (prisma/migrations/0012): keep the two in step. */
export const SEARCH_TOKENIZER = "porter unicode61 remove_diacritics 2";

export interface SnippetPart {
  text: string;
  /** True for matched words. */
  mark: boolean;
}

export interface SnippetSource {
  id: number;
  /** Up to FIELDS texts (root cause, body, code…); the best-matching one gives the snippet. */
  fields: (string | null | undefined)[];
  /** Snippeted only when no field matches: text already on screen, e.g. the title. */
  fallback?: string | null;
}

const FIELDS = 4;
const COLUMNS = [...Array.from({ length: FIELDS }, (_, i) => `c${i}`), "fallback"];
/** Words of context in a snippet. */
export const SNIPPET_WORDS = 24;
/**
 * Characters of each field looked at: a snippet needs a few words, never a whole 100 KB code block
 * (tokenizing 25 of those took longer than the rest of the page). A longer field is cut to a window
 * around the first place one of the query's words starts (found by plain text search), or its start.
 */
const WINDOW = 1_500;
const WINDOW_BEFORE = 300;
// Private-use markers: removed from the text first, so the text can never forge a mark.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const ELLIPSIS = "\uE002";
const MARKERS = /[\uE000-\uE002]/g;

let memory: Database.Database | null = null;

/** Lower-case starts of the query's words (stems are shorter than words: "configuration" → "config"). */
function probesOf(q: string): string[] {
  return ftsTerms(q)
    .flatMap((t) => t.text.split(" "))
    .map((w) => [...w].slice(0, Math.max(3, [...w].length - 3)).join(""))
    .filter((w) => w.length > 1);
}

/** `text` cut to WINDOW characters around the first probe found in it (or its start). */
export function windowOf(text: string, probes: string[]): string {
  if (text.length <= WINDOW) return text;
  const lower = text.toLowerCase();
  let first = -1;
  for (const probe of probes) {
    const at = lower.indexOf(probe);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const start = first < 0 ? 0 : Math.max(0, first - WINDOW_BEFORE);
  return text.slice(start, start + WINDOW);
}

function table(): Database.Database {
  if (!memory) {
    memory = new Database(":memory:");
    memory.exec(`CREATE VIRTUAL TABLE snip USING fts5(${COLUMNS.join(", ")}, tokenize = '${SEARCH_TOKENIZER}')`);
  }
  return memory;
}

/** Splits snippet() output into parts; exported for tests. */
export function toParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  for (const piece of snippet.replaceAll(ELLIPSIS, "…").split(OPEN)) {
    const close = piece.indexOf(CLOSE);
    if (close < 0) push(piece, false);
    else {
      push(piece.slice(0, close), true);
      push(piece.slice(close + 1).replaceAll(CLOSE, ""), false);
    }
  }
  return parts;
}

/**
 * The snippet of each source that matches `q` (what the user typed), by source id. Sources that do
 * not match (or a `q` with no searchable words) get none. Synchronous, so concurrent requests never
 * share the table's rows.
 */
export function snippets(q: string | undefined, sources: SnippetSource[], words = SNIPPET_WORDS): Map<number, SnippetPart[]> {
  const out = new Map<number, SnippetPart[]>();
  const match = q ? toFtsQuery(q) : null;
  if (!match || !sources.length) return out;
  const probes = probesOf(q ?? "");
  const db = table();
  const insert = db.prepare(`INSERT INTO snip (rowid, ${COLUMNS.join(", ")}) VALUES (?, ${COLUMNS.map(() => "?").join(", ")})`);
  const select = db.prepare<[string, string, string, number, string], { id: number; s: string }>(
    `SELECT rowid AS id, snippet(snip, -1, ?, ?, ?, ?) AS s FROM snip WHERE snip MATCH ?`,
  );
  // Fields first; the fallback only for rows no field matched alone (column filters on the whole
  // query); then rows whose words are spread over fields and fallback.
  const queries = [`{${COLUMNS.slice(0, FIELDS).join(" ")}} : (${match})`, `{fallback} : (${match})`, match];
  db.transaction(() => {
    db.exec(`DELETE FROM snip`);
    const seen = new Set<number>();
    for (const source of sources) {
      if (seen.has(source.id)) continue;
      seen.add(source.id);
      const texts = [...Array.from({ length: FIELDS }, (_, i) => source.fields[i]), source.fallback];
      insert.run(source.id, ...texts.map((t) => windowOf(t ?? "", probes).replace(MARKERS, "")));
    }
    for (const query of queries) {
      for (const row of select.all(OPEN, CLOSE, ELLIPSIS, Math.max(1, Math.min(64, words)), query)) {
        if (out.has(row.id)) continue;
        const parts = toParts(row.s.replace(/\s+/g, " "));
        if (parts.some((p) => p.mark)) out.set(row.id, parts);
      }
    }
    db.exec(`DELETE FROM snip`);
  })();
  return out;
}
