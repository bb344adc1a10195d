// Severities: the list, their order (most severe first) and the weights of the failure load. The
// list itself is the parse record's (lib/parser/types.ts, re-exported so the parser stays
// self-contained); everything else that orders, ranks or weighs severities reads it from here.
import { GRADED_SEVERITIES, SEVERITIES, type Severity } from "../parser/types";

export { GRADED_SEVERITIES, SEVERITIES, type Severity };

/** A severity a failure can be graded with (not "unknown"): what a reviewer may propose. */
export type GradedSeverity = (typeof GRADED_SEVERITIES)[number];

/** 0 critical … 4 unknown: sorting by severity (stored as Failure.severityRank). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4 };

/** What one failure adds to its analysis's failure load (Analysis.failureLoad). */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = { critical: 8, high: 4, medium: 2, low: 1, unknown: 1 };

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export function isGradedSeverity(value: string): value is GradedSeverity {
  return (GRADED_SEVERITIES as readonly string[]).includes(value);
}

/** A stored severity string's rank; a string that is no severity sorts after all of them. */
export function severityRank(value: string): number {
  return isSeverity(value) ? SEVERITY_RANK[value] : SEVERITIES.length;
}

/** Comparator: most severe first. */
export function bySeverity(a: string, b: string): number {
  return severityRank(a) - severityRank(b);
}

/** The severity-weighted failure load of some failures: critical 8, high 4, medium 2, low 1, unknown 1. */
export function failureLoad(failures: readonly { severity: Severity }[]): number {
  return failures.reduce((sum, f) => sum + SEVERITY_WEIGHT[f.severity], 0);
}
