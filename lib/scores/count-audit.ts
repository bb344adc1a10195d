// The consistency audit of declared severity counts ("Critical: 2, High: 3" in a report's summary)
// against the failures the parser found. Two different findings:
//   - the document's counts disagree with its items: it declares more or fewer than it lists;
//   - the parser found items it could not grade (unknown severity): the items are there, the parser
//     did not tell their severity, so a shortfall they cover is the parser's, not the report's.
import { GRADED_SEVERITIES, type GradedSeverity } from "../domain";

export type { GradedSeverity };

export interface CountDifference {
  severity: GradedSeverity;
  declared: number;
  found: number;
}

export interface CountAudit {
  /** Per declared severity whose count differs from the graded failures found. */
  differences: CountDifference[];
  /**
   * True when every difference is a shortfall and the ungraded (unknown-severity) items found are
   * enough to cover them all: the counts would agree if the parser could grade those items.
   */
  explainedByUngraded: boolean;
}

export function auditCounts(
  declared: Record<GradedSeverity, number | null> | null,
  found: Record<GradedSeverity, number>,
  ungraded: number,
): CountAudit {
  if (!declared) return { differences: [], explainedByUngraded: false };
  const differences = GRADED_SEVERITIES.flatMap((severity) => {
    const d = declared[severity];
    return d !== null && d !== found[severity] ? [{ severity, declared: d, found: found[severity] }] : [];
  });
  const shortfall = differences.reduce((sum, d) => sum + Math.max(0, d.declared - d.found), 0);
  const explainedByUngraded = differences.length > 0 && differences.every((d) => d.found < d.declared) && shortfall <= ungraded;
  return { differences, explainedByUngraded };
}
