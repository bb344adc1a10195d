// Human-readable ingest output: a progress bar on a terminal, plain lines otherwise, and a summary.
import cliProgress from "cli-progress";
import type { IngestProgress, IngestSummary } from "./ingest";

export interface ProgressReporter {
  onProgress(event: IngestProgress): void;
  stop(): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: "ingest [{bar}] {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {file}", hideCursor: true, stream },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    let begun = false;
    return {
      onProgress(event) {
        if (!begun) {
          bar.start(event.total, 0, { rate: "0", file: "" });
          begun = true;
        }
        const rate = event.done / Math.max(0.001, (Date.now() - started) / 1000);
        bar.update(event.done, { rate: rate.toFixed(0), file: event.sourcePath.slice(-40) });
      },
      stop: () => begun && bar.stop(),
    };
  }
  // Not a terminal: a line per changed or failed file, and a count every 10 %.
  let lastTenth = -1;
  const started = Date.now();
  return {
    onProgress(event) {
      if (event.status !== "unchanged") stream.write(`${event.status.padEnd(9)} ${event.sourcePath}\n`);
      const tenth = Math.floor((event.done / Math.max(1, event.total)) * 10);
      if (tenth !== lastTenth && event.total >= 50) {
        lastTenth = tenth;
        const seconds = (Date.now() - started) / 1000;
        const rate = event.done / Math.max(0.001, seconds);
        const eta = (event.total - event.done) / Math.max(0.001, rate);
        stream.write(`progress  ${event.done}/${event.total} files, ${rate.toFixed(0)} files/s, ETA ${eta.toFixed(0)} s\n`);
      }
    },
    stop() {},
  };
}

export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `Ingested ${summary.files} file(s) in ${(summary.elapsedMs / 1000).toFixed(2)} s: ` +
      `${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
      `${summary.pruned.length} pruned, ${summary.warningCount} warning(s) in ${summary.warnings.length} file(s), ${summary.failed.length} failed`,
  ];
  for (const failure of summary.failed) lines.push(`  failed  ${failure.sourcePath}: ${failure.error}`);
  for (const pruned of summary.pruned) lines.push(`  pruned  ${pruned}`);
  if (summary.slowest.length) {
    lines.push("Slowest files:");
    for (const s of summary.slowest) lines.push(`  ${s.ms.toFixed(1).padStart(8)} ms  ${s.sourcePath}`);
  }
  return lines.join("\n");
}
