import { afterEach, describe, expect, it, vi } from "vitest";
import { childEnv, env, EnvError, parseEnv, setEnv } from "@/lib/env";

describe("lib/env", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("gives the README's defaults for an empty environment", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({
      DATABASE_URL: undefined,
      PORT: 3000,
      HOST: "0.0.0.0",
      FAULTLINE_CONTENT: "content",
      FAULTLINE_ADMIN_TOKEN: undefined,
      FAULTLINE_WORKERS: undefined,
      FAULTLINE_TEST_HOOKS: false,
      NEXT_DIST_DIR: ".next",
      FAULTLINE_CACHE: true,
      FAULTLINE_CACHE_ENTRIES: 500,
      FAULTLINE_PAGE_CACHE_MB: 64,
      FAULTLINE_PG_OPTIONS: "-c jit=off -c max_parallel_workers_per_gather=0",
    });
    expect(parseEnv({ FAULTLINE_PG_OPTIONS: "-c jit=off" }).FAULTLINE_PG_OPTIONS).toBe("-c jit=off");
  });

  it("reads an empty value as unset", () => {
    expect(parseEnv({ FAULTLINE_CACHE: "", FAULTLINE_PUBLIC_URL: "", FAULTLINE_ADMIN_TOKEN: "", FAULTLINE_WORKERS: "" })).toMatchObject({
      FAULTLINE_CACHE: true,
      FAULTLINE_PUBLIC_URL: undefined,
      FAULTLINE_ADMIN_TOKEN: undefined,
      FAULTLINE_WORKERS: undefined,
    });
  });

  it("converts numbers and switches", () => {
    expect(
      parseEnv({
        FAULTLINE_WORKERS: "0",
        FAULTLINE_PROCESSES: " 4 ",
        FAULTLINE_PARSE_TIMEOUT_MS: "3000",
        FAULTLINE_CACHE: "off",
        FAULTLINE_TEST_HOOKS: "1",
      }),
    ).toMatchObject({
      FAULTLINE_WORKERS: 0,
      FAULTLINE_PROCESSES: 4,
      FAULTLINE_PARSE_TIMEOUT_MS: 3000,
      FAULTLINE_CACHE: false,
      FAULTLINE_TEST_HOOKS: true,
    });
  });

  it.each([
    [{ FAULTLINE_WORKERS: "many" }, 'FAULTLINE_WORKERS must be a whole number from 0 to 1024 (got "many")'],
    [{ FAULTLINE_PROCESSES: "0" }, 'FAULTLINE_PROCESSES must be a whole number from 1 to 256 (got "0")'],
    [{ PORT: "http" }, 'PORT must be a whole number from 0 to 65535 (got "http")'],
    [{ FAULTLINE_CACHE: "no" }, 'FAULTLINE_CACHE must be on or off (got "no")'],
    [{ FAULTLINE_PAGE_CACHE_MB: "lots" }, 'FAULTLINE_PAGE_CACHE_MB must be a number ≥ 0 (got "lots")'],
    [{ FAULTLINE_PARSE_MEMORY_MB: "-5" }, 'FAULTLINE_PARSE_MEMORY_MB must be a positive number (got "-5")'],
    [
      { FAULTLINE_PUBLIC_URL: "faultline.example" },
      'FAULTLINE_PUBLIC_URL must be an absolute URL (e.g. https://faultline.example) (got "faultline.example")',
    ],
  ])("names the variable it refuses: %j", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("never quotes a token or a URL's password", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://me:s3cret@db/x" })).toThrow(
      /^DATABASE_URL must be .* \(got "mysql:\/\/me:\*\*\*@db\/x"\)$/,
    );
    expect(() => parseEnv({ DATABASE_URL: "mysql://me:s3cret@db/x" })).not.toThrow(/s3cret/);
  });

  it("follows a change of the environment (tests set variables at run time)", () => {
    vi.stubEnv("FAULTLINE_PUBLIC_URL", "https://one.example");
    expect(env().FAULTLINE_PUBLIC_URL).toBe("https://one.example");
    expect(env()).toBe(env());
    vi.stubEnv("FAULTLINE_PUBLIC_URL", "https://two.example");
    expect(env().FAULTLINE_PUBLIC_URL).toBe("https://two.example");
  });

  it("sets a variable at run time for the next read, and removes it with undefined", () => {
    vi.stubEnv("FAULTLINE_CONTENT", "docs");
    setEnv("FAULTLINE_CONTENT", "reports,more");
    expect(env().FAULTLINE_CONTENT).toBe("reports,more");
    setEnv("FAULTLINE_CONTENT", undefined);
    expect(process.env.FAULTLINE_CONTENT).toBeUndefined();
    expect(env().FAULTLINE_CONTENT).toBe("content");
  });

  it("gives a child process this environment plus its own variables", () => {
    vi.stubEnv("FAULTLINE_CACHE", "off");
    const child = childEnv({ PORT: "3999", NEXT_TELEMETRY_DISABLED: "1" });
    expect(child).toMatchObject({ FAULTLINE_CACHE: "off", PORT: "3999", NEXT_TELEMETRY_DISABLED: "1" });
    expect(process.env.PORT).not.toBe("3999");
  });
});
