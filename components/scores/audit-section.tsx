// The /scores consistency audit: documents whose declared counts disagree with their items, items the
// parser could not grade, and items whose severity differs from their section. Each list is short;
// the rest are one click away in the table filtered by the same audit.
import type { Route } from "next";
import Link from "next/link";
import { analysisName } from "@/lib/analyses/analysis-name";
import { AUDIT_LIST_LIMIT, type AuditList as Found, type AuditListKind, type ScoreRow } from "@/lib/scores/list-scores";
import { analysisHref } from "@/lib/routes";

/** Severity disagreements quoted per analysis; the analysis page shows every one. */
const MISMATCHES_QUOTED = 2;

function MoreInTable({ shown, total, href }: { shown: number; total: number; href: Route }) {
  if (total <= shown) return null;
  return (
    <p className="mt-2 text-sm">
      <Link href={href} className="text-blue-700 underline dark:text-blue-300">
        All {total} in the table
      </Link>{" "}
      <span className="text-slate-600 dark:text-slate-300">({total - shown} more not listed here)</span>
    </p>
  );
}

function AuditList({ rows, children }: { rows: ScoreRow[]; children: (r: ScoreRow) => React.ReactNode }) {
  return (
    <ul className="mt-2 space-y-2 text-sm">
      {rows.slice(0, AUDIT_LIST_LIMIT).map((r) => (
        <li key={r.slug} className="[overflow-wrap:anywhere]">
          <Link href={analysisHref(r.slug)} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
            {analysisName(r)}
          </Link>
          {children(r)}
        </li>
      ))}
    </ul>
  );
}

function Differences({ r }: { r: ScoreRow }) {
  return (
    <ul className="text-slate-700 dark:text-slate-300">
      {r.countDifferences.map((d) => (
        <li key={d.severity} className="tabular-nums">
          {d.severity}: declared {d.declared}, found {d.found}{" "}
          <span className={d.found < d.declared ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}>
            ({d.found - d.declared > 0 ? "+" : "−"}
            {Math.abs(d.found - d.declared)})
          </span>
        </li>
      ))}
    </ul>
  );
}

export function AuditSection({
  audit,
  showAll,
}: {
  /** Each finding's count among the rows shown, and the first AUDIT_LIST_LIMIT of them in the table's order. */
  audit: Record<AuditListKind, Found>;
  showAll: { counts: Route; ungraded: Route; severities: Route };
}) {
  const counts = audit["count-mismatch"];
  const ungraded = audit.ungraded;
  const severities = audit["severity-mismatch"];
  const box = "min-w-0 rounded-lg border border-slate-200 p-3 dark:border-slate-800";
  return (
    <section aria-labelledby="audit" className="space-y-3">
      <h2 id="audit" className="text-lg font-semibold">
        Consistency audit
      </h2>
      <div className="grid gap-4 xl:grid-cols-3">
        <div className={box}>
          <h3 className="font-medium">The document&apos;s counts disagree with its items ({counts.total})</h3>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            The summary declares more or fewer failures of a severity than the report lists, and items without a severity do not account for
            it.
          </p>
          {counts.total === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every summary that declares counts matches its failures.</p>
          ) : (
            <AuditList rows={counts.rows}>{(r) => <Differences r={r} />}</AuditList>
          )}
          <MoreInTable shown={AUDIT_LIST_LIMIT} total={counts.total} href={showAll.counts} />
        </div>
        <div className={box}>
          <h3 className="font-medium">The parser found items it could not grade ({ungraded.total})</h3>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Failures whose severity the parser could not tell (unknown): the report is not at fault for these.
          </p>
          {ungraded.total === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every failure found has a severity.</p>
          ) : (
            <AuditList rows={ungraded.rows}>
              {(r) => (
                <p className="text-slate-700 tabular-nums dark:text-slate-300">
                  {r.unknownCount} of {r.failureCount} without a severity
                  {r.countsExplainedByUngraded && (
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      they cover the gap between declared and found (
                      {r.countDifferences.map((d) => `${d.severity}: declared ${d.declared}, found ${d.found}`).join("; ")})
                    </span>
                  )}
                </p>
              )}
            </AuditList>
          )}
          <MoreInTable shown={AUDIT_LIST_LIMIT} total={ungraded.total} href={showAll.ungraded} />
        </div>
        <div className={box}>
          <h3 className="font-medium">Item severity differs from its section ({severities.total})</h3>
          {severities.total === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every failure sits under a section of its own severity.</p>
          ) : (
            <AuditList rows={severities.rows}>
              {(r) => (
                <ul className="list-disc pl-5 text-slate-700 dark:text-slate-300">
                  {r.severityMismatches.slice(0, MISMATCHES_QUOTED).map((w, i) => (
                    <li key={i}>
                      {w.line !== null && <span className="font-mono text-xs">line {w.line}: </span>}
                      {w.message}
                    </li>
                  ))}
                  {r.severityMismatches.length > MISMATCHES_QUOTED && (
                    <li className="list-none text-slate-600 dark:text-slate-400">
                      and {r.severityMismatches.length - MISMATCHES_QUOTED} more on the analysis page
                    </li>
                  )}
                </ul>
              )}
            </AuditList>
          )}
          <MoreInTable shown={AUDIT_LIST_LIMIT} total={severities.total} href={showAll.severities} />
        </div>
      </div>
    </section>
  );
}
