// The process environment, in one place: DATABASE_URL and every FAULTLINE_* variable (plus PORT,
// HOST, NEXT_DIST_DIR, and PGUSER/USER for naming a PostgreSQL user), validated by one zod schema. An empty value is the same as an unset one (numbers,
// switches and the header name are trimmed first; tokens, URLs and paths are taken as given). A value
// the schema refuses throws an error naming the variable and what it accepts, the first time any
// variable is read, instead of silently falling back.
//
// `env()` parses once and keeps the result; it parses again only when one of these variables has
// changed since (tests and the bench set them at run time; a server never does). Imports nothing of
// ours, so any layer (scripts, the proxy, the data layer, pages) may use it. Child processes get the
// environment through childEnv(), and a run-time switch (the bench's database) goes through setEnv().
import { z } from "zod";

/** The variables this module reads, in the order of the README's Environment table. */
export const ENV_NAMES = [
  "DATABASE_URL",
  "PORT",
  "HOST",
  "FAULTLINE_CONTENT",
  "FAULTLINE_ADMIN_TOKEN",
  "FAULTLINE_READ_TOKEN",
  "FAULTLINE_GAPS_FILE",
  "FAULTLINE_WORKERS",
  "FAULTLINE_PARSE_TIMEOUT_MS",
  "FAULTLINE_PARSE_MEMORY_MB",
  "FAULTLINE_TEST_HOOKS",
  "NEXT_DIST_DIR",
  "FAULTLINE_PROCESSES",
  "FAULTLINE_SERVE_WORKER",
  "FAULTLINE_CACHE",
  "FAULTLINE_CACHE_ENTRIES",
  "FAULTLINE_PAGE_CACHE_MB",
  "FAULTLINE_PUBLIC_URL",
  "FAULTLINE_TRUSTED_USER_HEADER",
  "FAULTLINE_PG_OPTIONS",
  "FAULTLINE_TEST_POSTGRES_URL",
  "PGUSER",
  "USER",
] as const;

export type EnvName = (typeof ENV_NAMES)[number];

/** Unset or empty → undefined; otherwise the value as given. */
const text = () =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v));

/** Unset, empty or blank → undefined; otherwise the value, trimmed (numbers, names, switches). */
const trimmed = () =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** A whole number in [min, max] written in decimal, or undefined when unset. */
const wholeNumber = (min: number, max: number) =>
  trimmed().pipe(
    z
      .string()
      .regex(/^\d+$/, `a whole number from ${min} to ${max}`)
      .transform(Number)
      .pipe(z.number().int().min(min, `a whole number from ${min} to ${max}`).max(max, `a whole number from ${min} to ${max}`))
      .optional(),
  );

/** A positive number (milliseconds, megabytes), or undefined when unset. */
const positiveNumber = () =>
  trimmed().pipe(
    z
      .string()
      .refine((v) => Number.isFinite(Number(v)) && Number(v) > 0, "a positive number")
      .transform(Number)
      .optional(),
  );

/** A number ≥ 0 (a size where 0 turns something off), or undefined when unset. */
const nonNegativeNumber = () =>
  trimmed().pipe(
    z
      .string()
      .refine((v) => Number.isFinite(Number(v)) && Number(v) >= 0, "a number ≥ 0")
      .transform(Number)
      .optional(),
  );

/** "1" turns a flag on; unset or empty leaves it off; anything else is refused. */
const flag = () =>
  trimmed().pipe(
    z
      .enum(["0", "1"], "1 (on) or 0 (off)")
      .transform((v) => v === "1")
      .optional()
      .transform((v) => v ?? false),
  );

const isDatabaseUrl = (url: string) => url.startsWith("file:") || /^postgres(ql)?:\/\//i.test(url);
const isAbsoluteUrl = (url: string) => {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
};

