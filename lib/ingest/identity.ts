// Stable identities for links: an analysis's slug and each failure's key. Pure functions (no I/O);
// the store decides collisions against what is already stored and keeps identities once given.
//
// Analysis slug: the task id when the report has one, else a short readable name from the document
// (its file name when that says something, its title when that does, else its platform and first
// failure), never from the absolute folder it was ingested from, so two checkouts agree. Collisions
// get a deterministic suffix: the file's folder when readable, else a short hash of its path
// relative to the ingest root.
//
// Failure key: a slug of the failure's title, deduplicated within the document ("-2", "-3"); on
// re-ingest a failure that is still there keeps the key it had (see matchFailureKeys), so keys do not
// move when failures are inserted, dropped or re-titled by a parser upgrade.
import { createHash } from "node:crypto";
import { clipSlug as clip, toSlug } from "../domain/slug";

export const MAX_SLUG = 40;
const MAX_BASE = 34;
const MAX_KEY = 48;

/** Hex runs of 8+ characters mixing digits and letters (content hashes, commit ids) say nothing to a reader. */
function isNoise(word: string): boolean {
  return /^[0-9a-f]{8,}$/.test(word) && /\d/.test(word) && /[a-f]/.test(word);
}

function dropNoise(slug: string): string {
  return slug
    .split("-")
    .filter((w) => w && !isNoise(w))
    .join("-");
}

// Words every report title or file name uses: a name made only of these distinguishes nothing.
const GENERIC = new Set(
  (
    "model models response responses failure failures failed analysis analyses report reports md doc docs document " +
    "documentation and of the a an in for with to on from by issues issue fixes fix fixed fixing corrections correction " +
    "observed encountered resolved resolutions resolution improvements improvement applied ideal summary infrastructure " +
    "code quality review changes required current implementation final notes readme main index file lib task prompt " +
    "here are is be below following these this that fault faults error errors identified comprehensive comparison"
  ).split(" "),
);

/** The slug of `text` without noise words, or "" when nothing informative remains. */
function informative(text: string | null | undefined): string {
  const slug = dropNoise(toSlug(text ?? ""));
  const words = slug.split("-").filter(Boolean);
  // One telling word ("eks", "prompt") is not enough to tell reports apart; two usually are.
  if (words.filter((w) => !GENERIC.has(w) && /[a-z]{2,}/.test(w)).length < 2) return "";
  // Leading generic words ("model-failures-analysis-…") only lengthen the name.
  while (words.length > 1 && GENERIC.has(words[0]!)) words.shift();
  return words.join("-");
}

function shortHash(text: string, length: number): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return BigInt(`0x${hex.slice(0, 16)}`)
    .toString(36)
    .padStart(length, "0")
    .slice(0, length);
}

export interface SlugInput {
  taskId: string | null;
  title: string | null;
  platform: string | null;
  firstFailureTitle?: string | null;
  /** The file's path relative to the folder it was ingested from ("team-a/report.md"), or "upload:x.md". */
  sourceKey: string;
}

/** The readable part of the slug, before any collision suffix. */
export function slugBase(input: SlugInput): string {
  const task = dropNoise(toSlug(input.taskId ?? ""));
  if (task && /[a-z0-9]{2,}/.test(task)) return clip(task, MAX_BASE);
  const file =
    input.sourceKey
      .replace(/^upload:/, "")
      .split("/")
      .pop() ?? "";
  const named = informative(file) || informative(input.title);
  if (named) return clip(named, MAX_BASE);
  const platform = toSlug(input.platform ?? "");
  const first = informative(input.firstFailureTitle) || dropNoise(toSlug(input.firstFailureTitle ?? ""));
  return clip([platform, first].filter(Boolean).join("-") || "analysis", MAX_BASE);
}

/**
 * Slugs to try in order; the store takes the first one not already used. All derive from the
 * document and its root-relative path, so the same folder ingested anywhere gets the same slugs.
 */
export function slugCandidates(input: SlugInput): string[] {
  const base = slugBase(input);
  const folders = input.sourceKey
    .replace(/^upload:/, "")
    .split("/")
    .slice(0, -1)
    .reverse();
  const folder = folders.map((f) => dropNoise(toSlug(f))).find((f) => f && !base.includes(f)) ?? "";
  const out = [base];
  if (folder) out.push(clip(`${base}-${clip(folder, MAX_SLUG - base.length - 1)}`, MAX_SLUG));
  for (const length of [4, 6, 8, 11]) out.push(`${clip(base, MAX_SLUG - length - 1)}-${shortHash(input.sourceKey, length)}`);
  return [...new Set(out.filter(Boolean))];
}

