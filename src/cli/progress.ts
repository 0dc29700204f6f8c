// The progress line of a folder review on a terminal: files done of total, throughput and time
// left, redrawn in place on standard error. Nothing is drawn when standard error is not a terminal
// (a pipe or a file gets no control characters) or with --quiet.

export interface ProgressSink {
  /** Writes to the terminal (standard error). */
  write(text: string): void;
  /** Columns of the terminal, if known (the line is cut to fit, so it never wraps). */
  columns?: number;
}

export interface ProgressState {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** Milliseconds since the review started. */
  elapsedMs: number;
}

/** "1m 05s", "42s", "1h 02m". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** The text of the line, without control characters: "12/500 files · 3.4 MB/s · 1m 05s left". */
export function progressText(p: ProgressState): string {
  const parts = [`${p.filesDone}/${p.filesTotal} files`];
  const seconds = p.elapsedMs / 1000;
  if (p.bytesDone > 0 && seconds > 0) {
    const rate = p.bytesDone / seconds;
    parts.push(`${(rate / 1e6).toFixed(1)} MB/s`);
    if (p.filesDone < p.filesTotal) parts.push(`${formatDuration(((p.bytesTotal - p.bytesDone) / rate) * 1000)} left`);
  }
  return parts.join(' \u00B7 ');
}

/**
 * A progress line redrawn at most every `intervalMs` (and always for the last file); `done()`
 * clears it so that what follows starts on a clean line.
 */
export class ProgressLine {
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly intervalMs = 100,
  ) {}

  update(p: ProgressState): void {
    const last = p.filesDone >= p.filesTotal;
    if (!last && p.elapsedMs - this.lastDraw < this.intervalMs) return;
    this.lastDraw = p.elapsedMs;
    let text = progressText(p);
    const width = this.sink.columns ? this.sink.columns - 1 : undefined;
    if (width !== undefined && width > 0 && text.length > width) text = text.slice(0, width);
    // Carriage return, the line, then erase what a longer earlier line left on its right.
    this.sink.write(`\r${text}\x1b[K`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.sink.write('\r\x1b[K');
    this.drawn = false;
  }
}

/** A progress line for standard error when it is a terminal and the run is not quiet, else undefined. */
export function terminalProgress(stream: NodeJS.WriteStream, quiet: boolean): ProgressLine | undefined {
  if (quiet || !stream.isTTY) return undefined;
  return new ProgressLine({
    write: text => stream.write(text),
    get columns() {
      return stream.columns;
    },
  });
}
