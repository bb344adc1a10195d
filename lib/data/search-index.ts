// The FTS5 search index (prisma/migrations/0002, 0003, 0005, 0012): one row per failure (its
// analysis's title, its title, root cause, MODEL/IDEAL text and code) and per analysis (title, task
// id, summary, failure titles), contentless (only rowids and bm25 ranks come back from a match; the
// text lives in the tables), Porter-stemmed ("passwords" finds "password").
// The store writes a document's rows with indexAnalysis in the document's own transaction; delete
// triggers remove them; rebuildSearchIndex repairs everything on demand. Both use the same SQL.
import type { Sqlite } from "./sqlite";

const ANALYSIS_ROWS = `
  INSERT INTO "analysis_fts" (rowid, title, task_id, summary, failure_titles)
  SELECT a.id, a.title, coalesce(a.taskId, ''), coalesce(a.summary, ''),
         coalesce((SELECT group_concat(f.title, char(10)) FROM "Failure" f WHERE f.analysisId = a.id), '')
  FROM "Analysis" a`;
const FAILURE_ROWS = `
  INSERT INTO "failure_fts" (rowid, analysis_title, title, root_cause, body, code)
  SELECT f.id, a.title, f.title, coalesce(f.rootCause, ''), f.modelText || char(10) || f.idealText,
         coalesce((SELECT group_concat(c.value, char(10)) FROM "CodeBlock" c WHERE c.failureId = f.id), '')
  FROM "Failure" f JOIN "Analysis" a ON a.id = f.analysisId`;

type Statement = ReturnType<Sqlite["prepare"]>;
const statements = new WeakMap<Sqlite, { deleteAnalysis: Statement; analysis: Statement; failures: Statement }>();

/** (Re)writes the index rows of one analysis and its failures; call after writing them. */
export function indexAnalysis(db: Sqlite, analysisId: number): void {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = {
      deleteAnalysis: db.prepare(`DELETE FROM "analysis_fts" WHERE rowid = ?`),
      analysis: db.prepare(`${ANALYSIS_ROWS} WHERE a.id = ?`),
      failures: db.prepare(`${FAILURE_ROWS} WHERE f.analysisId = ?`),
    };
    statements.set(db, prepared);
  }
  prepared.deleteAnalysis.run(analysisId);
  prepared.analysis.run(analysisId);
  prepared.failures.run(analysisId);
}

export function rebuildSearchIndex(db: Sqlite): { analyses: number; failures: number } {
  return db.transaction(() => {
    db.exec(`INSERT INTO "failure_fts" ("failure_fts") VALUES ('delete-all'); INSERT INTO "analysis_fts" ("analysis_fts") VALUES ('delete-all');`);
    const analyses = db.prepare(ANALYSIS_ROWS).run().changes;
    const failures = db.prepare(FAILURE_ROWS).run().changes;
    return { analyses, failures };
  })();
}

/**
 * Bounds on a full-text query. better-sqlite3 runs statements synchronously on the server's one
 * thread and offers no progress handler or interrupt from JavaScript, so a query cannot be stopped
 * once running: its cost is bounded by its shape instead. FTS5 cost grows with the doclists it
 * merges, and a prefix term reads the doclist of every indexed word with that prefix: "a*" is most
 * of the index (16 of them took 3.9 s of exclusive SQLite time on 5.5k analyses).
 */
export const FTS_LIMITS = {
  /** Distinct terms kept (in the order typed); the rest are ignored. */
  maxTerms: 8,
  /** Characters kept of each term (longer words are still found by their prefix). */
  maxTermLength: 32,
  /** Characters of input looked at. */
  maxInput: 256,
  /** Terms this long or longer match as prefixes ("encrypt" finds "encryption"). */
  prefixFrom: 3,
  /** Two-character terms that may still match as prefixes ("s3", "db"); later ones match whole words. */
  shortPrefixes: 2,
} as const;

export interface FtsTerm {
  /** One word, or the words of a phrase separated by single spaces. */
  text: string;
  prefix: boolean;
  /** A quoted phrase: its words must appear in this order, next to each other. */
  phrase?: boolean;
}

/** The searchable words of some text: NFKC, lower-cased, split on anything but letters, digits and "_". */
function wordsOf(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .map((w) => [...w].slice(0, FTS_LIMITS.maxTermLength).join(""));
}

