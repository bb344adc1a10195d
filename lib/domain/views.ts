// The ways a page can show an analysis or a failure, as its URL names them.

/** How MODEL vs IDEAL code is laid out: side by side (the default) or one column. */
export const DIFF_MODES = ["split", "unified"] as const;
export type DiffMode = (typeof DIFF_MODES)[number];

/** What an analysis page shows: its failures (the default) or the raw Markdown. */
export const ANALYSIS_VIEWS = ["failures", "raw"] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];
