// The store's half of link identities (see lib/ingest/identity.ts): picks a new analysis's slug against
// the slugs stored, keeps failure keys across re-ingests, records every slug, key and number ever
// reachable, and upgrades analyses stored before identities existed (migration 0010).
// Called by AnalysisStore inside its write transactions.
import type { ParsedAnalysis, ParsedFailure } from "../parser/types";
import { failureKeys, legacySlug, matchFailureKeys, slugCandidates, type StoredFailureIdentity } from "../ingest/identity";
import { defaultSourceKey } from "../ingest/source-key";
import type { Sqlite } from "./sqlite";

export interface NewAnalysisIdentity {
  sourcePath: string;
  sourceKey: string;
  candidates: string[];
}

interface Claim {
  /** Order among documents created in this run: the smaller claims a contested slug. */
  rank: string;
  candidates: string[];
}

/** A new document's identity: its root-relative path (ingest sets it; else derived) and slug candidates. */
export function newAnalysisIdentity(doc: { sourcePath: string; sourceKey?: string; record: ParsedAnalysis }): NewAnalysisIdentity {
  const sourceKey = doc.sourceKey ?? defaultSourceKey(doc.sourcePath);
  const r = doc.record;
  return {
    sourcePath: doc.sourcePath,
    sourceKey,
    candidates: slugCandidates({ taskId: r.taskId, title: r.title, platform: r.platform, firstFailureTitle: r.failures[0]?.title, sourceKey }),
  };
}

/** MODEL/IDEAL prose and code of a parsed failure: what identifies it when its title changes. */
export function failureContent(f: Pick<ParsedFailure, "model" | "ideal">): string {
  return [f.model.text, f.ideal.text, ...f.model.code.map((c) => c.value), ...f.ideal.code.map((c) => c.value)].join("\n");
}

export class IdentityStore {
  private readonly stmts;
  /** Analyses created through this store (one ingest run): their slugs were never served yet. */
  private readonly created = new Map<number, Claim>();

  constructor(private readonly db: Sqlite) {
    this.stmts = {
      slugOwner: db.prepare<[string], { id: number }>(`SELECT id FROM "Analysis" WHERE slug = ?`),
      setSlug: db.prepare(`UPDATE "Analysis" SET slug = ? WHERE id = ?`),
      setSourceKey: db.prepare(`UPDATE "Analysis" SET sourceKey = ? WHERE id = ?`),
      addSlugAlias: db.prepare(`INSERT OR IGNORE INTO "AnalysisAlias" (alias, analysisId) VALUES (?, ?)`),
      previousFailures: db.prepare<[number], { key: string; number: number; title: string; content: string }>(
        `SELECT f."key" AS key, f.number, f.title,
           f.modelText || char(10) || f.idealText || char(10) || coalesce((SELECT group_concat(value, char(10)) FROM
             (SELECT value FROM "CodeBlock" c WHERE c.failureId = f.id ORDER BY c.side DESC, c.position)), '') AS content
         FROM "Failure" f WHERE f.analysisId = ? ORDER BY f.number`,
      ),
      upsertKeyAlias: db.prepare(
        `INSERT INTO "FailureAlias" (analysisId, alias, failureKey, title) VALUES (?, ?, ?, ?)
         ON CONFLICT(analysisId, alias) DO UPDATE SET failureKey = excluded.failureKey, title = excluded.title`,
      ),
      // A number keeps naming the failure that had it first: links shared then must not move.
      addNumberAlias: db.prepare(`INSERT OR IGNORE INTO "FailureAlias" (analysisId, alias, failureKey, title) VALUES (?, ?, ?, ?)`),
      legacyAnalyses: db.prepare<[], { id: number; slug: string; sourcePath: string; title: string; taskId: string | null; platform: string | null; first: string | null }>(
        `SELECT a.id, a.slug, a.sourcePath, a.title, a.taskId, a.platform,
           (SELECT title FROM "Failure" f WHERE f.analysisId = a.id ORDER BY number LIMIT 1) AS first
         FROM "Analysis" a WHERE a.sourceKey IS NULL ORDER BY a.id`,
      ),
      placeholderAnalyses: db.prepare<[], { analysisId: number }>(`SELECT DISTINCT analysisId FROM "Failure" WHERE "key" LIKE '#%' OR "key" = ''`),
      failuresOf: db.prepare<[number], { id: number; number: number; title: string; key: string }>(
        `SELECT id, number, title, "key" AS key FROM "Failure" WHERE analysisId = ? ORDER BY number`,
      ),
      setFailureKey: db.prepare(`UPDATE "Failure" SET "key" = ? WHERE id = ?`),
      repointAliases: db.prepare(`UPDATE "FailureAlias" SET failureKey = ? WHERE analysisId = ? AND failureKey = ?`),
      needsUpgrade: db.prepare(
        `SELECT EXISTS (SELECT 1 FROM "Analysis" WHERE sourceKey IS NULL) OR EXISTS (SELECT 1 FROM "Failure" WHERE "key" LIKE '#%' OR "key" = '') AS pending`,
      ),
    };
  }

  /** The slug a new analysis gets: its first candidate no other analysis has (see `place`). */
  slugFor(identity: NewAnalysisIdentity): string {
    return this.place(rankOf(identity), identity.candidates, 0);
  }