export const envSchema = z.object({
  /** `file:…` (SQLite) or `postgres(ql)://…`; unset = lib/db-url.ts's default file. */
  DATABASE_URL: text().refine(
    (v) => v === undefined || isDatabaseUrl(v),
    'a SQLite file URL like "file:./data/faultline.db" or a PostgreSQL URL like "postgresql://user:password@host:5432/faultline"',
  ),
  /** Port `npm start` and `npm run dev` serve on. */
  PORT: wholeNumber(0, 65535).transform((v) => v ?? 3000),
  /** Interface `npm start` listens on. */
  HOST: trimmed().transform((v) => v ?? "0.0.0.0"),
  /** Folders (comma-separated) `npm start` and `npm run ingest` read by default. */
  FAULTLINE_CONTENT: text().transform((v) => v ?? "content"),
  /** Token required for uploads and other writes; unset = writes disabled. */
  FAULTLINE_ADMIN_TOKEN: text(),
  /** When set, every page and read API needs it. */
  FAULTLINE_READ_TOKEN: text(),
  /** The knowledge-gap taxonomy file; unset = content/knowledge-gaps.json (lib/ingest/taxonomy-file.ts). */
  FAULTLINE_GAPS_FILE: text(),
  /** Parse worker threads during ingest; 0 = parse in the ingest thread; unset = one per core (≤ 8). */
  FAULTLINE_WORKERS: wholeNumber(0, 1024),
  /** Time limit per document in a parse worker. */
  FAULTLINE_PARSE_TIMEOUT_MS: positiveNumber(),
  /** Heap limit of each parse worker. */
  FAULTLINE_PARSE_MEMORY_MB: positiveNumber(),
  /** Tests only: lets a document stall or exhaust its parse worker. */
  FAULTLINE_TEST_HOOKS: flag(),
  /** Next.js build folder. */
  NEXT_DIST_DIR: text().transform((v) => v ?? ".next"),
  /** Server processes `npm start` runs; unset = one per core. */
  FAULTLINE_PROCESSES: wholeNumber(1, 256),
  /** Set by `npm start` in its cluster workers. */
  FAULTLINE_SERVE_WORKER: flag(),
  /** `off` turns off the data-version cache and ETags. */
  FAULTLINE_CACHE: trimmed().pipe(
    z
      .enum(["on", "off"], "on or off")
      .optional()
      .transform((v) => v !== "off"),
  ),
  /** Query results each server process keeps. */
  FAULTLINE_CACHE_ENTRIES: wholeNumber(1, 10_000_000).transform((v) => v ?? 500),
  /** Megabytes of rendered pages each server process keeps (lib/cache/page-cache.ts); 0 = none. */
  FAULTLINE_PAGE_CACHE_MB: nonNegativeNumber().transform((v) => v ?? 64),
  /** Public origin for absolute URLs (link previews, downloads, the sign-in origin check). */
  FAULTLINE_PUBLIC_URL: text().refine((v) => v === undefined || isAbsoluteUrl(v), "an absolute URL (e.g. https://faultline.example)"),
  /** Header an authenticating proxy sets to the reviewer's name. */
  FAULTLINE_TRUSTED_USER_HEADER: trimmed(),
  /**
   * The settings each PostgreSQL connection starts with (libpq `options`). Faultline's page queries take
   * milliseconds: JIT compiling a plan took 40–650 ms, and launching parallel workers 25–40 ms on a
   * 2-core server, more than either saved (README, Running for a team).
   */
  FAULTLINE_PG_OPTIONS: text().transform((v) => v ?? "-c jit=off -c max_parallel_workers_per_gather=0"),
  /** Admin URL of a throwaway PostgreSQL server for the PostgreSQL tests and `bench --db postgres`. */
  FAULTLINE_TEST_POSTGRES_URL: text().refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//i.test(v),
    "a PostgreSQL URL like postgresql://postgres@127.0.0.1:5432/postgres",
  ),
  /** Not set by Faultline: the user the PostgreSQL driver connects as when DATABASE_URL names none (PGUSER, else USER). */
  PGUSER: text(),
  USER: text(),
});

export type Env = z.output<typeof envSchema>;

/** A refused value as an error message may quote it: tokens hidden, URL passwords masked. */
function shown(variable: string, value: string): string {
  if (variable.endsWith("_TOKEN")) return "a value that is not shown";
  return `"${value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*):[^/@]*@/i, "$1:***@")}"`;
}

/** An environment variable with a value the schema refuses; the message names it. */
export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
    expected: string,
  ) {
    super(`${variable} must be ${expected} (got ${shown(variable, value)})`);
    this.name = "EnvError";
  }
}

/** Validates `source` (process.env by default) without caching: throws EnvError for the first bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const picked = Object.fromEntries(ENV_NAMES.map((name) => [name, source[name]]));
  const result = envSchema.safeParse(picked);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? "environment");
  throw new EnvError(variable, source[variable] ?? "", issue.message);
}

let cached: { key: string; env: Env } | null = null;

/** The validated environment: parsed once, again only when one of its variables changed. */
export function env(): Env {
  const key = ENV_NAMES.map((name) => process.env[name] ?? "\u0000").join("\u0001");
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}

/** The environment a child process (next, prisma, a server, an ingest) starts with: this one's, plus `extra`. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Sets (undefined: removes) a variable of this process at run time; the next env() reads it. */
export function setEnv(name: EnvName, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