/** The slug the pre-identity versions gave a document (path-derived): kept as an alias so old links work. */
export function legacySlug(sourcePath: string): string {
  return toSlug(sourcePath.replace(/^content\//, "").replace(/^upload:/, "")).slice(0, 80) || "analysis";
}

// ---------------------------------------------------------------------------------------------
// Failure keys

/** Words and marks that decorate a title without naming the failure: "(Critical)", "Fix 3:", "#2". */
function coreTitle(title: string): string {
  return title
    .replace(/\((?:[^()]*\b(?:critical|high|medium|low|severity|category|priority)\b[^()]*)\)/gi, " ")
    .replace(/\[(?:[^\]]*\b(?:critical|high|medium|low|severity)\b[^\]]*)\]/gi, " ")
    .replace(/^\s*(?:(?:fix|issue|failure|problem|error|finding)\s*)?(?:#\s*)?\d+(?:\.\d+)*\s*[:.)-]?\s*/i, "")
    .replace(/\s*[-–—|:]\s*(?:critical|high|medium|low)(?:\s+severity)?\s*$/i, "")
    .trim();
}

/** The key a failure title gives before deduplication: never empty, never only digits. */
export function failureKeyBase(title: string): string {
  const slug = clip(dropNoise(toSlug(coreTitle(title))) || dropNoise(toSlug(title)), MAX_KEY);
  if (!slug) return "failure";
  return /^\d+$/.test(slug) ? `failure-${slug}` : slug;
}

/** Keys for a document's failures in order: repeated titles get "-2", "-3"…, skipping keys in `taken`. */
export function failureKeys(titles: string[], taken: ReadonlySet<string> = new Set()): string[] {
  const used = new Set(taken);
  return titles.map((title) => {
    const base = failureKeyBase(title);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}

/** What the matcher knows about a failure, stored or freshly parsed. */
export interface FailureIdentityInput {
  title: string;
  /** MODEL/IDEAL text and code, for recognising a re-titled failure by what it says. */
  content: string;
}

export interface StoredFailureIdentity extends FailureIdentityInput {
  key: string;
}

function fingerprint(content: string): string {
  const normal = content.replace(/\s+/g, " ").trim();
  return normal.length >= 12 ? normal : "";
}

/**
 * The key each freshly parsed failure gets, given the failures stored before: one that is still
 * there keeps its old key (matched by title and content, then key, then title, then content alone),
 * the rest get new keys that clash with none kept.
 */
export function matchFailureKeys(previous: StoredFailureIdentity[], fresh: FailureIdentityInput[]): string[] {
  const result: (string | null)[] = fresh.map(() => null);
  const claimed = new Set<number>();
  const proposed = failureKeys(fresh.map((f) => f.title));
  const title = (f: FailureIdentityInput) => failureKeyBase(f.title);
  const passes: ((p: StoredFailureIdentity, f: FailureIdentityInput, i: number) => boolean)[] = [
    (p, f) => title(p) === title(f) && fingerprint(p.content) !== "" && fingerprint(p.content) === fingerprint(f.content),
    (p, _f, i) => p.key === proposed[i],
    (p, f) => title(p) === title(f),
    (p, f) => fingerprint(p.content) !== "" && fingerprint(p.content) === fingerprint(f.content),
  ];
  for (const same of passes) {
    fresh.forEach((f, i) => {
      if (result[i] !== null) return;
      const j = previous.findIndex((p, j) => !claimed.has(j) && same(p, f, i));
      if (j === -1) return;
      claimed.add(j);
      result[i] = previous[j]!.key;
    });
  }
  const kept = new Set(result.filter((k): k is string => k !== null));
  const used = new Set(kept);
  return result.map((key, i) => {
    if (key !== null) return key;
    const base = failureKeyBase(fresh[i]!.title);
    let next = base;
    for (let n = 2; used.has(next); n++) next = `${base}-${n}`;
    used.add(next);
    return next;
  });
}