  /**
   * Takes the first free candidate from `from` on. A candidate held by an analysis created earlier in
   * this same run by a document that sorts after this one is taken over (that analysis moves to its
   * next candidate): within a run the smaller path always wins, so the slugs do not depend on the
   * order parse workers finish in. Slugs from earlier runs are never taken.
   */
  private place(rank: string, candidates: string[], from: number): string {
    for (let i = from; i < candidates.length; i++) {
      const candidate = candidates[i]!;
      const owner = this.stmts.slugOwner.get(candidate);
      if (!owner) return candidate;
      const claim = this.created.get(owner.id);
      if (claim && rank < claim.rank) {
        const moved = this.place(claim.rank, claim.candidates, claim.candidates.indexOf(candidate) + 1);
        this.stmts.setSlug.run(moved, owner.id);
        return candidate;
      }
    }
    const base = candidates[0] ?? "analysis";
    for (let n = 2; ; n++) if (!this.stmts.slugOwner.get(`${base}-${n}`)) return `${base}-${n}`;
  }

  /** After a new analysis row is inserted: its source key, and its path-derived slug of old as an alias. */
  registerNew(id: number, slug: string, identity: NewAnalysisIdentity): void {
    this.created.set(id, { rank: rankOf(identity), candidates: identity.candidates });
    this.stmts.setSourceKey.run(identity.sourceKey, id);
    const legacy = legacySlug(identity.sourcePath);
    if (legacy !== slug && !this.stmts.slugOwner.get(legacy)) this.stmts.addSlugAlias.run(legacy, id);
  }

  /** Keys for a document's freshly parsed failures: those still there keep the key they had. */
  keysFor(analysisId: number | null, failures: ParsedFailure[]): string[] {
    const fresh = failures.map((f) => ({ title: f.title, content: failureContent(f) }));
    if (analysisId === null) return failureKeys(fresh.map((f) => f.title));
    this.upgradeFailureKeys(analysisId);
    const previous: StoredFailureIdentity[] = this.stmts.previousFailures.all(analysisId);
    return matchFailureKeys(previous, fresh);
  }

  /** After a document's failures are written: every key and number they are reachable by. */
  recordFailures(analysisId: number, failures: { number: number; title: string }[], keys: string[]): void {
    failures.forEach((f, i) => {
      const key = keys[i]!;
      this.stmts.upsertKeyAlias.run(analysisId, key, key, f.title);
      this.stmts.addNumberAlias.run(analysisId, String(f.number), key, f.title);
    });
  }

  /** Whether analyses or failures stored before migration 0010 still need their identities. */
  needsUpgrade(): boolean {
    return Boolean((this.stmts.needsUpgrade.get() as { pending: number }).pending);
  }

  /**
   * Gives analyses stored before identities existed a slug of the new scheme (the old one stays an
   * alias, written by migration 0010) and their failures real keys in place of "#<number>"
   * placeholders (the number aliases follow). Runs once; cheap to call when there is nothing to do.
   */
  upgrade(): { analyses: number; failures: number } {
    const done = { analyses: 0, failures: 0 };
    if (!this.needsUpgrade()) return done;
    this.db.transaction(() => {
      for (const id of this.stmts.placeholderAnalyses.all().map((r) => r.analysisId)) done.failures += this.upgradeFailureKeys(id);
      for (const a of this.stmts.legacyAnalyses.all()) {
        const sourceKey = defaultSourceKey(a.sourcePath);
        const candidates = slugCandidates({ taskId: a.taskId, title: a.title, platform: a.platform, firstFailureTitle: a.first, sourceKey });
        // Its own current slug is fine when it is one of the new scheme's candidates.
        const slug = candidates.find((c) => {
          const owner = this.stmts.slugOwner.get(c);
          return !owner || owner.id === a.id;
        }) ?? this.place(`${sourceKey}\u0000${a.sourcePath}`, candidates, candidates.length);
        this.stmts.addSlugAlias.run(a.slug, a.id);
        if (slug !== a.slug) this.stmts.setSlug.run(slug, a.id);
        this.stmts.setSourceKey.run(sourceKey, a.id);
        done.analyses++;
      }
    }).immediate();
    return done;
  }

  /** Replaces one analysis's placeholder failure keys with keys of their titles; returns how many. */
  private upgradeFailureKeys(analysisId: number): number {
    const rows = this.stmts.failuresOf.all(analysisId);
    const pending = rows.filter((r) => r.key === "" || r.key.startsWith("#"));
    if (!pending.length) return 0;
    const keep = new Set(rows.filter((r) => !pending.includes(r)).map((r) => r.key));
    const keys = failureKeys(pending.map((r) => r.title), keep);
    pending.forEach((row, i) => {
      const key = keys[i]!;
      this.stmts.setFailureKey.run(key, row.id);
      if (row.key) this.stmts.repointAliases.run(key, analysisId, row.key);
      this.stmts.upsertKeyAlias.run(analysisId, key, key, row.title);
      this.stmts.addNumberAlias.run(analysisId, String(row.number), key, row.title);
    });
    return pending.length;
  }
}

function rankOf(identity: NewAnalysisIdentity): string {
  return `${identity.sourceKey}\u0000${identity.sourcePath}`;
}