/**
 * The terms of what a user typed. Quoted text ("engine version") is a phrase, `"..."*` a phrase
 * whose last word is a prefix; other words are split on anything but letters, digits and "_",
 * deduplicated, truncated and capped (FTS_LIMITS). Words of 3+ characters (and the first two
 * two-character ones) are prefixes, typed with a "*" or not ("encrypt*" and "encrypt" both find
 * "encryption"), and the index stems words ("passwords" finds "password"). One-character words are
 * whole words, and dropped when longer terms exist; a prefix that another kept word starts with is
 * implied by it.
 */
export function ftsTerms(input: string): FtsTerm[] {
  const text = input.slice(0, FTS_LIMITS.maxInput);
  const phrases: FtsTerm[] = [];
  const loose: string[] = [];
  // "..." phrases (an unclosed quote runs to the end), optionally followed by "*".
  const rest = text.replace(/"([^"]*)"?(\*)?/g, (_: string, inner: string, star: string | undefined) => {
    const words = wordsOf(inner).slice(0, FTS_LIMITS.maxTerms);
    if (words.length > 1) phrases.push({ text: words.join(" "), prefix: Boolean(star), phrase: true });
    else loose.push(...words);
    return " ";
  });
  loose.push(...wordsOf(rest));
  const words = [...new Set(loose)];
  const longer = words.filter((w) => [...w].length > 1);
  const kept = longer.length || phrases.length ? longer : words;
  // "encrypt" AND "encryption*" is "encryption*": drop prefixes of other kept words.
  const implied = (w: string) => [...w].length >= FTS_LIMITS.prefixFrom && kept.some((o) => o !== w && o.startsWith(w));
  let shortPrefixes = 0;
  const single = kept
    .filter((w) => !implied(w))
    .map((text) => {
      const length = [...text].length;
      const prefix = length >= FTS_LIMITS.prefixFrom || (length === 2 && shortPrefixes++ < FTS_LIMITS.shortPrefixes);
      return { text, prefix };
    });
  return [...phrases, ...single].slice(0, FTS_LIMITS.maxTerms);
}

/**
 * Turns what a user typed into a safe, bounded FTS5 query: each term or phrase quoted (operators and
 * punctuation in the input are never interpreted), a prefix term where FTS_LIMITS allows, all ANDed.
 * Returns null when nothing is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms = ftsTerms(input);
  if (!terms.length) return null;
  return terms.map(termQuery).join(" AND ");
}

/**
 * One term as FTS5 syntax. The index holds stems ("configuration" is stored as "configur"), and a
 * prefix typed past the stem ("configura") is not a prefix of it, so a prefix word of 6+ letters
 * also matches, as whole stems, itself shortened by 1 to STEM_SUFFIX letters but never below 5
 * (exact terms: one cheap lookup each, never another prefix scan; "timeout" never finds "time").
 */
function termQuery(term: FtsTerm): string {
  const quoted = `"${term.text.replace(/"/g, "")}"${term.prefix ? "*" : ""}`;
  const letters = [...term.text];
  if (!term.prefix || term.phrase || letters.length < 6 || !/^\p{L}+$/u.test(term.text)) return quoted;
  const shorter: string[] = [];
  for (let n = letters.length - 1; n >= Math.max(5, letters.length - STEM_SUFFIX); n--) shorter.push(`"${letters.slice(0, n).join("")}"`);
  return `(${[quoted, ...shorter].join(" OR ")})`;
}

/** Letters a Porter stem may drop from the end of a word that a typed prefix may still include. */
const STEM_SUFFIX = 3;

/**
 * The same terms as a PostgreSQL tsquery (for `to_tsquery('faultline', …)`, prisma/postgres/migrations/0002):
 * each term quoted (only letters, digits and "_" reach it), `:*` on prefixes, phrases as `<->`
 * chains, the same shorter stems for long prefix words, all ANDed. Returns null when nothing is left.
 */
export function toTsQuery(input: string): string | null {
  const terms = ftsTerms(input);
  if (!terms.length) return null;
  return terms.map(tsTermQuery).join(" & ");
}

function tsTermQuery(term: FtsTerm): string {
  const words = term.text.split(" ").map((w) => `'${w.replace(/[^\p{L}\p{N}_]/gu, "")}'`);
  if (term.prefix) words[words.length - 1] += ":*";
  const quoted = words.length > 1 ? `(${words.join(" <-> ")})` : words[0]!;
  const letters = [...term.text];
  if (!term.prefix || term.phrase || letters.length < 6 || !/^\p{L}+$/u.test(term.text)) return quoted;
  const shorter: string[] = [];
  for (let n = letters.length - 1; n >= Math.max(5, letters.length - STEM_SUFFIX); n--) shorter.push(`'${letters.slice(0, n).join("")}'`);
  return `(${[quoted, ...shorter].join(" | ")})`;
}
