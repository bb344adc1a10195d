// MODEL vs IDEAL for one failure: each side's prose, then its code blocks paired by position and
// diffed line by line. A block without a counterpart is shown alone and labelled.
import type { Route } from "next";
import { alignBounded, blockLines } from "@/lib/diff/align";
import { diffStats, pairBlocks, type BlockLike } from "@/lib/diff/layout";
import { ClippedMarkdown } from "../clipped-text";
import { diffLimitMessage, singleBlockLimit } from "@/lib/diff/limit-message";
import type { DiffMode } from "@/lib/filters/view-params";
import { DiffModeLinks } from "../diff-mode-switch";
import { DiffLimitNote } from "./diff-limit-note";
import { SingleBlock, SplitDiff, UnifiedDiff } from "./diff-rows";
import type { StoredCodeBlock } from "@/lib/domain";

export interface FailureDiffProps {
  /** The failure's key (Failure.key): line anchors are `failure-<key>-L12`. */
  failureNumber: number | string;
  blocks: StoredCodeBlock[];
  modelText: string;
  idealText: string;
  /** The prose as stored at ingest (lib/render/prose.ts); null/absent: rendered from the text now. */
  modelHtml?: string | null;
  idealHtml?: string | null;
  mode: DiffMode;
  /**
   * The reader chose no layout (neither the URL nor the remembered cookie says): both are rendered and
   * the width picks — unified below the split breakpoint (md), split above (globals.css "diff-auto").
   */
  auto?: boolean;
  /** Hrefs that switch the page to each mode (all other URL state kept). */
  modeHrefs: Record<DiffMode, Route>;
}

function parseLines(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

function toBlockLike(block: StoredCodeBlock): BlockLike {
  return { position: block.position, lang: block.lang, value: block.value, linesHtml: parseLines(block.linesHtml) };
}

const SIDE_LABEL = "text-[11px] font-semibold uppercase tracking-wider";
const MODEL_LABEL = `${SIDE_LABEL} text-red-800 dark:text-red-300`;
const IDEAL_LABEL = `${SIDE_LABEL} text-emerald-800 dark:text-emerald-300`;

export function FailureDiff({
  failureNumber,
  blocks,
  modelText,
  idealText,
  modelHtml,
  idealHtml,
  mode,
  auto = false,
  modeHrefs,
}: FailureDiffProps) {
  const model = blocks.filter((b) => b.side === "model").map(toBlockLike);
  const ideal = blocks.filter((b) => b.side === "ideal").map(toBlockLike);
  const pairs = pairBlocks(model, ideal);
  const hasProse = Boolean(modelText.trim() || idealText.trim());
  if (!pairs.length && !hasProse) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">This failure has neither MODEL nor IDEAL content in the report.</p>;
  }
  return (
    <div className="space-y-3" data-diff-mode={auto ? "auto" : mode}>
      {hasProse && (
        <div className="grid gap-3 md:grid-cols-2">
          <Prose label="MODEL" labelClass={MODEL_LABEL} text={modelText} html={modelHtml} missing="The report gives no MODEL prose." />
          <Prose label="IDEAL" labelClass={IDEAL_LABEL} text={idealText} html={idealHtml} missing="The report gives no IDEAL prose." />
        </div>
      )}
      {pairs.map((pair) => {
        const lang = (pair.kind === "ideal-only" ? pair.ideal.lang : pair.model.lang) ?? (pair.kind === "pair" ? pair.ideal.lang : null);
        const title = pairs.length > 1 ? `Block ${pair.index + 1} of ${pairs.length}` : "Code";
        if (pair.kind !== "pair") {
          const isModel = pair.kind === "model-only";
          const block = isModel ? pair.model : pair.ideal;
          const lines = blockLines(block.value, block.linesHtml);
          return (
            <figure key={pair.index} className="overflow-hidden rounded-md border border-slate-200 dark:border-slate-700">
              <figcaption className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs dark:border-slate-700 dark:bg-slate-900">
                <span className="font-medium">{title}</span>
                <span className={isModel ? MODEL_LABEL : IDEAL_LABEL}>{isModel ? "MODEL only" : "IDEAL only"}</span>
                <span className="text-slate-600 dark:text-slate-300">
                  — {isModel ? "the IDEAL side has no matching block" : "the MODEL side has no matching block"}
                </span>
                {block.lang && <span className="ml-auto font-mono text-slate-600 dark:text-slate-300">{block.lang}</span>}
              </figcaption>
              <DiffLimitNote message={singleBlockLimit(lines.html.length).message} />
              <div className="hljs-block">
                <SingleBlock
                  failureNumber={failureNumber}
                  pairIndex={pair.index}
                  side={isModel ? "L" : "R"}
                  lines={lines.html.slice(0, singleBlockLimit(lines.html.length).shown)}
                />
              </div>
            </figure>
          );
        }
        const { rows, limits } = alignBounded(
          blockLines(pair.model.value, pair.model.linesHtml),
          blockLines(pair.ideal.value, pair.ideal.linesHtml),
        );
        const stats = diffStats(rows);
        const identical = stats.same === rows.length && limits.totalRows === rows.length;
        return (
          <figure key={pair.index} className="overflow-hidden rounded-md border border-slate-200 dark:border-slate-700">
            <figcaption className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs dark:border-slate-700 dark:bg-slate-900">
              <span className="font-medium">{title}</span>
              {lang && <span className="font-mono text-slate-600 dark:text-slate-300">{lang}</span>}
              <span className="text-slate-700 dark:text-slate-300">
                {identical ? (
                  "MODEL and IDEAL are identical"
                ) : (
                  <>
                    <span className="text-red-800 dark:text-red-300">−{stats.removed + stats.changed}</span>{" "}
                    <span className="text-emerald-800 dark:text-emerald-300">+{stats.added + stats.changed}</span>
                  </>
                )}
              </span>
              <DiffModeLinks mode={mode} auto={auto} hrefs={modeHrefs} />
            </figcaption>
            <DiffLimitNote message={diffLimitMessage(limits)} />
            {(auto || mode === "split") && (
              <div data-diff-view="split" className={auto ? "diff-auto-split" : undefined}>
                <div className="hidden grid-cols-2 border-b border-slate-200 text-center md:grid dark:border-slate-700" aria-hidden="true">
                  <span className={`${MODEL_LABEL} py-1`}>MODEL</span>
                  <span className={`${IDEAL_LABEL} border-l border-slate-200 py-1 dark:border-slate-700`}>IDEAL</span>
                </div>
                <SplitDiff failureNumber={failureNumber} pairIndex={pair.index} rows={rows} />
              </div>
            )}
            {(auto || mode === "unified") && (
              <div data-diff-view="unified" className={auto ? "diff-auto-unified" : undefined}>
                <UnifiedDiff failureNumber={failureNumber} pairIndex={pair.index} rows={rows} />
              </div>
            )}
          </figure>
        );
      })}
    </div>
  );
}

interface ProseProps {
  label: string;
  labelClass: string;
  text: string;
  html?: string | null;
  missing: string;
}

function Prose({ label, labelClass, text, html, missing }: ProseProps) {
  return (
    <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <p className={labelClass}>{label}</p>
      {text.trim() ? (
        <ClippedMarkdown text={text.trim()} html={html} className="mt-1 text-sm" />
      ) : (
        <p className="mt-1 text-sm text-slate-600 italic dark:text-slate-400">{missing}</p>
      )}
    </div>
  );
}
