// How many server processes `npm start` runs (issue 19): one per core unless FAULTLINE_PROCESSES says,
// and a bad value is refused naming the variable (FAULTLINE_WORKERS, the ingest's threads, is not it).
import os from "node:os";
import { describe, expect, it } from "vitest";
import { workerCount } from "../../scripts/start";

describe("npm start's process count", () => {
  it("is one per core by default and FAULTLINE_PROCESSES otherwise", () => {
    expect(workerCount(undefined)).toBe(Math.max(1, os.availableParallelism()));
    expect(workerCount("")).toBe(Math.max(1, os.availableParallelism()));
    expect(workerCount("1")).toBe(1);
    expect(workerCount("3")).toBe(3);
  });

  it("refuses what is not a whole number from 1, naming the variable", () => {
    for (const bad of ["0", "-2", "1.5", "two"])
      expect(() => workerCount(bad)).toThrow(/FAULTLINE_PROCESSES must be a whole number from 1 to 256 \(got "/);
  });
});
