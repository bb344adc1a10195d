// The two layouts of one aligned block pair: split (MODEL left, IDEAL right) and unified. Both are
// rendered; CSS shows one. Line numbers are permalinks (handled by <LineLinks>); folded runs expand
// 20 lines at a time or all at once (<DiffFold>; "show all" works without JavaScript).
import { type DiffRow, type DiffSegment } from "@/lib/diff/align";
import { foldRows, lineAnchor, unifiedLines } from "@/lib/diff/layout";
import { splitIndent } from "@/lib/render/indent";
import { foldPlace } from "@/lib/diff/fold";
import { DiffFold } from "./diff-fold";

// Short classes styled in globals.css ("Diff rows"): these repeat on every line of every layout.
const ROW_BG: Record<DiffRow["kind"], { left: string; right: string }> = {
  same: { left: "", right: "" },
  change: { left: " diff-del", right: " diff-add" },
  removed: { left: " diff-del", right: " diff-none" },
  added: { left: " diff-none", right: " diff-add" },
};

const NUM = "diff-num";
const CODE = "diff-code";

interface LineNumberProps {
  anchor: string;
  line: number;
  sideLabel: string;
}

/** A link, but not a tab stop: a page has hundreds of them (n/p and the fragment reach the lines). */
function LineNumber({ anchor, line, sideLabel }: LineNumberProps) {
  return (
    <a href={`#${anchor}`} data-line-anchor={anchor} tabIndex={-1} aria-label={`${sideLabel} line ${line}, copy link`}>
      {line}
    </a>
  );
}

/** Columns of leading indentation of a highlighted line (a tab counts as TAB_COLUMNS). */
export function indentOf(html: string): number {
  return splitIndent(html).columns;
}

/**
 * One line of code. Its indentation is padding (`--i` columns, globals.css), not text in the flow: a
 * wrapped line's rows all start under its text (GitHub-like), and the line number is never beside a
 * row of spaces. The indentation characters stay in the DOM, out of the flow, so copying keeps them.
 */
function Code({ html }: { html: string }) {
  const { indent, columns, rest } = splitIndent(html);
  if (!columns) return <code dangerouslySetInnerHTML={{ __html: html || " " }} />;
  return (
    <code
      style={{ "--i": columns } as React.CSSProperties}
      dangerouslySetInnerHTML={{ __html: `<span class="diff-indent">${indent}</span>${rest || " "}` }}
    />
  );
}

interface SegmentsProps {
  segments: DiffSegment[];
  render: (rows: DiffRow[]) => React.ReactNode;
}

function Segments({ segments, render }: SegmentsProps) {
  return segments.map((segment, i) =>
    segment.type === "rows" ? (
      <div key={i}>{render(segment.rows)}</div>
    ) : (
      <DiffFold key={i} place={foldPlace(i, segments.length)}>
        {render(segment.rows)}
      </DiffFold>
    ),
  );
}

export interface DiffRowsProps {
  /** The failure's key (Failure.key): line anchors are `failure-<key>-L12`. */
  failureNumber: number | string;
  pairIndex: number;
  rows: DiffRow[];
}

/** Split layout: each row is its own 4-column grid with fixed number columns, so columns line up. */
export function SplitDiff({ failureNumber, pairIndex, rows }: DiffRowsProps) {
  const anchor = (side: "L" | "R", line: number) => lineAnchor(failureNumber, pairIndex, side, line);
  const renderRows = (part: DiffRow[]) =>
    part.map((row) => {
      const left = row.kind === "added" ? null : row.left;
      const right = row.kind === "removed" ? null : row.right;
      const bg = ROW_BG[row.kind];
      return (
        <div
          key={`${left?.no ?? ""}-${right?.no ?? ""}`}
          className="diff-split"
          data-line={[left && anchor("L", left.no), right && anchor("R", right.no)].filter(Boolean).join(" ")}
          data-kind={row.kind}
        >
          <div className={NUM + bg.left}>{left && <LineNumber anchor={anchor("L", left.no)} line={left.no} sideLabel="MODEL" />}</div>
          <div className={CODE + bg.left}>{left ? <Code html={left.html} /> : <span className="sr-only">no MODEL line</span>}</div>
          <div className={`${NUM} diff-sep${bg.right}`}>
            {right && <LineNumber anchor={anchor("R", right.no)} line={right.no} sideLabel="IDEAL" />}
          </div>
          <div className={CODE + bg.right}>{right ? <Code html={right.html} /> : <span className="sr-only">no IDEAL line</span>}</div>
        </div>
      );
    });
  return <Segments segments={foldRows(rows)} render={renderRows} />;
}

const SIGN_BG = { " ": "", "-": " diff-del", "+": " diff-add" } as const;

/** Unified layout: MODEL lines (−) then IDEAL lines (+) per change run, both line numbers shown. */
export function UnifiedDiff({ failureNumber, pairIndex, rows }: DiffRowsProps) {
  return (
    <>
      <div className="diff-unified diff-legend" aria-hidden="true">
        <div className="diff-num diff-model">MODEL</div>
        <div className="diff-num diff-ideal">IDEAL</div>
        <div />
        <div className="diff-code">
          <span className="diff-model">− MODEL</span> <span className="diff-ideal">+ IDEAL</span>
        </div>
      </div>
      <UnifiedRows failureNumber={failureNumber} pairIndex={pairIndex} rows={rows} />
    </>
  );
}

function UnifiedRows({ failureNumber, pairIndex, rows }: DiffRowsProps) {
  const anchor = (side: "L" | "R", line: number) => lineAnchor(failureNumber, pairIndex, side, line);
  const renderRows = (part: DiffRow[]) =>
    unifiedLines(part).map((line) => (
      <div
        key={`${line.sign}${line.left ?? ""}-${line.right ?? ""}`}
        className={"diff-unified" + SIGN_BG[line.sign]}
        data-line={[line.left !== null && anchor("L", line.left), line.right !== null && anchor("R", line.right)].filter(Boolean).join(" ")}
      >
        <div className={NUM}>{line.left !== null && <LineNumber anchor={anchor("L", line.left)} line={line.left} sideLabel="MODEL" />}</div>
        <div className={NUM}>
          {line.right !== null && <LineNumber anchor={anchor("R", line.right)} line={line.right} sideLabel="IDEAL" />}
        </div>
        <div className="diff-sign" aria-hidden="true">
          {line.sign === " " ? "" : line.sign === "-" ? "−" : "+"}
        </div>
        <div className={CODE}>
          <span className="sr-only">{line.sign === "-" ? "MODEL only: " : line.sign === "+" ? "IDEAL only: " : ""}</span>
          <Code html={line.html} />
        </div>
      </div>
    ));
  return <Segments segments={foldRows(rows)} render={renderRows} />;
}

export interface SingleBlockProps {
  /** The failure's key (Failure.key): line anchors are `failure-<key>-L12`. */
  failureNumber: number | string;
  pairIndex: number;
  side: "L" | "R";
  lines: string[];
}

/** A block with no counterpart: all its lines, numbered, never folded. */
export function SingleBlock({ failureNumber, pairIndex, side, lines }: SingleBlockProps) {
  return lines.map((html, i) => {
    const a = lineAnchor(failureNumber, pairIndex, side, i + 1);
    return (
      <div key={i} className="diff-single" data-line={a}>
        <div className={NUM}>
          <LineNumber anchor={a} line={i + 1} sideLabel={side === "L" ? "MODEL" : "IDEAL"} />
        </div>
        <div className={CODE}>
          <Code html={html} />
        </div>
      </div>
    );
  });
}
