// The full-text query is normalized and bounded: a `q` of 16 repeated short terms once cost 3.9 s of
// exclusive SQLite time per request (every "a"* reads most of the index), while ordinary queries must
// find exactly what they found before.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FTS_LIMITS, ftsTerms, toFtsQuery } from "@/lib/data/search-index";

describe("toFtsQuery on hostile input", () => {
  it("reads 16 repeated one-letter terms as one whole-word term", () => {
    expect(toFtsQuery("a ".repeat(16))).toBe('"a"');
    expect(toFtsQuery("A a á a ".repeat(4))).toBe('"a" AND "á"');
  });

  it("never makes a one-letter prefix, and drops one-letter words next to longer ones", () => {
    expect(toFtsQuery("a b c d e f g h i j k l m n o p")).toBe('"a" AND "b" AND "c" AND "d" AND "e" AND "f" AND "g" AND "h"');
    expect(toFtsQuery("x bucket y")).toBe('("bucket"* OR "bucke")');
  });

  it("keeps at most 8 distinct terms and 2 two-letter prefixes", () => {
    const terms = ftsTerms("de se co re in pr st ex ap to ma lo ca pa ta da");
    expect(terms).toHaveLength(FTS_LIMITS.maxTerms);
    expect(terms.filter((t) => t.prefix).map((t) => t.text)).toEqual(["de", "se"]);
    expect(toFtsQuery("de se co re in pr st ex ap to")).toBe('"de"* AND "se"* AND "co" AND "re" AND "in" AND "pr" AND "st" AND "ex"');
  });

  it("deduplicates whatever the case and drops prefixes implied by a longer term", () => {
    expect(toFtsQuery("Bucket bucket BUCKET buck")).toBe('("bucket"* OR "bucke")');
    expect(toFtsQuery("encrypt encryption at rest")).toBe(
      '("encryption"* OR "encryptio" OR "encrypti" OR "encrypt") AND "at"* AND "rest"*',
    );
  });

  it("truncates long words and ignores input past 256 characters", () => {
    expect(toFtsQuery("x".repeat(500))).toMatch(
      new RegExp(`^\\("${"x".repeat(32)}"\\* OR "${"x".repeat(31)}" OR "${"x".repeat(30)}" OR "${"x".repeat(29)}"\\)$`),
    );
    expect(toFtsQuery(`${" ".repeat(300)}hidden`)).toBeNull();
  });

  it("still never passes FTS5 syntax through", () => {
    expect(toFtsQuery('NEAR("a" OR b*) AND -c ^d')).toBe('"near"* AND "or"* AND "and"*');
    expect(toFtsQuery('"" * ( ) : ^')).toBeNull();
  });
});

// The query the app built before the bounds: every term a prefix, in order, at most 16.
const unbounded = (input: string) =>
  input
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .slice(0, 16)
    .map((t) => `"${t.replace(/"/g, "")}"*`)
    .join(" AND ");

describe("toFtsQuery on ordinary input", () => {
  const docs = [
    "Hardcoded database password in source code",
    "S3 bucket without server-side encryption at rest",
    "IAM policy grants s3:* on every bucket",
    "Security group open to 0.0.0.0/0 on port 22",
    "Lambda timeout too short for the DB migration",
    "KMS key rotation disabled for the encryption key",
    "Missing VPC flow logs",
    "CloudWatch alarm never triggers: wrong metric namespace",
    "RDS instance publicly accessible; no deletion protection",
    "Café menu service uses unencrypted HTTP",
  ];
  const db = new Database(":memory:");
  db.exec(
    `CREATE VIRTUAL TABLE t USING fts5(body, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2')`,
  );
  docs.forEach((body, i) => db.prepare(`INSERT INTO t (rowid, body) VALUES (?, ?)`).run(i + 1, body));
  const match = (query: string) =>
    db
      .prepare<[string], { rowid: number }>(`SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid`)
      .all(query)
      .map((r) => r.rowid);

  it("finds exactly the rows the unbounded query found", () => {
    const queries = [
      "s3 bucket",
      "hardcoded password",
      "encryption at rest",
      "IAM policy",
      "encrypt",
      "db migration",
      "cafe",
      "Security-group port 22",
      "kms key",
      "vpc flow logs",
      "no",
    ];
    for (const q of queries) {
      const bounded = toFtsQuery(q);
      expect(bounded, q).not.toBeNull();
      expect(match(bounded!), q).toEqual(match(unbounded(q)));
      expect(match(bounded!).length, q).toBeGreaterThan(0);
    }
  });

  it("writes ordinary queries as before, longer prefixes also matching the stems they may run past", () => {
    expect(toFtsQuery("s3 bucket")).toBe('"s3"* AND ("bucket"* OR "bucke")');
    expect(toFtsQuery("db port")).toBe('"db"* AND "port"*');
    expect(toFtsQuery("hardcoded password")).toBe(
      '("hardcoded"* OR "hardcode" OR "hardcod" OR "hardco") AND ("password"* OR "passwor" OR "passwo" OR "passw")',
    );
  });
});

describe("toFtsQuery phrases", () => {
  it("keeps quoted words together as a phrase, a trailing * making its last word a prefix", () => {
    expect(toFtsQuery('"engine version" rds')).toBe('"engine version" AND "rds"*');
    expect(toFtsQuery('"engine vers"*')).toBe('"engine vers"*');
    expect(toFtsQuery('"unclosed phrase')).toBe('"unclosed phrase"');
    expect(toFtsQuery('"one"')).toBe('"one"*');
    expect(toFtsQuery('"a" "b c"')).toBe('"b c"');
  });
});
